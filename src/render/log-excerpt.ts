// Choosing which log lines a reader sees: the traceback around the cause, and as much of the tail as fits.
import type { LogLine } from '../core/model.js'
import { recordLines } from '../gunicorn/structured-lines.js'
import { fenceFor, sanitizeLogLine } from './markdown-safe.js'

const GUNICORN_PREFIX = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[[A-Z]+\] /
const TRACEBACK_START = /Traceback \(most recent call last\):/
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b|^[\w.]+: /

/**
 * What a reader sees of one log line: a JSON record as the texts it carries (its traceback as lines), also one after
 * a shipper's prefix (`2025-… {"log": …}`), as the rules read it; else the line.
 */
export function displayTexts(text: string): string[] {
  return recordLines(text) ?? [text]
}

/** A run of consecutive log lines, with 1-based line numbers counted over the whole log (not just the kept tail). */
export interface LogExcerpt {
  firstLine: number
  lastLine: number
  lines: string[]
  /** Lines cut from inside the excerpt to keep it short (shown as one "… N lines omitted …" line at `elisionAt`). */
  omitted: number
  elisionAt?: number
}

/** 1-based number, over the whole log, of log[index]; `log` is the tail kept in memory. */
export function lineNumberOf(index: number, logLength: number, totalLines: number): number {
  return Math.max(totalLines, logLength) - logLength + index + 1
}

/**
 * The traceback that proves the diagnosis: from the `Traceback (most recent call last):` line before the first log
 * line matching an evidence line, through the exception and its continuation lines, up to the next Gunicorn line.
 * Long tracebacks keep their head and their end (where the user's frame and the exception are).
 */
export function findCauseExcerpt(
  log: readonly LogLine[],
  evidence: readonly string[],
  totalLines: number,
  options: { maxLines: number; maxLineLength: number }
): LogExcerpt | undefined {
  const needles = evidence.map((e) => e.trim()).filter((e) => e.length >= 4)
  if (needles.length === 0 || log.length === 0) return undefined
  // Prefer the exception line; a Gunicorn-prefixed line ("Worker failed to boot") is only a fallback anchor.
  const preferred = needles.filter((n) => !GUNICORN_PREFIX.test(n))
  const anchor = firstIndexMatching(log, preferred.length > 0 ? preferred : needles)
  if (anchor === -1) return undefined

  let start = anchor
  for (let i = anchor; i >= Math.max(0, anchor - 300); i--) {
    if (TRACEBACK_START.test(log[i].text)) {
      start = i
      break
    }
  }
  if (start === anchor) start = Math.max(0, anchor - 3)
  // Include Gunicorn's "Exception in worker process" line that introduces the traceback.
  if (start > 0 && GUNICORN_PREFIX.test(log[start - 1].text)) start--

  let end = anchor
  while (end + 1 < log.length && end - anchor < 20 && !GUNICORN_PREFIX.test(log[end + 1].text)) {
    const next = log[end + 1].text
    if (TRACEBACK_START.test(next) && end > anchor) break
    end++
  }
  // The exception line itself ends the interesting part when what follows is not a continuation.
  if (EXCEPTION_LINE.test(log[anchor].text.trim()) && end > anchor && log[end].text.trim() === '') end--

  const all = log.slice(start, end + 1).flatMap((l) => displayTexts(l.text).map((text) => sanitizeLogLine(text, options.maxLineLength)))
  let lines = all
  let omitted = 0
  let elisionAt: number | undefined
  if (all.length > options.maxLines) {
    const head = Math.min(2, Math.floor(options.maxLines / 4))
    const tail = options.maxLines - head - 1
    omitted = all.length - head - tail
    elisionAt = head
    lines = [...all.slice(0, head), `… ${omitted} lines omitted …`, ...all.slice(all.length - tail)]
  }
  return {
    firstLine: lineNumberOf(start, log.length, totalLines),
    lastLine: lineNumberOf(end, log.length, totalLines),
    lines,
    omitted,
    elisionAt
  }
}

function firstIndexMatching(log: readonly LogLine[], needles: readonly string[]): number {
  for (let i = 0; i < log.length; i++) {
    const text = log[i].text
    for (const needle of needles) if (text.includes(needle)) return i
  }
  return -1
}

/** Keeps the last lines of a code block so that the whole block costs at most `budget` units. */
export interface FittedLines {
  lines: string[]
  /** How many of the offered lines did not fit (or were beyond maxLines). */
  dropped: number
}

/**
 * The last lines of `source` (sanitized) that fit in `budget`, measured with `measure` (characters for a comment,
 * UTF-8 bytes for a job summary), counting the code fence. Scans from the end, so a huge log costs only what is kept.
 */
export function fitTail(
  source: readonly LogLine[],
  budget: number,
  options: { maxLines: number; maxLineLength: number; measure: (text: string) => number; overhead: number }
): FittedLines {
  const kept: string[] = []
  let used = options.overhead
  let fence = 3
  let whole = 0
  outer: for (let i = source.length - 1; i >= 0 && kept.length < options.maxLines; i--) {
    const texts = displayTexts(source[i].text)
    for (let j = texts.length - 1; j >= 0; j--) {
      if (kept.length >= options.maxLines) break outer
      const line = sanitizeLogLine(texts[j], options.maxLineLength)
      const lineFence = line.includes('`') ? fenceFor([line]).length : 3
      const fenceGrowth = Math.max(0, lineFence - fence) * 2
      const cost = options.measure(line) + 1 + fenceGrowth
      if (used + cost > budget) break outer
      used += cost
      fence = Math.max(fence, lineFence)
      kept.push(line)
    }
    whole++
  }
  kept.reverse()
  return { lines: kept, dropped: source.length - whole }
}

/** Drops lines from the top of an excerpt until its block fits the budget; undefined when not even a few fit. */
export function shrinkExcerpt(
  excerpt: LogExcerpt,
  budget: number,
  measure: (text: string) => number,
  overhead: number,
  minLines = 4
): LogExcerpt | undefined {
  const cost = (lines: string[]): number => overhead + fenceFor(lines).length * 2 + measure(lines.join('\n')) + 1
  let dropped = 0
  while (excerpt.lines.length - dropped > minLines && cost(excerpt.lines.slice(dropped)) > budget) {
    dropped += Math.max(1, Math.ceil((excerpt.lines.length - dropped) / 8))
    dropped = Math.min(dropped, excerpt.lines.length - minLines)
  }
  const lines = excerpt.lines.slice(dropped)
  if (cost(lines) > budget) return undefined
  if (dropped === 0) return excerpt
  // The first kept line's number: past the elision line, the omitted lines count too.
  const { elisionAt } = excerpt
  if (elisionAt !== undefined && dropped > elisionAt) {
    const firstLine = excerpt.firstLine + dropped - 1 + excerpt.omitted
    return { ...excerpt, lines, firstLine, omitted: 0, elisionAt: undefined }
  }
  const shifted = elisionAt === undefined ? undefined : elisionAt - dropped
  return { ...excerpt, lines, firstLine: excerpt.firstLine + dropped, elisionAt: shifted }
}
