// The optional load check (`load-requests`): once health passes, N GETs of the health path with bounded
// concurrency, each with its own timeout, the whole bounded in time. It reports what a user would quote in a
// review (requests/s, p50/p95) and every failure, so "healthy once" and "healthy under 10 clients" differ.
import { httpGet } from './http-client.js'
import type { StatusMatcher } from '../setup/inputs.js'
import { formatSeconds } from '../core/text.js'
import type { Probe, ProbeContext } from './probe.js'

export interface LoadOptions {
  host: string
  port: number
  path: string
  /** Total number of requests to send. */
  requests: number
  /** Requests in flight at once (default 10, never more than `requests`). */
  concurrency?: number
  /** Per request, from connect to the end of the body (default 5 s). */
  requestTimeoutMs?: number
  /** No request starts after this much time; requests not sent by then count as failures (default 60 s). */
  totalTimeoutMs?: number
  /** Which statuses count as success (the `health-status` matcher); default 2xx. */
  matcher?: Pick<StatusMatcher, 'matches'>
  /** The `host-header` input: the Host header of every request. */
  hostHeader?: string
}

export interface LoadResult {
  /** Requests asked for. */
  requests: number
  /** Requests that did not get a matching status: transport errors, timeouts, wrong status, not sent. */
  failures: number
  /** Answers by status code, plus `error` for transport failures and `not-sent` for requests never started. */
  statusCounts: Record<string, number>
  /** Completed answers (any status) per second of wall time. */
  requestsPerSecond: number
  /** Latency percentiles over the requests that got an answer (0 when none did). */
  p50Ms: number
  p95Ms: number
  /** Distinct failure descriptions with their counts, most frequent first, e.g. `connection reset × 12`. */
  errors: string[]
  durationMs: number
  /** Set when the run was stopped before every request was sent (abort or total timeout). */
  stoppedEarly?: 'aborted' | 'time-limit'
}

const DEFAULT_CONCURRENCY = 10
const MAX_DISTINCT_ERRORS = 5

/** The load check behind the probe contract. */
export class LoadProbe implements Probe<LoadResult> {
  private answer?: LoadResult

  constructor(private readonly options: LoadOptions) {}

  async start(context: ProbeContext): Promise<LoadResult> {
    this.answer = await runLoad(this.options, context)
    return this.answer
  }

  result(): LoadResult | undefined {
    return this.answer
  }
}

/** The context's signal stops sending and cuts the requests in flight (a worker died, the job was cancelled). */
export async function runLoad(options: LoadOptions, context: ProbeContext): Promise<LoadResult> {
  const { now, signal } = context
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, options.requests))
  const totalTimeoutMs = options.totalTimeoutMs ?? 60_000
  const started = now()
  const deadline = started + totalTimeoutMs
  const tally = new LoadTally()
  let next = 0
  let stoppedEarly: LoadResult['stoppedEarly']

  const worker = async (): Promise<void> => {
    while (next < options.requests) {
      if (signal?.aborted) {
        stoppedEarly = 'aborted'
        return
      }
      if (now() >= deadline) {
        stoppedEarly ??= 'time-limit'
        return
      }
      next++
      await sendOne(options, context, tally)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))

  const notSent = options.requests - next
  if (notSent > 0) tally.notSent(notSent, stoppedEarly === 'aborted' ? 'not sent: stopped' : `not sent within ${formatSeconds(totalTimeoutMs, true)}`)
  return tally.result(options.requests, Math.max(1, now() - started), stoppedEarly)
}

/** One GET of the load, counted. */
async function sendOne(options: LoadOptions, { now, signal }: ProbeContext, tally: LoadTally): Promise<void> {
  const matches = options.matcher ? (status: number) => options.matcher!.matches(status) : (status: number) => status >= 200 && status < 300
  const sent = now()
  try {
    const { status } = await httpGet({
      host: options.host,
      port: options.port,
      path: options.path,
      signal,
      hostHeader: options.hostHeader,
      userAgent: 'gunicorn-smoke-load',
      timeoutMs: options.requestTimeoutMs ?? 5000
    })
    tally.answered(status, now() - sent, matches(status))
  } catch (error) {
    tally.errored(error instanceof Error ? error.message : String(error))
  }
}

/** The load's counts as the requests come back. */
class LoadTally {
  private readonly latencies: number[] = []
  private readonly statusCounts: Record<string, number> = {}
  private readonly failureCounts = new Map<string, number>()
  private failures = 0
  private answers = 0

  answered(status: number, latencyMs: number, ok: boolean): void {
    this.latencies.push(latencyMs)
    this.answers++
    this.count(String(status))
    if (!ok) this.fail(`HTTP ${status}`)
  }

  errored(message: string): void {
    this.count('error')
    this.fail(message)
  }

  notSent(requests: number, why: string): void {
    this.statusCounts['not-sent'] = requests
    this.failures += requests
    this.failureCounts.set(why, requests)
  }

  result(requests: number, durationMs: number, stoppedEarly: LoadResult['stoppedEarly']): LoadResult {
    const latencies = [...this.latencies].sort((a, b) => a - b)
    return {
      requests,
      failures: this.failures,
      statusCounts: this.statusCounts,
      requestsPerSecond: Math.round((this.answers / durationMs) * 1000 * 10) / 10,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      errors: [...this.failureCounts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_DISTINCT_ERRORS)
        .map(([what, times]) => (times > 1 ? `${what} × ${times}` : what)),
      durationMs,
      stoppedEarly
    }
  }

  private count(key: string): void {
    this.statusCounts[key] = (this.statusCounts[key] ?? 0) + 1
  }

  private fail(what: string): void {
    this.failures++
    this.failureCounts.set(what, (this.failureCounts.get(what) ?? 0) + 1)
  }
}

/** Nearest-rank percentile of sorted values, in whole milliseconds. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return Math.round(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1])
}

/** `200 × 100, 850 req/s, p95 12 ms`, or the failures first when there are any. */
export function describeLoad(result: LoadResult): string {
  const statuses = Object.entries(result.statusCounts)
    .filter(([key]) => /^\d+$/.test(key))
    .sort((a, b) => b[1] - a[1])
    .map(([status, times]) => `${status} × ${times}`)
  const speed = `${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95Ms} ms`
  if (result.failures === 0) return `${statuses.join(', ')}, ${speed}`
  return `${result.failures}/${result.requests} failed (${result.errors.join('; ')})${statuses.length ? `; ${statuses.join(', ')}` : ''}, ${speed}`
}
