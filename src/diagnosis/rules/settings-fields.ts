// A settings class that reads its fields from the environment (pydantic-settings' `BaseSettings`, Pydantic 1's) and
// refuses to build without them: `ValidationError: 2 validation errors for Settings`, then each field on a line of its
// own and `Field required [type=missing …]` (Pydantic 1: `field required (type=value_error.missing)`) under it. The
// field names the variable: pydantic-settings matches it to the environment without regard to case.
import type { RuleContext, Traceback } from '../context.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { lineIndex } from '../continuations.js'

const FOR_SETTINGS = /validation errors? for (\w*(?:Settings|Config|Env)\w*)/
const FIELD = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/
const REQUIRED = /^\s*[Ff]ield required\b/

export interface MissingSettingsFields {
  tb: Traceback
  /** The settings class, as the error names it. */
  settings: string
  /** The environment variables, in the order the error lists their fields. */
  variables: string[]
}

export function missingSettingsFields(rc: RuleContext): MissingSettingsFields | undefined {
  for (const tb of rc.tracebacks) {
    const settings = FOR_SETTINGS.exec(tb.exception.message)?.[1]
    if (!settings || !tb.exception.type.endsWith('ValidationError')) continue
    const at = lineIndex(rc.ctx.lines, tb.lines[tb.lines.length - 1])
    if (at < 0) continue
    const after = rc.ctx.lines.slice(at + 1, at + 60).map((line) => stripLinePrefixes(line.text))
    const variables = after.flatMap((text, i) => {
      const field = FIELD.exec(text)?.[1]
      return field && REQUIRED.test(after[i + 1] ?? '') ? [field.toUpperCase()] : []
    })
    if (variables.length > 0) return { tb, settings, variables }
  }
  return undefined
}
