// An entrypoint script that checks the environment and refuses to start Gunicorn: its last words name the variable,
// either in a sentence (`Please set the SECRET_KEY environment variable`, `… is not a valid email. Please reset the
// ADMIN_EMAIL environment variable`) or as the shell's own `${NAME:?}` message (`NAME: parameter null or not set`).
// Read only when Gunicorn never started and no Python traceback explains the exit. A worker's own refusal (the app
// logged it before the worker exited) is read the same way.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

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

// `env 'TOKEN' not found`: the word env before a quoted name and the words that refuse it.
const ENV_NAME_REFUSED = new RegExp(
  String.raw`\b(?:[Ee]nv(?:ironment)?|ENV)(?:\s+var(?:iable)?)?\s+['"\x60]?${NAME}['"\x60]?\s+` +
    String.raw`(?:is\s+|was\s+)?(?:not found|not set|not defined|undefined|missing|required|empty)\b`
)

// The words for a variable that is not there (not for one set to a value the app refuses: that is its configuration).
const ABSENT =
  /\bnot set\b|\bis required\b|\bmissing\b|\bempty\b|\bplease (?:re)?set\b|\bundefined\b|\bmust be (?:set|provided|defined)\b|\bnot (?:found|defined|provided)\b/i

/**
 * The variable an exception's message names and finds absent (`env 'TOKEN' not found`, `Please set the SECRET_KEY
 * environment variable`), whatever the exception's class.
 */
export function variableRefusedInMessage(message: string): string | undefined {
  if (NOT_FATAL.test(message)) return undefined
  const named = ENV_NAME_REFUSED.exec(message) ?? (ABSENT.test(message) ? NAMED_VARIABLE.exec(message) : null)
  return named ? (named[1] ?? named[2]) : undefined
}

/** The variable an app's line names and refuses, unless it is Gunicorn's own line or a note that the app goes on. */
function refusedIn(text: string): string | undefined {
  if (GUNICORN_LINE.test(text) || NOT_FATAL.test(text) || GOES_ON.test(text)) return undefined
  const named = NAME_REFUSED.exec(text) ?? (REFUSAL.test(text) ? NAMED_VARIABLE.exec(text) : null)
  return named ? (named[1] ?? named[2]) : undefined
}

/**
 * A worker that logged why it refused to load and exited without a traceback: the app's own line, just before the
 * worker's exit, names a variable and refuses it. Each exiting worker's line before its exit is read. Where the
 * master logs no exit (Gunicorn 20.1's code 1, or any version at `loglevel` warning, which hides `Worker exiting`),
 * the same refusal printed again and again, once by each worker Gunicorn replaces, is read instead.
 */
export function workerRefusal(rc: RuleContext): EntrypointRefusal | undefined {
  if (rc.tracebacks.length > 0) return undefined
  const lines = rc.ctx.lines
  for (let i = 1; i < lines.length; i++) {
    // `Worker exiting` is an INFO line: at `--log-level warning` the master's `exited with code` is the death's only line.
    if (!lines[i].text.includes('Worker exiting') && !lines[i].text.includes('exited with code')) continue
    for (const line of lines.slice(Math.max(0, i - 2), i)) {
      const variable = refusedIn(line.text)
      if (variable) return { variable, line }
    }
  }
  return repeatedRefusal(rc)
}

// The words NAME_REFUSED and NAMED_VARIABLE need (a line without any cannot refuse a variable).
const REFUSAL_WORDS = /not set|not defined|undefined|missing|required|empty|[Ee]nv/

function repeatedRefusal(rc: RuleContext): EntrypointRefusal | undefined {
  if (rc.ofKind('worker-exit').length > 0 || rc.ofKind('worker-exiting').length > 0) return undefined
  const seen = new Map<string, number>()
  for (const line of rc.ctx.lines) {
    // A substring look first: a huge log of noise is read once, without its prefixes stripped.
    if (!REFUSAL_WORDS.test(line.text)) continue
    const text = stripLinePrefixes(line.text).trim()
    const variable = text.length < 300 ? refusedIn(text) : undefined
    if (!variable) continue
    const times = (seen.get(text) ?? 0) + 1
    if (times >= 2) return { variable, line }
    seen.set(text, times)
  }
  return undefined
}
