// An entrypoint script that checks the environment and refuses to start Gunicorn: its last words name the variable,
// either in a sentence (`Please set the SECRET_KEY environment variable`, `… is not a valid email. Please reset the
// ADMIN_EMAIL environment variable`) or as the shell's own `${NAME:?}` message (`NAME: parameter null or not set`).
// Read only when Gunicorn never started and no Python traceback explains the exit.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'

/** The shell's messages for `${NAME:?}`/`${NAME?}` (dash, bash) and `set -u` (bash). */
const SHELL_REFUSAL = /\b([A-Z][A-Z0-9_]*): (?:parameter null or not set|parameter not set|unbound variable)\b/
/** A sentence that names a variable beside the words `environment variable` (or `env var`). */
const NAME = String.raw`(?!(?:ERROR|FATAL|WARNING|WARN|INFO|DEBUG|CRITICAL|NOTICE)\b)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})`
const NAMED_VARIABLE = new RegExp(
  String.raw`\b${NAME}\s+(?:[Ee]nvironment|[Ee]nv\.?)\s+var(?:iable)?\b|\b(?:[Ee]nvironment|[Ee]nv\.?)\s+var(?:iable)?\s+['"\x60]?${NAME}\b`
)
/** The sentence refuses the value or its absence (not a warning that a default is used). */
const REFUSAL =
  /\bnot set\b|\bis required\b|\bmust (?:be|contain)\b|\bmissing\b|\bempty\b|\binvalid\b|\bnot (?:a )?valid\b|does not appear to be|\bplease (?:re)?set\b|\bundefined\b|\bcannot be\b/i
const NOT_FATAL = /\bdefault|\bignor|\bwarn/i

export interface EntrypointRefusal {
  variable: string
  line: LogLine
}

/** The last line of a run where Gunicorn never started that refuses a variable, if any. */
export function entrypointRefusal(rc: RuleContext): EntrypointRefusal | undefined {
  if (rc.ctx.state.started || rc.tracebacks.length > 0 || rc.ofKind('master-start').length > 0) return undefined
  for (let i = rc.ctx.lines.length - 1; i >= 0; i--) {
    const line = rc.ctx.lines[i]
    const { text } = line
    if (!text.includes('ariable') && !text.includes('nv') && !text.includes('parameter')) continue
    const shell = SHELL_REFUSAL.exec(text)
    if (shell) return { variable: shell[1], line }
    const named = NAMED_VARIABLE.exec(text)
    if (named && REFUSAL.test(text) && !NOT_FATAL.test(text)) return { variable: named[1] ?? named[2], line }
  }
  return undefined
}
