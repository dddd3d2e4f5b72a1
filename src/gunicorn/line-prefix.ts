// What log shippers and pastes put in front of a program's own text, as one table. The parser reads a line
// after these are stripped (repeatedly: a blockquote around a timestamped line); the evidence keeps it as it was.
// Every shape here is one that Gunicorn logs really arrive in (see __fixtures__/corpus).

export interface LinePrefixShape {
  /** What adds it. */
  name: string
  /** The prefix, anchored at the start of the line. */
  pattern: RegExp
}

const RFC3339 = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?`
const SYSLOG_TIME = String.raw`\S{2,5} {1,2}\d{1,2} \d\d:\d\d:\d\d`

// Loki/Grafana table pastes: `|   | 2022-08-17 17:37:30 | `
const LOG_TABLE: LinePrefixShape = { name: 'log table', pattern: /^\s*(?:\|\s*)*\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s*\|\s?/ }

// A paste wrapped in quotes (a JSON export's array of strings, one per line)
const QUOTED_PASTE: LinePrefixShape = { name: 'quoted paste', pattern: /^"(?=\s*(?:File "|Traceback \(|\[\d{4}-))/ }

export const LINE_PREFIXES: readonly LinePrefixShape[] = [
  // `web-1  | ` (v2), `web_1  | ` (v1), or a container_name without a number (`superset_app   | `).
  { name: 'docker compose', pattern: /^[A-Za-z0-9][\w.-]*(?:[-_]\d+\s*|\s+)\|(?: |$)/ },
  // honcho / foreman: `08:22:00 web.1  | `
  { name: 'honcho or foreman', pattern: /^\d\d:\d\d:\d\d [\w.-]+\.\d+\s+\| / },
  { name: 'heroku', pattern: new RegExp(String.raw`^${RFC3339} (?:app|heroku)\[[\w.-]+\]: ?`) },
  // fly logs: `2024-03-05T10:00:00Z app[148e272b] iad [info]` (older flyctl: no blank after the level)
  { name: 'fly.io', pattern: new RegExp(String.raw`^${RFC3339} (?:app|runner|proxy)\[[\w-]+\] [a-z]{3,4} \[\w+\] ?`) },
  { name: 'kubernetes (CRI log file)', pattern: new RegExp(String.raw`^${RFC3339} (?:stdout|stderr) [FP] `) },
  // The CRI flag alone, its time and stream taken by a collector's record (`az containerapp logs show`: `"Log": "F …"`)
  { name: 'CRI flag', pattern: /^[FP] (?=[\s[A-Z])/ },
  // `Dec 01 10:00:00 host gunicorn[123]: ` (also localized months such as `12月`)
  { name: 'systemd journal / syslog', pattern: new RegExp(String.raw`^${SYSLOG_TIME} \S+ [^\s[\]]+\[\d+\]: ?`) },
  // Papertrail's and rsyslog's lines without a pid: `Jun 01 10:00:00 myapp app/web.1: ` (a Heroku drain), `… host gunicorn: `
  { name: 'syslog without pid', pattern: new RegExp(String.raw`^${SYSLOG_TIME} \S+ [A-Za-z][\w./@-]*: `) },
  // The journal's or syslog's program tag alone (`gunicorn[123]: `): pasted without the time and host columns
  { name: 'journal program tag', pattern: /^[A-Za-z][\w.@-]*\[\d+\]: / },
  // Render's log view: `Sep 18 02:20:16 PM  ` (12-hour clock, no host)
  { name: 'render', pattern: new RegExp(String.raw`^${SYSLOG_TIME} [AP]M {1,2}`) },
  // `Dec 11 09:35:30 [eks-rde-2/user] F `
  { name: 'papertrail', pattern: new RegExp(String.raw`^${SYSLOG_TIME} \[[^\]]+\] (?:[FP] )?`) },
  // supervisord's own log format, and its `DEBG 'name' stderr output:` header
  {
    name: 'supervisord',
    pattern: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) (?:'[^']+' std(?:out|err) output:\s*)?/
  },
  // A log viewer's epoch-milliseconds column, tab-separated (CloudWatch, Grafana exports)
  { name: 'epoch column', pattern: /^\d{10,13}(?:\.\d+)?\t/ },
  // Heroku's lines copied without the time column: `app[web.1]: `, `heroku[router]: `
  { name: 'heroku source', pattern: /^(?:app|heroku)\[[\w.-]+\]: / },
  // `docker logs -t`, Azure App Service, GitHub Actions' raw log: an RFC 3339 time, then a space or tab; Railway's
  // export adds its stream (`2025-12-30T18:59:29.775Z [err]  `), in the same shape so no line pays for another test.
  { name: 'timestamp', pattern: new RegExp(String.raw`^${RFC3339}\s(?:\[(?:err|inf)\]  ?)?`) },
  LOG_TABLE,
  // A console's bare column before each line (OpenShift's and Kibana's log views): `  | gunicorn: error: …`
  { name: 'console column', pattern: /^\|(?: |$)/ },
  { name: 'GitHub Actions annotation', pattern: /^##\[(?:error|warning|notice|debug|group|endgroup|command)\]/ },
  { name: 'blockquote', pattern: /^>(?: |$)/ },
  // A terminal UI's box around each line (k9s log view, rich panels): `│ Traceback (most recent call last): … │`
  { name: 'box-drawn panel', pattern: /^│ ?/ },
  // Markdown inline code around each line
  { name: 'inline code', pattern: /^`+/ },
  QUOTED_PASTE
]

