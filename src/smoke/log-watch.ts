// The container's log and exit, watched while the probes run. Every signal that can decide the run (Gunicorn
// giving up, a worker dying or timing out, the container exiting, the job being cancelled) fires `cancellation`
// and wakes everyone waiting in `waitFor()`, so no phase waits out a timeout when the log already told the answer.
import type { Docker } from '../docker/docker.js'
import { BootTracker } from '../gunicorn/boot-tracker.js'
import type { GunicornEvent } from '../gunicorn/log-parser.js'
import { LogBuffer } from './log-buffer.js'
import type { LogLine } from '../core/model.js'
import { unresolvedHost, WAIT_REPEATS } from '../diagnosis/rules/wait-host.js'
import { unreachableBinds } from './binds.js'
import type { Outcome } from './types.js'

/** After Gunicorn's first fatal line, how long to let the rest of its output arrive before deciding. */
const SETTLE_MS = 150
/**
 * Once the container has stopped, its log is read to the end before the verdict, but no further than this many
 * characters past the point reached when it stopped. Two workers that each printed 40 MB before their traceback
 * are read whole even if nothing had been read before the stop. The bound is on size, not time: how long it takes
 * is Docker's pace (`docker logs` of a json-file log: 2.6 MB/s on this 2-core machine under a load of 13, so
 * at most about 50 s there, much less on an idle runner).
 */
export const LOG_DRAIN_CAP = 128 * 1024 * 1024
/** A `docker logs --follow` of a stopped container that delivers nothing for this long is stuck: stop waiting. */
const STALLED_FOLLOWER_MS = 5000
/**
 * After `Listening at` names only addresses the probe cannot reach, how long the probed port may still answer
 * (a proxy in the same container that forwards to Gunicorn) before the mismatch decides the run.
 */
const ELSEWHERE_GRACE_MS = 2000
/** Lines kept for the shutdown check: the signal, the workers' exits and the master's last words. */
const STOPPING_LINES = 200

/** `boot-timeout`: Gunicorn listens only where the probe cannot reach it (another port, loopback, a socket). */
export type LogDecision = Extract<Outcome, 'gave-up' | 'container-exited' | 'unstable' | 'boot-timeout'>

export interface LogWatchOptions {
  /** The container port the probes use: a `Listening at` without it decides the run. */
  probedPort?: number
}

export class LogWatch {
  readonly buffer = new LogBuffer()
  readonly tracker = new BootTracker()
  /** When the first line saying Gunicorn gave up arrived. */
  firstFatalAt?: number
  /** The first worker that died or timed out. */
  workerTrouble?: { at: number; what: 'worker timeout' | 'worker exited' }
  /** The container stopped by itself. */
  exited?: { code?: number; at: number }
  /** The run sent the stop signal (the graceful-shutdown check): what follows is the shutdown, not a failure. */
  stopping?: { at: number; lines: LogLine[] }
  /** Characters of log read so far (each line and its newline). */
  charsRead = 0
  /** Reading stopped at the drain cap: the log goes on beyond what the run read. */
  cut = false
  private readLimit = Infinity
  private readonly following = new AbortController()
  /** Gunicorn listens only where the probe cannot reach it; `decided` once the grace passed without an answer. */
  listeningElsewhere?: { at: number; addresses: string[]; decided: boolean }
  /** The probed port gave an HTTP answer (whoever sent it): a bind elsewhere is then not the whole story. */
  private portAnswered = false
  /** Before Gunicorn starts: how often each host name failed to resolve (a start script waiting for a service). */
  private readonly unresolved = new Map<string, number>()
  private gunicornStarted = false
  /** A start script keeps waiting for a host that does not resolve: Gunicorn will not start. */
  waitingForHost?: string
  private elsewhereTimer?: NodeJS.Timeout
  private seq = 0
  /** How many things worth a look happened: a waiter that remembers the count knows what it missed. */
  private news = 0
  /** Everyone waiting at the moment; any number of phases and probes may wait at once. */
  private readonly wakers = new Set<() => void>()
  private readonly decider = new AbortController()
  private readonly onAbort = (): void => {
    this.decider.abort(this.signal?.reason)
    this.nudge()
  }

  constructor(
    private readonly now: () => number,
    private readonly signal?: AbortSignal,
    private readonly options: LogWatchOptions = {}
  ) {
    signal?.addEventListener('abort', this.onAbort)
    if (signal?.aborted) this.onAbort()
  }

