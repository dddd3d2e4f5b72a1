// The optional load check (`load-requests`): once health passes, N GETs of the health path with bounded
// concurrency, each with its own timeout, the whole bounded in time. It reports what a user would quote in a
// review (requests/s, p50/p95) and every failure, so "healthy once" and "healthy under 10 clients" differ.
import { httpGet } from './http-client.js'
import type { StatusMatcher } from '../inputs.js'
import { formatSeconds } from '../text.js'
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
  const requestTimeoutMs = options.requestTimeoutMs ?? 5000
  const totalTimeoutMs = options.totalTimeoutMs ?? 60_000
  const matches = options.matcher ? (status: number) => options.matcher!.matches(status) : (status: number) => status >= 200 && status < 300

  const started = now()
  const deadline = started + totalTimeoutMs
  const latencies: number[] = []
  const statusCounts: Record<string, number> = {}
  const failureCounts = new Map<string, number>()
  let next = 0
  let failures = 0
  let answered = 0
  let stoppedEarly: LoadResult['stoppedEarly']

  const count = (key: string): void => void (statusCounts[key] = (statusCounts[key] ?? 0) + 1)
  const fail = (what: string): void => {
    failures++
    failureCounts.set(what, (failureCounts.get(what) ?? 0) + 1)
  }

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
      const sent = now()
      try {
        const { status } = await httpGet({
          host: options.host,
          port: options.port,
          path: options.path,
          signal,
          hostHeader: options.hostHeader,
          userAgent: 'gunicorn-smoke-load',
          timeoutMs: requestTimeoutMs
        })
        latencies.push(now() - sent)
        answered++
        count(String(status))
        if (!matches(status)) fail(`HTTP ${status}`)
      } catch (error) {
        count('error')
        fail(error instanceof Error ? error.message : String(error))
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))

  const notSent = options.requests - next
  if (notSent > 0) {
    statusCounts['not-sent'] = notSent
    failures += notSent
    failureCounts.set(stoppedEarly === 'aborted' ? 'not sent: stopped' : `not sent within ${formatSeconds(totalTimeoutMs, true)}`, notSent)
  }
  const durationMs = Math.max(1, now() - started)
  latencies.sort((a, b) => a - b)
  return {
    requests: options.requests,
    failures,
    statusCounts,
    requestsPerSecond: Math.round((answered / durationMs) * 1000 * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    errors: [...failureCounts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_DISTINCT_ERRORS)
      .map(([what, times]) => (times > 1 ? `${what} × ${times}` : what)),
    durationMs,
    stoppedEarly
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
