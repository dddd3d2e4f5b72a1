// Logs a person copied can be out of reading order: newest first (a log viewer's order), or hard-wrapped at a
// fixed width by a terminal or a mail client. A container's own log never is, so the streaming parser does not
// look for this; the diagnosis re-reads the kept lines in reading order when the paste shows either shape.
import type { LogLine } from '../core/model.js'
import { stripLinePrefixes } from './line-prefix.js'
import { PREFIX } from './log-events.js'

const HEADER = /^\s*\[?Traceback \(most recent call last\):\s*$/
const FRAME = /^\s*File "/
const EXCEPTION = /^[A-Za-z_][\w.]*(Error|Exception): /
const SHUTTING_DOWN = /\] Shutting down: /
const REASON = /\] Reason: /

/** The lines in reading order, renumbered, or undefined when they already are. */
export function readingOrder(lines: readonly LogLine[]): LogLine[] | undefined {
  const reversed = looksReversed(lines)
  const ordered = reversed ? [...lines].reverse() : [...lines]
  const unwrapped = unwrapFixedWidth(ordered)
  if (!reversed && unwrapped.length === lines.length) return undefined
  return unwrapped.map((line, index) => ({ ...line, seq: index }))
}

/** Newest first: Reason before Shutting down, frames before their header, exceptions before their frames, time running backwards. */
function looksReversed(lines: readonly LogLine[]): boolean {
  const texts = lines.map((line) => stripLinePrefixes(line.text)).filter((text) => text.trim() !== '')
  let score = 0
  let lastTime: string | undefined
  for (let i = 0; i < texts.length; i++) {
    const [a, b] = [texts[i], texts[i + 1] ?? '']
    if (REASON.test(a) && SHUTTING_DOWN.test(b)) score++
    if (SHUTTING_DOWN.test(a) && REASON.test(b)) score--
    if (EXCEPTION.test(a) && FRAME.test(b)) score++
    if (HEADER.test(a) && FRAME.test(b)) score--
    if (FRAME.test(a) && HEADER.test(b)) score++
    const time = PREFIX.exec(a)
    const stamp = time ? (time[1] ?? time[2]) : undefined
    if (stamp && lastTime && stamp !== lastTime) score += stamp < lastTime ? 1 : -1
    if (stamp) lastTime = stamp
  }
  return score >= 2
}

/**
 * A paste wrapped at a fixed width: several lines exactly as long as the longest, each followed by a line that does
 * not start the way the log's lines do (no shipper prefix). Those pairs are joined back.
 */
function unwrapFixedWidth(lines: LogLine[]): LogLine[] {
  const width = Math.max(0, ...lines.map((line) => line.text.length))
  const continues = (index: number) => {
    const next = lines[index + 1]
    return lines[index].text.length === width && next !== undefined && next.text !== '' && stripLinePrefixes(next.text) === next.text
  }
  const wrapped = lines.filter((_line, index) => continues(index)).length
  if (width < 40 || wrapped < 3 || !lines.some((line) => stripLinePrefixes(line.text) !== line.text)) return lines
  const joined: LogLine[] = []
  for (let i = 0; i < lines.length; i++) {
    if (continues(i)) {
      joined.push({ ...lines[i], text: lines[i].text + lines[i + 1].text })
      i++
    } else {
      joined.push(lines[i])
    }
  }
  return joined
}