  /**
   * The one cancellation every probe gets: it fires at the first line or event that decides the run (Gunicorn
   * gave up, a worker died or timed out, the container stopped) or when the job is cancelled. `decided()` then
   * tells the outcome, once the lines that follow have arrived.
   */
  get cancellation(): AbortSignal {
    return this.decider.signal
  }

  /** Follows the container's log and exit; resolves when the log ends. */
  follow(docker: Docker, containerId: string): Promise<number> {
    const logsDone = docker.followLogs(containerId, (stream, text) => this.push(stream, text), this.following.signal)
    void docker.wait(containerId).then((code) => this.containerExited(code))
    return logsDone
  }

  push(stream: LogLine['stream'], text: string): void {
    if (this.cut) return
    this.charsRead += text.length + 1
    if (this.charsRead > this.readLimit) {
      this.cut = true
      this.following.abort()
      return
    }
    const line: LogLine = { seq: this.seq++, stream, text, at: this.now() }
    this.buffer.push(line)
    if (this.stopping) {
      // Workers exiting on the stop signal are no crash: these lines are the shutdown check's to read.
      if (this.stopping.lines.length < STOPPING_LINES) this.stopping.lines.push(line)
      this.nudge()
      return
    }
    const signal = this.tracker.push(line)
    if (signal.gaveUp && this.firstFatalAt === undefined) this.firstFatalAt = line.at
    if (signal.workerDied || signal.workerTimeout !== undefined) {
      this.workerTrouble ??= { at: line.at, what: signal.workerTimeout !== undefined ? 'worker timeout' : 'worker exited' }
    }
    if (this.firstFatalAt !== undefined) this.decide('Gunicorn gave up')
    else if (this.workerTrouble) this.decide(this.workerTrouble.what === 'worker timeout' ? 'a worker timed out' : 'a worker exited')
    if (signal.events.some((event) => event.kind === 'master-start')) this.gunicornStarted = true
    else if (!this.gunicornStarted) this.onBeforeStart(text)
    // Listening matters to a wait for a bind that kept failing (decisionWhileBindFails).
    const listening = signal.events.find((event): event is Extract<GunicornEvent, { kind: 'listening' }> => event.kind === 'listening')
    if (listening) this.onListening(listening.addresses, line.at)
    if (
      signal.gaveUp ||
      signal.workerDied ||
      signal.workerTimeout !== undefined ||
      signal.workerBooted !== undefined ||
      signal.bindInUse ||
      listening !== undefined
    )
      this.nudge()
  }

  /** The same host failing to resolve, again and again before Gunicorn starts, decides the run. */
  private onBeforeStart(text: string): void {
    const host = unresolvedHost(text)
    if (!host || this.waitingForHost) return
    const times = (this.unresolved.get(host) ?? 0) + 1
    this.unresolved.set(host, times)
    if (times < WAIT_REPEATS) return
    this.waitingForHost = host
    this.decide(`the start script keeps waiting for ${host}, which does not resolve`)
    this.nudge()
  }

  /** The probed port answered over HTTP: a bind elsewhere no longer decides the run. */
  answered(): void {
    this.portAnswered = true
  }

  private onListening(addresses: string[], at: number): void {
    const port = this.options.probedPort
    clearTimeout(this.elsewhereTimer)
    if (port === undefined || !unreachableBinds(addresses, port)) {
      this.listeningElsewhere = undefined
      return
    }
    const elsewhere = { at, addresses, decided: false }
    this.listeningElsewhere = elsewhere
    this.elsewhereTimer = setTimeout(() => {
      if (this.portAnswered || this.listeningElsewhere !== elsewhere) return
      elsewhere.decided = true
      this.decide(`Gunicorn listens on ${addresses.join(', ')}, not on port ${port}`)
      this.nudge()
    }, ELSEWHERE_GRACE_MS)
    this.elsewhereTimer.unref?.()
  }

  /** From now on the log and the exit belong to the graceful-shutdown check. */
  beginShutdown(): void {
    this.stopping = { at: this.now(), lines: [] }
  }

  containerExited(code: number | undefined): void {
    this.exited = { code, at: this.now() }
    if (!this.stopping) this.decide(`the container stopped${code !== undefined ? ` (exit code ${code})` : ''}`)
    this.nudge()
  }

  /** Something worth a look happened: ends every current wait early. */
  nudge(): void {
    this.news++
    for (const wake of [...this.wakers]) wake()
  }

