// An entrypoint script that checks the environment and refuses to start Gunicorn: its last words name the variable,
// either in a sentence (`Please set the SECRET_KEY environment variable`, `… is not a valid email. Please reset the
// ADMIN_EMAIL environment variable`) or as the shell's own `${NAME:?}` message (`NAME: parameter null or not set`).
// Read only when Gunicorn never started and no Python traceback explains the exit. A worker's own refusal (the app
// logged it before the worker exited) is read the same way.
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

/** `APP_URL not set or wrong format`: a name in capitals followed by the words that refuse it, as an app logs it. */
const NAME_REFUSED = new RegExp(String.raw`\b${NAME}\s+(?:is\s+|was\s+)?(?:not set|not defined|undefined|missing|required|empty)\b`)
const GUNICORN_LINE = /\[\d+\] \[[A-Z]+\] |Worker exiting|exited with code/
/** An app's note that it goes on without the value (`INFO: REDIS_URL not set, caching disabled`) is no refusal. */
const GOES_ON = /\b(?:INFO|DEBUG)\b|\b[Dd]isabl|\b[Ss]kipp|\b[Oo]ptional\b|\b[Ff]alling back\b/

/**
 * A worker that logged why it refused to load and exited without a traceback: the app's own line, just before the
 * worker's exit, names a variable and refuses it. Each exiting worker's line before its exit is read.
 */
export function workerRefusal(rc: RuleContext): EntrypointRefusal | undefined {
  if (rc.tracebacks.length > 0) return undefined
  const lines = rc.ctx.lines
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].text.includes('Worker exiting')) continue
    for (const line of lines.slice(Math.max(0, i - 2), i)) {
      if (GUNICORN_LINE.test(line.text) || NOT_FATAL.test(line.text) || GOES_ON.test(line.text)) continue
      const named = NAME_REFUSED.exec(line.text) ?? (REFUSAL.test(line.text) ? NAMED_VARIABLE.exec(line.text) : null)
      if (named) return { variable: named[1] ?? named[2], line }
    }
  }
  return undefined
}
