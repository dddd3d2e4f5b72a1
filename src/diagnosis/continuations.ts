// What Python prints after a line and indents: libpq's hint after its exception (`\tIs the server running on host
// "db" …`), a message that starts on the line after its exception type, a library's hint after its error line.
import type { LogLine } from '../core/model.js'
import { stripLinePrefixes } from '../gunicorn/line-prefix.js'

/** The indented lines right after `line` in `lines` (at most three, without a shipper's prefix), trimmed. */
export function linesIndentedAfter(lines: readonly LogLine[], line: LogLine): string[] {
  const at = lineIndex(lines, line)
  const following = at < 0 ? [] : lines.slice(at + 1, at + 4).map((l) => stripLinePrefixes(l.text))
  const run = following.findIndex((text) => !/^\s+\S/.test(text))
  return (run === -1 ? following : following.slice(0, run)).map((text) => text.trim())
}

/**
 * Where a log line (a traceback's, say) stands in the lines the rules read, or -1: the same line also when the rules
 * read it from a JSON record or without its CR (a record's texts share its seq). A binary search, for big logs.
 */
export function lineIndex(lines: readonly LogLine[], line: LogLine): number {
  const first = firstWithSeq(lines, line.seq)
  for (let i = first; i >= 0 && i < lines.length && lines[i].seq === line.seq; i++) {
    if (line.text.includes(lines[i].text.trim())) return i
  }
  return first
}

/** The index of the first line with this seq (the lines are in seq order), or -1: a binary search, for big logs. */
function firstWithSeq(lines: readonly LogLine[], seq: number): number {
  let low = 0
  let high = lines.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (lines[mid].seq < seq) low = mid + 1
    else high = mid
  }
  return low < lines.length && lines[low].seq === seq ? low : -1
}