  /**
   * Waits up to `ms`, returning early when something worth a look happens; at once if something already happened
   * after `since` (the count of news a waiter saw last, see `pacer`).
   */
  waitFor(ms: number, since = this.news): Promise<void> {
    if (this.news > since) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.wakers.delete(done)
        resolve()
      }
      const timer = setTimeout(done, Math.max(0, ms))
      this.wakers.add(done)
    })
  }

  /**
   * A pause for one polling loop: news that arrived while the loop was busy between two pauses (an attempt in
   * flight) ends the next pause at once, so the loop looks again without waiting.
   */
  pacer(): (ms: number) => Promise<void> {
    let seen = this.news
    return async (ms) => {
      await this.waitFor(ms, seen)
      seen = this.news
    }
  }

  private decide(why: string): void {
    if (!this.decider.signal.aborted) this.decider.abort(new Error(why))
  }

  /**
   * Whether the log or the container already decided the run: Gunicorn gave up, the container exited, or a
   * worker died or timed out (the app is unstable). The one place that maps those signals to an outcome.
   */
  async decided(): Promise<LogDecision | undefined> {
    if (this.firstFatalAt === undefined && !this.exited && !this.workerTrouble)
      return this.listeningElsewhere?.decided || this.waitingForHost ? 'boot-timeout' : undefined
    // Let the lines that follow the first fatal one (the Reason:, the exit) arrive, boundedly.
    const since = this.firstFatalAt ?? this.workerTrouble?.at ?? this.exited!.at
    const remaining = since + SETTLE_MS - this.now()
    if (remaining > 0 && !this.exited) await this.waitFor(remaining)
    // A worker that raised while booting is fatal in every Gunicorn version (the master halts with
    // "Worker failed to boot"), even before the master has said so: 20.1 may take a while to print it.
    const state = this.tracker.state()
    if (state.gaveUp || state.deaths.some((death) => death.bootException)) return 'gave-up'
    if (this.exited) return 'container-exited'
    if (this.workerTrouble) return 'unstable'
    return this.listeningElsewhere?.decided || this.waitingForHost ? 'boot-timeout' : undefined
  }

  /**
   * After a healthy answer that came before the log said Gunicorn listens: waits (boundedly) for the log to
   * catch up, and tells whether the answer came from another process holding the port Gunicorn could not bind.
   */
  async answeredByAnotherProcess(graceMs: number): Promise<boolean> {
    const until = this.now() + graceMs
    for (;;) {
      const state = this.tracker.state()
      if (state.bindInUse) return true
      if (state.binds.length > 0 || state.bootedPids.length > 0 || this.exited || this.now() >= until) return false
      await this.waitFor(until - this.now())
    }
  }

  /**
   * Waits until the log or the container decides the run; stops early when `stillWaiting` turns false, the
   * deadline passes or the job is cancelled.
   */
  async decisionBy(deadline: number, stillWaiting: () => boolean = () => true): Promise<LogDecision | undefined> {
    for (;;) {
      const decision = await this.decided()
      if (decision || !stillWaiting() || this.signal?.aborted || this.now() >= deadline) return decision
      await this.waitFor(deadline - this.now())
    }
  }

  /** The wait for Gunicorn's verdict on a bind that keeps failing; it ends early if a retry binds after all. */
  decisionWhileBindFails(deadline: number): Promise<LogDecision | undefined> {
    return this.decisionBy(deadline, () => this.tracker.state().bindInUse)
  }

  /**
   * The container has stopped: waits until its log has been read to the end (`logsDone`), or until `cap` more
   * characters were read, then stops following. Resolves to whether the whole log was read.
   */
  async readToEnd(logsDone: Promise<unknown>, cap = LOG_DRAIN_CAP): Promise<boolean> {
    this.readLimit = this.charsRead + cap
    if (this.signal?.aborted) this.following.abort()
    else this.signal?.addEventListener('abort', () => this.following.abort(), { once: true })
    const ended = logsDone.then(
      () => true,
      () => true
    )
    // Not a time limit on reading: only a follower that delivers nothing at all for this long is given up on.
    for (let before = -1; before !== this.charsRead;) {
      before = this.charsRead
      let timer: NodeJS.Timeout | undefined
      const idle = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), STALLED_FOLLOWER_MS)))
      const done = await Promise.race([ended, idle])
      clearTimeout(timer)
      if (done) return !this.cut
    }
    this.following.abort()
    return !this.cut
  }

  /** Stops listening for the job's cancellation. */
  dispose(): void {
    clearTimeout(this.elsewhereTimer)
    this.signal?.removeEventListener('abort', this.onAbort)
  }
}
