// Secrets must never reach a public comment or a job summary. The Redactor replaces known secret values
// (every `env` input value, the token) and common credential shapes with ***, before anything is truncated:
// cutting first could leave half a secret that no pattern recognises any more.
import type { LogLine, RunReport } from '../core/model.js'

export const REDACTED = '***'

/** Values shorter than this are not searched for in text: masking every "a" or "42" would shred the log. */
export const MIN_SECRET_LENGTH = 3

// Known token shapes, case-sensitive.
const TOKEN_SHAPES = new RegExp(
  [
    String.raw`\bgh[pousr]_[A-Za-z0-9]{20,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{20,}`,
    String.raw`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`
  ].join('|'),
  'g'
)

// `scheme://user:password@host` — the password may itself contain an unencoded @, so the match runs to the last one.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/?#@'"]*:)([^\s/?#'"]+)@/gi

// `Authorization: Bearer x`, `"authorization": "token x"`, and a bare `Bearer x`.
const AUTH_HEADER = /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|token|basic|digest|negotiate)\s+)?([^\s"',;]+)/gi
const BEARER = /\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi

// NAME=value, NAME: value, 'NAME': 'value', "NAME": "value" where NAME ends in a sensitive word.
// An unquoted value directly followed by ( or [ is code (`SECRET_KEY = os.environ["SECRET_KEY"]` in a traceback),
// not a value: it is kept so the traceback stays readable. The lookahead + backreference makes the value atomic.
const SENSITIVE_NAME = String.raw`[A-Za-z0-9_.-]*?(?:secret|token|passwd|password|passphrase|api[_-]?key|[_-]key|credentials?)`
const SENSITIVE_ASSIGNMENT = new RegExp(
  String.raw`(?<![A-Za-z0-9_/])(["']?)(${SENSITIVE_NAME})\1(\s*[:=]\s*)` +
    String.raw`(?:([rbuf]{0,2})(["'])(?:(?!\5)[^\\]|\\.)*\5|(?=([^\s"',;&}\]()\[]+))\6(?![(\[]))`,
  'gi'
)

// Cheap test run first: a line without any of these words cannot hold a header, a bearer token or an assignment.
const MAY_HOLD_CREDENTIAL = /secret|token|passw|passphrase|key|credential|authorization|bearer/i

const KEY_BEGIN = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----/
const KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY\2-----|$)/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class Redactor {
  /** Every registered secret, whatever its length: used to mask env-derived values wholesale. */
  private readonly secrets = new Set<string>()
  /** The compiled alternation of secret values; null when none is long enough to search for. */
  private valuePattern: RegExp | null | undefined

  constructor(secrets: Iterable<string | undefined | null> = []) {
    for (const secret of secrets) this.add(secret)
  }

  /** A Redactor for the action's inputs: every `env` value (all treated as secret) and the token. */
  static forInputs(options: { env?: Record<string, string>; token?: string; extra?: Iterable<string> }): Redactor {
    return new Redactor([...Object.values(options.env ?? {}), options.token, ...(options.extra ?? [])])
  }

  add(secret: string | undefined | null): void {
    if (secret === undefined || secret === null || secret === '') return
    this.secrets.add(secret)
    this.valuePattern = undefined
  }

  /** How many distinct secret values are registered. */
  get size(): number {
    return this.secrets.size
  }

  /** True for a registered secret value of any length. */
  isSecret(value: string): boolean {
    return this.secrets.has(value)
  }

  /** For places that show an env-derived value: a registered secret is masked whole, even a 1-character one. */
  maskValue(value: string): string {
    return this.isSecret(value) ? REDACTED : this.redact(value)
  }

  redact(text: string): string {
    if (text === '') return text
    let out = text
    const values = this.pattern()
    if (values) out = out.replace(values, REDACTED)
    if (out.includes('PRIVATE KEY'))
      out = out.replace(KEY_BLOCK, (_m, kind: string, block: string = '') => {
        return `-----BEGIN ${kind}PRIVATE KEY${block}----- ${REDACTED} -----END ${kind}PRIVATE KEY${block}-----`
      })
    out = out.replace(TOKEN_SHAPES, REDACTED)
    if (out.includes('://')) out = out.replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    if (!MAY_HOLD_CREDENTIAL.test(out)) return out
    out = out.replace(AUTH_HEADER, (_m, head: string, scheme: string | undefined) => (scheme ? `${head}${scheme} ${REDACTED}` : `${head}${REDACTED}`))
    out = out.replace(BEARER, `$1 ${REDACTED}`)
    out = out.replace(
      SENSITIVE_ASSIGNMENT,
      (match, quote: string, name: string, sep: string, prefix: string | undefined, valueQuote: string | undefined) => {
        if (valueQuote) return `${quote}${name}${quote}${sep}${prefix ?? ''}${valueQuote}${REDACTED}${valueQuote}`
        const value = match.slice(quote.length * 2 + name.length + sep.length)
        // Already masked (a URL's password, a token shape): keep what follows it.
        return value.startsWith(REDACTED) ? match : `${quote}${name}${quote}${sep}${REDACTED}`
      }
    )
    return out
  }

  /**
   * Redacts consecutive log lines, keeping their count: a private key printed over several lines is masked from
   * its BEGIN line to its END line, which a line-by-line pass could not see.
   */
  redactLines(lines: readonly string[]): string[] {
    const out: string[] = new Array<string>(lines.length)
    let insideKey = false
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]
      if (insideKey) {
        const end = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.exec(line)
        if (end) {
          insideKey = false
          out[i] = REDACTED + this.redact(line.slice(end.index))
        } else {
          out[i] = REDACTED
        }
        continue
      }
      const begin = line.includes('-----BEGIN ') ? KEY_BEGIN.exec(line) : null
      if (begin && !line.slice(begin.index).includes('-----END ')) {
        insideKey = true
        out[i] = this.redact(line.slice(0, begin.index)) + begin[0] + REDACTED
        continue
      }
      out[i] = this.redact(line)
    }
    return out
  }

  private pattern(): RegExp | null {
    if (this.valuePattern !== undefined) return this.valuePattern
    const variants = new Set<string>()
    for (const secret of this.secrets) {
      variants.add(secret)
      // A multi-line secret (a key, a certificate) may be printed one line at a time.
      for (const line of secret.split(/\r?\n/)) variants.add(line.trim())
      // The same value as it appears inside JSON strings and URLs.
      const inJson = JSON.stringify(secret).slice(1, -1)
      variants.add(inJson)
      // Python's json.dumps writes non-ASCII characters as \uXXXX escapes (a JSON log formatter's default).
      variants.add(inJson.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
      variants.add(encodeURIComponent(secret))
    }
    const searchable = [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
    this.valuePattern = searchable.length === 0 ? null : new RegExp(searchable.map(escapeRegExp).join('|'), 'g')
    return this.valuePattern
  }
}

/** Every string of the value, redacted; the structure is copied, never mutated. */
function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.redact(value) as T
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactor)) as T
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, redactor)
    return copy as T
  }
  return value
}

function redactLog(log: readonly LogLine[], redactor: Redactor): LogLine[] {
  const texts = redactor.redactLines(log.map((line) => line.text))
  return log.map((line, i) => ({ ...line, text: texts[i] }))
}

/**
 * A copy of the report with every string redacted: summary, diagnosis, evidence, checks, health body,
 * WebSocket detail, warnings, advisories, annotations, metadata and every log line.
 * Call it once, before rendering anything (comment, summary, annotations, CLI output).
 */
export function redactReport(report: RunReport, redactor: Redactor): RunReport {
  const { log, ...rest } = report
  return { ...redactDeep(rest, redactor), log: redactLog(log, redactor) }
}
