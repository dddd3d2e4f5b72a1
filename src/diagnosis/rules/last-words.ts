// What a worker printed last before Gunicorn killed it for its timeout: a slow import's own words (`Loading model
// …`, a download's progress bar) name what it was doing when nothing else does (no traceback, no stack).
import type { RuleContext } from '../context.js'
import type { EventOf } from '../../gunicorn/log-parser.js'
import { clip } from '../../core/text.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

export interface LastWords {
  /** The app's last line of its own before the kill, as it printed it (clipped). */
  said?: string
  /** A progress bar after it (a download, a model load), as the kill found it. */
  progress?: string
}

// tqdm's and pip's bars: `87%|████████▋ | 202M/231M`, `45%[=====>     ]`.
const PROGRESS_BAR = /\d{1,3}%\s*(?:\||\[)|\|[█▏▎▍▌▋▊▉#=> -]{4,}\|/
// A Gunicorn line run into the end of another program's (two writers, one stream): what stands before its prefix.
const GUNICORN_PREFIX = /\[\d{4}-\d\d-\d\d[ T][\d:,.]+(?: [+-]\d{4})?\] \[\d+\] \[[A-Z]+\]/

// The host's own lines in the same stream (Heroku's router and dyno manager): not the worker's words.
const PLATFORM_LINE = /\bheroku\[(?:router|web\.\d+|api)\]: /

/** The lines between the killed worker's boot (else the log's start) and its `WORKER TIMEOUT` that are not Gunicorn's. */
export function lastWordsBefore(rc: RuleContext, kill: EventOf<'worker-timeout'>): LastWords | undefined {
  const killSeq = kill.lines[0].seq
  const boot = rc.ofKind('worker-boot').find((b) => b.pid === kill.pid && b.lines[0].seq < killSeq)
  const fromSeq = boot?.lines[0].seq ?? -1
  // Gunicorn's own lines before the kill, which are not the app's words.
  const gunicorns = new Set<number>()
  for (const event of rc.ctx.events) {
    if (event.lines[0].seq >= killSeq) continue
    for (const line of event.lines) gunicorns.add(line.seq)
  }
  const texts: string[] = []
  for (const line of rc.ctx.lines) {
    if (line.seq <= fromSeq) continue
    if (line.seq === killSeq) {
      const text = stripLinePrefixes(line.text)
      const before = text.split(GUNICORN_PREFIX)[0].trim()
      if (before && before !== text.trim()) texts.push(before)
      break
    }
    if (line.seq > killSeq) break
    const text = stripLinePrefixes(line.text).trim()
    if (!gunicorns.has(line.seq) && text && !PLATFORM_LINE.test(line.text)) texts.push(text)
  }
  const lastMessage = [...texts].reverse().find((text) => !PROGRESS_BAR.test(text))
  const lastBar = texts.length > 0 && PROGRESS_BAR.test(texts[texts.length - 1]) ? texts[texts.length - 1] : undefined
  if (!lastMessage && !lastBar) return undefined
  return { said: lastMessage && clip(lastMessage, 120), progress: lastBar && clip(lastBar.replace(/\s+/g, ' '), 60) }
}
