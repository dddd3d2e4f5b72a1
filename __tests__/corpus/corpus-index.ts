// The public corpus (__fixtures__/corpus): its index, and each log replayed through the pipeline's own readers
// (BootTracker over every line, then diagnose()) with the outcome the recorded exit code or "kept running" gives.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { BootTracker } from '../../src/gunicorn/boot-tracker.js'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import type { DiagnosisContext, FailedOutcome } from '../../src/diagnosis/index.js'

export const CORPUS_DIR = path.join(process.cwd(), '__fixtures__/corpus')

export interface CorpusEntry {
  file: string
  source: string
  gunicorn: string
  worker_class: string
  /** The master's exit code; null when it kept running or the log does not show it. */
  exit_code: number | null
  running: boolean
  /** What the server answered while running, when the thread shows it. */
  http_status?: number
  stream?: 'stdout' | 'stderr'
  shape: string
  reason: string
  culprit?: string
  cause: string
  /** Fixed by sha256(source URL) before rules are written from the development part. */
  part: 'dev' | 'test'
  /** Collected before the split: the earlier rules were written from it, so it is not held out. */
  before_split?: boolean
  /** Held out and right only for its recorded outcome: kept out of the any-outcome test, with why. */
  outcome_dependent?: string
  known_miss?: boolean
  why?: string
  /** A blind reading found the log alone does not show the labelled cause (`no`) or its culprit (`reason-only`). */
  shows_cause?: 'no' | 'reason-only'
  shows_cause_why?: string
}

export function loadCorpus(): CorpusEntry[] {
  const index = parseYaml(readFileSync(path.join(CORPUS_DIR, 'index.yaml'), 'utf8')) as { logs: CorpusEntry[] }
  return index.logs
}

export function corpusLog(entry: CorpusEntry): string {
  return readFileSync(path.join(CORPUS_DIR, 'logs', entry.file), 'utf8')
}

/** What the pipeline would have decided for this log, the way its decidedByLog() and probes do. */
function outcomeFor(entry: CorpusEntry, tracker: BootTracker): FailedOutcome {
  const state = tracker.state()
  if (state.gaveUp || state.deaths.some((death) => death.bootException)) return 'gave-up'
  if (!entry.running) return 'container-exited'
  if (entry.http_status !== undefined) return 'health-failed'
  if (state.deaths.length > 0 || state.timeouts > 0) return 'unstable'
  return 'boot-timeout'
}

/** The DiagnosisContext of a replay (of the log as collected, or `text`): no repository (an empty directory), the probe's view of the port. */
export function corpusContext(entry: CorpusEntry, repoRoot: string, text = corpusLog(entry)): DiagnosisContext {
  const lines = toLogLines(text, entry.stream ?? 'stderr')
  const tracker = new BootTracker()
  for (const line of lines) tracker.push(line)
  tracker.flush()
  const status = entry.http_status
  return {
    outcome: outcomeFor(entry, tracker),
    lines,
    events: [...tracker.events],
    state: tracker.state(),
    container: { running: entry.running, exitCode: entry.running ? undefined : (entry.exit_code ?? 1) },
    health: entry.running
      ? { ok: false, status, bodyExcerpt: status ? 'replayed' : undefined, error: status ? undefined : 'timeout', attempts: 5 }
      : undefined,
    settings: { port: 8000, timeoutSec: 8, healthPath: '/', healthStatus: '200-399' },
    paths: { repoRoot, contextDir: repoRoot },
    env: { provided: ['PORT'] }
  }
}
