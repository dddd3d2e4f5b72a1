// Primitives that turn untrusted text (container logs, app output, exception messages) into inert Markdown.
// Two rules: log lines only ever appear inside fenced code blocks whose fence no line can close, and text outside
// code is escaped so it can neither format, inject HTML, mention someone nor reference another repository's issue.

/** Zero-width joiner: breaks `@user`, `#123` and autolinks for GitHub without changing what a reader sees. */
export const ZWJ = '\u200D'

const ANSI_CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g
const ANSI_OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g
// C0 controls except tab, DEL, and the bidi overrides that can make text read differently than it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g
const OUR_MARKER = /(<!--\s*gunicorn-smoke):/g

function cutAt(text: string, max: number): string {
  let end = max
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end-- // never split a surrogate pair
  return text.slice(0, end)
}

/** Shortens text to at most `max` characters (plus a short note saying how much was cut). */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text
  return `${cutAt(text, max)} … [${text.length - max} more characters]`
}

/**
 * One log line made safe to print inside a code block: colour codes and control characters removed,
 * a copy of our own comment marker defused (so no tool mistakes a quoted log for our comment), length capped.
 */
export function sanitizeLogLine(text: string, maxLength: number): string {
  let out = text
  if (out.includes('\x1b')) out = out.replace(ANSI_OSC, '').replace(ANSI_CSI, '')
  out = out.replace(/\r/g, ' ').replace(/\n/g, ' ').replace(CONTROL, '')
  if (out.includes('gunicorn-smoke')) out = out.replace(OUR_MARKER, `$1${ZWJ}:`)
  return capLength(out.trimEnd(), maxLength)
}

function longestBacktickRun(text: string): number {
  let longest = 0
  let current = 0
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      current++
      if (current > longest) longest = current
    } else {
      current = 0
    }
  }
  return longest
}

/** The fence for a code block holding these lines: longer than any backtick run inside, at least three. */
export function fenceFor(lines: readonly string[]): string {
  let longest = 0
  for (const line of lines) {
    if (line.includes('`')) longest = Math.max(longest, longestBacktickRun(line))
  }
  return '`'.repeat(Math.max(3, longest + 1))
}

/** A fenced code block no line inside can close. Lines must already be sanitized (no line breaks). */
export function codeBlock(lines: readonly string[], info = 'text'): string {
  const fence = fenceFor(lines)
  return `${fence}${info}\n${lines.length > 0 ? lines.join('\n') + '\n' : ''}${fence}`
}

function oneLine(text: string): string {
  let out = text
  if (out.includes('\x1b')) out = out.replace(ANSI_OSC, '').replace(ANSI_CSI, '')
  return out.replace(CONTROL, ' ').replace(/\s+/g, ' ')
}

/** An inline code span that shows `text` verbatim whatever backticks it holds; `|` is escaped inside tables. */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let content = oneLine(text)
  if (content.trim() === '') return ''
  const fence = '`'.repeat(longestBacktickRun(content) + 1)
  if (content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' '))) {
    content = ` ${content} `
  }
  if (options.inTable) content = content.replace(/\|/g, '\\|')
  return `${fence}${content}${fence}`
}

// Every ASCII character that can start Markdown or HTML syntax inline, or GitHub's math ($).
const INLINE_SPECIAL = /[\\`*_[\]<>&|~!#$]/g

/** Breaks what GitHub would turn into a notification or a link: @mentions, issue references, bare URLs. */
export function neutralizeReferences(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
    .replace(/\b(https?|ftp):\/\//gi, `$1:${ZWJ}//`)
    .replace(/\bwww\./gi, `www${ZWJ}.`)
}

/**
 * Plain text for a paragraph or a table cell: one line, every Markdown/HTML special character escaped,
 * references neutralized (pipes too, so it is safe in a table cell). `atLineStart` also escapes what would start a
 * list or a setext heading.
 */
export function escapeText(text: string, options: { atLineStart?: boolean } = {}): string {
  let out = neutralizeReferences(oneLine(text)).replace(INLINE_SPECIAL, '\\$&')
  if (options.atLineStart) {
    out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2')
  }
  return out
}

/**
 * Text that may carry `code spans` (a diagnosis sentence such as "No module named `gevent`"): the spans are kept as
 * code (re-fenced safely), everything else is escaped. Backticks follow CommonMark: a run opens a span only when a run
 * of the same length closes it; an unmatched run is shown literally.
 */
export function inlineMarkdown(text: string, options: { inTable?: boolean; atLineStart?: boolean } = {}): string {
  const source = oneLine(text).trim()
  const parts: string[] = []
  let plain = ''
  let i = 0
  const flushPlain = (): void => {
    if (plain !== '') {
      parts.push(escapeText(plain, { atLineStart: options.atLineStart === true && parts.length === 0 }))
    }
    plain = ''
  }
  while (i < source.length) {
    if (source[i] !== '`') {
      const next = source.indexOf('`', i)
      const end = next === -1 ? source.length : next
      plain += source.slice(i, end)
      i = end
      continue
    }
    let runEnd = i
    while (source[runEnd] === '`') runEnd++
    const run = runEnd - i
    let close = -1
    for (let j = source.indexOf('`', runEnd); j !== -1;) {
      let k = j
      while (source[k] === '`') k++
      if (k - j === run) {
        close = j
        break
      }
      j = source.indexOf('`', k)
    }
    if (close === -1) {
      plain += source.slice(i, runEnd)
      i = runEnd
      continue
    }
    const span = codeSpan(source.slice(runEnd, close).replace(/^ (.*[^ ].*) $/, '$1'), options)
    flushPlain()
    if (span !== '') parts.push(span)
    i = close + run
  }
  flushPlain()
  return parts.join('')
}

/** Link URL made safe for `[text](url)`: only http(s), no spaces, parentheses or angle brackets left raw. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined
  return url.replace(/[()<>"'`\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

/** A repository path URL-encoded segment by segment; undefined for paths that would leave the repository. */
export function encodeRepoPath(path: string): string | undefined {
  const segments = path.split('/')
  if (path.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) return undefined
  return segments.map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('/')
}