const CLOSING_QUOTE = /",?\s*$/
const TRAILING_WRAPPER = /`+$|\s*│$/
const ANY_SMART_QUOTE = /[“”„‟‘’‚‛]/
const SMART_QUOTES: [RegExp, string][] = [
  [/[“”„‟]/g, '"'],
  [/[‘’‚‛]/g, "'"]
]

/** All shapes in one pattern: one test tells most lines that there is nothing to strip. */
const ANY_PREFIX = new RegExp(`^(?:${LINE_PREFIXES.map((shape) => `(?:${shape.pattern.source.replace(/^\^/, '')})`).join('|')})`)

/** The line without the prefixes a shipper or a paste added (up to four, outermost first). */
export function stripLinePrefixes(text: string): string {
  let rest = text
  for (let pass = 0; pass < 4; pass++) {
    // Fast path, most lines: no shape starts with Gunicorn's `[`, and only the log table with a blank.
    const first = rest.charCodeAt(0)
    if (Number.isNaN(first) || first === 91 /* [ */) break
    if (pass === 0 && (first === 32 || first === 9)) {
      // A paste that indented the whole log (a Markdown code block, `cf logs`): the indentation before a prefix goes too.
      const indent = indentBeforePrefix(rest)
      if (indent > 0) {
        rest = rest.slice(indent)
        continue
      }
    }
    if (first === 32 || first === 9 ? !LOG_TABLE.pattern.test(rest) : !mayStartWithPrefix(rest, first) || !ANY_PREFIX.test(rest)) break
    const shape = LINE_PREFIXES.find((candidate) => candidate.pattern.test(rest))
    if (!shape) break
    const next = rest.replace(shape.pattern, '')
    if (next === rest) break
    // A quoted paste (a JSON export's array of strings) closes its quote too: `"[…] Listening at: … (1)",`.
    rest = shape === QUOTED_PASTE ? next.replace(CLOSING_QUOTE, '') : next
  }
  return rest.endsWith('`') || rest.endsWith('│') ? rest.replace(TRAILING_WRAPPER, '') : rest
}

/** Gunicorn's `[2024-` or a shipper's prefix after leading blanks: how many blanks, else 0. */
function indentBeforePrefix(text: string): number {
  const indent = text.search(/\S/)
  if (indent <= 0) return 0
  const first = text.charCodeAt(indent)
  if (first === 91 /* [ */) return GUNICORN_TIME.test(text.slice(indent, indent + 12)) ? indent : 0
  const rest = text.slice(indent)
  return mayStartWithPrefix(rest, first) && ANY_PREFIX.test(rest) && !LOG_TABLE.pattern.test(rest) ? indent : 0
}
const GUNICORN_TIME = /^\[\d{4}-\d\d-\d\d/

/**
 * A line that starts with an ASCII letter can only carry a compose prefix (`web-1  | `, so it holds a `|`), the CRI flag, a
 * syslog-style time (`Dec 01 10:00:00 `: a first word of 2 to 5 characters, then a digit) or a program tag. Most lines are neither,
 * and this tells them without the alternation of every shape.
 */
function mayStartWithPrefix(text: string, first: number): boolean {
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
  if (!letter) return true
  const blank = text.indexOf(' ')
  // The CRI flag: `F ` or `P ` before the line.
  if (blank === 1 && (first === 70 || first === 80)) return true
  // A journal program tag ends right before the first blank: `gunicorn[123]: `.
  if (blank > 3 && text.charCodeAt(blank - 1) === 58 && text.charCodeAt(blank - 2) === 93) return true
  if (blank >= 2 && blank <= 5) {
    const next = text.charCodeAt(text.charCodeAt(blank + 1) === 32 ? blank + 2 : blank + 1)
    if (next >= 48 && next <= 57) return true
  }
  return text.includes('|')
}

/** Typographic quotes back to ASCII: forums and word processors "smarten" pasted tracebacks. */
export function plainQuotes(text: string): string {
  if (!ANY_SMART_QUOTE.test(text)) return text
  let plain = text
  for (const [pattern, ascii] of SMART_QUOTES) plain = plain.replace(pattern, ascii)
  return plain
}
