// The health probe: one HTTP GET per attempt against the published port on 127.0.0.1 (never `localhost`,
// which Node 17+ may resolve to ::1 while Docker publishes on IPv4 only).
import type { StatusMatcher } from '../setup/inputs.js'
import type { HealthResult } from '../core/model.js'
import { excerpt } from '../core/text.js'
import { httpGet, type HttpAnswer } from './http-client.js'
import { pauser, type Probe, type ProbeContext } from './probe.js'

export type AttemptResult =
  { kind: 'healthy'; answer: HttpAnswer } | { kind: 'unexpected-status'; answer: HttpAnswer } | { kind: 'no-answer'; error: string }

export interface HealthProbeOptions {
  host: string
  port: number
  path: string
  matcher: StatusMatcher
  /** Each attempt's own timeout. */
  attemptTimeoutMs?: number
  /** Polling starts counting from here (the container start): fast while the app boots, slower later. */
  startedAt: number
  /** The `host-header` input: the Host header of every attempt. */
  hostHeader?: string
  /** A wrong answer that will not heal although its status might (a 500 with a known cause): stop at once. */
  knownWrong?: (answer: HttpAnswer, sameInARow: number) => boolean
  /** Called on every HTTP answer, whatever its status. */
  onAnswer?: (answer: HttpAnswer) => void
  /** No attempt starts after this. */
  deadline: number
}

/** Why the probe stopped polling: `interrupted` when the context's signal fired. */
export type HealthStop = 'healthy' | 'wrong-status' | 'deadline' | 'interrupted'

/** Polls one URL until it is healthy or cannot become so, remembering what it saw, so the verdict can quote it. */
export class HealthProbe implements Probe<HealthResult> {
  private attempts = 0
  private lastStatus?: number
  private lastBody?: string
  private lastServer?: string
  private lastError?: string
  private firstHealthyAt?: number
  private consecutiveSameStatus = 0
  private lastKnownWrong = false
  /** Set once start() has returned. */
  stoppedBy?: HealthStop
  /** What `/` answered after a 404 on the health path, when the phase asked (src/smoke/wait-healthy.ts). */
  rootStatus?: number

  constructor(private readonly options: HealthProbeOptions) {}

  async start(context: ProbeContext): Promise<HealthResult> {
    this.stoppedBy = await this.poll(context)
    return this.result()
  }

  private async poll(context: ProbeContext): Promise<HealthStop> {
    const { deadline, startedAt } = this.options
    const { now, signal } = context
    const pause = pauser(context)
    while (!signal?.aborted) {
      if ((await this.attempt(now)).kind === 'healthy') return 'healthy'
      if (signal?.aborted) break
      if (this.settledOnWrongStatus) return 'wrong-status'
      if (now() >= deadline) return 'deadline'
      // Poll fast while the app boots (the detection lag is the interval), slower once it has taken a while.
      const elapsed = now() - startedAt
      await pause(Math.min(elapsed < 15_000 ? 50 : 250, Math.max(0, deadline - now())))
    }
    return 'interrupted'
  }

  async attempt(now: () => number): Promise<AttemptResult> {
    const { host, port, path, matcher } = this.options
    this.attempts++
    try {
      const answer = await httpGet({
        host,
        port,
        path,
        userAgent: 'gunicorn-smoke',
        timeoutMs: this.options.attemptTimeoutMs ?? 2000,
        hostHeader: this.options.hostHeader
      })
      this.options.onAnswer?.(answer)
      this.consecutiveSameStatus = answer.status === this.lastStatus ? this.consecutiveSameStatus + 1 : 1
      this.lastStatus = answer.status
      this.lastBody = answer.body
      this.lastServer = answer.server
      this.lastError = undefined
      if (matcher.matches(answer.status)) {
        this.firstHealthyAt ??= now()
        return { kind: 'healthy', answer }
      }
      this.lastKnownWrong = this.options.knownWrong?.(answer, this.consecutiveSameStatus) ?? false
      return { kind: 'unexpected-status', answer }
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error)
      this.lastKnownWrong = false
      return { kind: 'no-answer', error: this.lastError }
    }
  }

  /**
   * A client error that repeats (404 on a missing route, 401 behind auth) will not heal by waiting; 5xx, 408,
   * 425 and 429 may (an app warming up), so those are polled until the timeout.
   */
  get settledOnWrongStatus(): boolean {
    const status = this.lastStatus
    if (status === undefined || this.lastError || this.options.matcher.matches(status)) return false
    const permanent = status >= 400 && status < 500 && ![408, 425, 429].includes(status)
    return (permanent && this.consecutiveSameStatus >= 3) || this.lastKnownWrong
  }

  result(): HealthResult {
    const ok = this.firstHealthyAt !== undefined && this.lastStatus !== undefined && this.options.matcher.matches(this.lastStatus) && !this.lastError
    return {
      ok,
      status: this.lastStatus,
      bodyExcerpt: this.lastBody === undefined ? undefined : bodyExcerpt(this.lastBody),
      server: this.lastServer,
      error: this.lastError,
      attempts: this.attempts,
      firstHealthyAt: this.firstHealthyAt,
      ...(this.rootStatus !== undefined ? { rootStatus: this.rootStatus } : {})
    }
  }
}

/** The body as the report quotes it: up to 200 characters on one line. */
function bodyExcerpt(body: string): string {
  return excerpt(body, 201)
}
