// One physical line as the parser reads it: shipper prefixes stripped, quotes made plain, and a line into which
// a paste or a collector collapsed many lines split back at the boundaries Gunicorn and Python print.
import { plainQuotes, stripLinePrefixes } from './line-prefix.js'
import { jsonLogLines, opensRecord } from './structured-lines.js'

/** Where a collapsed line is cut: before each of these (never at its very start). `worth` is a cheap pre-check. */
const BOUNDARIES: { pattern: RegExp; worth: (text: string) => boolean }[] = [
  {
    pattern: /\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] /g,
    // One prefix ends its `] [` before column 40; a second one lies beyond.
    worth: (text) => text.indexOf('] [', 41) !== -1
  },
  { pattern: /Traceback \(most recent call last\):/g, worth: (text) => laterThanLeadIn(text, 'Traceback (') },
  { pattern: /File "[^"]+", line \d+/g, worth: (text) => laterThanLeadIn(text, 'File "') },
  // a kernel log record (dmesg) in the middle of the text
  { pattern: /\[\s*\d+\.\d{6}\] /g, worth: (text) => hasKernelStamp(text) },
  // a journal prefix in the middle of the text (journalctl output pasted without its newlines)
  { pattern: /(?<=\s)[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d \S+ [^\s[\]]+\[\d+\]: /g, worth: (text) => text.includes(']: ') }
]
/** `needle` occurs after the line's own start (its indentation and an opening bracket or quote). */
function laterThanLeadIn(text: string, needle: string): boolean {
  // (lastIndexOf would be the one call, but it scans without skipping: most lines do not hold the needle at all.)
  if (text.indexOf(needle, 1) === -1) return false
  return text.indexOf(needle, text.search(/[^\s[`"',>]/) + 1) !== -1
}

/** `.123456] ` somewhere: the end of a kernel timestamp (found without a regex scan of the whole line). */
function hasKernelStamp(text: string): boolean {
  for (let at = text.indexOf('] '); at !== -1; at = text.indexOf('] ', at + 2)) {
    if (at >= 8 && text.charCodeAt(at - 7) === 46 /* . */ && isDigits(text, at - 6, at)) return true
  }
  return false
}

/** A `]` that could end a boundary's start: `] [` past column 40, a kernel time's `.123456] `, a journal's `]: `. */
function bracketBoundaryHint(text: string): boolean {
  for (let at = text.indexOf(']'); at !== -1; at = text.indexOf(']', at + 1)) {
    const next = text.charCodeAt(at + 1)
    if (next === 32 /* space */) {
      if (at >= 41 && text.charCodeAt(at + 2) === 91 /* [ */) return true
      if (at >= 8 && text.charCodeAt(at - 7) === 46 /* . */ && isDigits(text, at - 6, at)) return true
    } else if (next === 58 /* : */ && text.charCodeAt(at + 2) === 32) return true
  }
  return false
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** A collector that shipped the lines as a JSON array of strings: `…","Traceback …"," File \"x\", …`. */
const JSON_ARRAY_SEPARATOR = /"\]?\s*,\s*"/
/** What may stand before the first boundary without being a line of its own. */
const LEAD_IN = /^[\s[`"',>]*$/

/** The texts the parser reads for one physical line: usually one, several for a collapsed line. */
export function readableSegments(raw: string): string[] {
  const input = raw.charCodeAt(raw.length - 1) === 13 /* \r */ ? raw.slice(0, -1) : raw
  const text = stripLinePrefixes(input)
  // One JSON object per line (a JSON formatter, a collector): the texts in its message and exception fields.
  const record = opensRecord(text) ? jsonLogLines(text) : undefined
  // Each text of the record is read as a line of its own, a collapsed one (`… ERR Traceback (…`) cut like any.
  if (record) return record.flatMap((part) => recordSegments(stripLinePrefixes(part))).filter((part) => part.trim() !== '')
  const json = text.includes('\\"') && JSON_ARRAY_SEPARATOR.test(text)
  if (!json) {
    const cut = splitAtBoundaries(text)
    // Most lines: one segment, and nothing stripped (so stripping again would strip nothing either).
    if (cut.length === 1) return [plainQuotes(cut[0] === input ? input : stripLinePrefixes(cut[0]))]
  }
  const pieces = json ? jsonArrayPieces(text) : [text]
  const segments: string[] = []
  for (const piece of pieces) {
    for (const segment of splitAtBoundaries(piece)) segments.push(plainQuotes(stripLinePrefixes(segment)))
  }
  // A collapsed line loses nothing by dropping what was only a prefix between two boundaries.
  return segments.length > 1 ? segments.filter((segment) => segment.trim() !== '') : segments
}

function recordSegments(part: string): string[] {
  const cut = splitAtBoundaries(part)
  return cut.length === 1 ? [plainQuotes(part)] : cut.map((segment) => plainQuotes(stripLinePrefixes(segment)))
}

function jsonArrayPieces(text: string): string[] {
  return text
    .split(JSON_ARRAY_SEPARATOR)
    .map((piece) => piece.replace(/\\"/g, '"').replace(/^\s*[[\]"]+|["\]}]+$/g, ''))
    .filter((piece) => piece.trim() !== '')
}

function splitAtBoundaries(text: string): string[] {
  // What every boundary needs, in one look at each `]`: most lines have nothing to cut.
  if (!bracketBoundaryHint(text) && text.indexOf('Traceback (', 1) === -1 && text.indexOf('File "', 1) === -1) return [text]
  const cuts = new Set<number>()
  for (const { pattern, worth } of BOUNDARIES) {
    if (!worth(text)) continue
    for (const match of text.matchAll(pattern)) if (match.index > 0) cuts.add(match.index)
  }
  if (cuts.size === 0) return [text]
  const segments: string[] = []
  let start = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const before = text.slice(start, cut)
    if (LEAD_IN.test(before)) continue
    segments.push(frameIndent(before.trimEnd()))
    start = cut
  }
  segments.push(frameIndent(text.slice(start)))
  return segments
}

/** A frame cut out of a collapsed line gets back the indentation that tells it from an exception line. */
function frameIndent(segment: string): string {
  return segment.startsWith('File "') ? `  ${segment}` : segment
}
