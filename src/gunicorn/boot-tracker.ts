// Follows a booting Gunicorn line by line and says, as early as the log allows, when the boot has failed.
// It never waits for the master to exit: Gunicorn 24.0.0 hangs after a failed boot.

import type { GunicornFacts, LogLine } from '../core/model.js'
import { GunicornLogParser, type GunicornEvent } from './log-parser.js'

export interface WorkerDeath {
  pid: number
  code?: number
  signal?: string
  /** The worker had logged `Booting worker` before it died (false only in a log that shows no boot at all). */
  afterBoot: boolean
  /** It printed `Exception in worker process` first (a boot failure). */
  bootException: boolean
  /**
   * Gunicorn 20.1 logs nothing when a worker exits with code 1: the death is inferred from a replacement
   * booting while the expected number of workers was already alive (the oldest is presumed dead).
   */
  presumed?: boolean
  /** seq of the log line that revealed the death. */
  seq: number
}

export interface BootSignal {
  /** Set once, on the line that made the failure certain. */
  gaveUp?: { why: string; line: LogLine }
  workerBooted?: number
  workerDied?: WorkerDeath
  workerTimeout?: number
  /** The master could not bind its address (Gunicorn retries a few times before it gives up). */
  bindInUse?: true
  /** The events this line completed (a traceback completes on its exception line). */
  events: GunicornEvent[]
}

export interface BootState {
  version?: string
  workerClass?: string
  binds: string[]
  masterPid?: number
  bootedPids: number[]
  deadPids: number[]
  alivePids: number[]
  /** Workers that logged `Exception in worker process`. */
  failedBootPids: number[]
  deaths: WorkerDeath[]
  timeouts: number
  /** From the options, else inferred from the first burst of boots. */
  expectedWorkers?: number
  /** The master printed `Starting gunicorn`. */
  started: boolean
  /** The master's bind failed (`Connection in use`) and it has not listened since: whatever answers is not it. */
  bindInUse: boolean
  gaveUp?: { why: string; line: LogLine }
}

export interface BootTrackerOptions {
  /** From `--print-config` (see expectedWorkerCount); lets silent exits (20.1, code 1) be noticed. */
  expectedWorkers?: number
  /** Give up once this many workers have died (crash loop, OOM kills). Default 6. */
  maxWorkerDeaths?: number
  /** Give up after this many `WORKER TIMEOUT` lines. Default 2. */
  maxWorkerTimeouts?: number
  /** Keep the parsed events (not the raw lines) for the diagnosis. Default true. */
  keepEvents?: boolean
}

export class BootTracker {
  private readonly parser = new GunicornLogParser({ keepEvents: false })
  private readonly kept: GunicornEvent[] = []
  private readonly options: Required<Omit<BootTrackerOptions, 'expectedWorkers'>> & { expectedWorkers?: number }
  private version?: string
  private workerClass?: string
  private binds: string[] = []
  private masterPid?: number
  private started = false
  private bindInUse = false
  private readonly booted = new Set<number>()
  private readonly dead = new Set<number>()
  private readonly alive = new Set<number>()
  private readonly failedBoot = new Set<number>()
  private readonly timedOut = new Set<number>()
  private readonly deaths: WorkerDeath[] = []
  private timeouts = 0
  /** Set by `Handling signal: term|int|quit|hup`: workers leaving after that were asked to. */
  private stopping = false
  /** Without expectedWorkers: boots less than 2 s apart at the start form the initial set. */
  private inferredExpected?: number
  private initialBoots = 0
  private lastBootAt?: number
  private gaveUp?: { why: string; line: LogLine }

  constructor(options: BootTrackerOptions = {}) {
    this.options = {
      expectedWorkers: options.expectedWorkers,
      maxWorkerDeaths: options.maxWorkerDeaths ?? 6,
      maxWorkerTimeouts: options.maxWorkerTimeouts ?? 2,
      keepEvents: options.keepEvents ?? true
    }
  }

  push(line: LogLine): BootSignal {
    const events = this.parser.push(line)
    const signal: BootSignal = { events }
    for (const event of events) this.apply(event, line, signal)
    return signal
  }

  /** End of the log: unfinished tracebacks become raw events. */
  flush(): GunicornEvent[] {
    const events = this.parser.flush()
    if (this.options.keepEvents) for (const event of events) this.kept.push(event)
    return events
  }

  /** Parsed events except `raw` lines (those stay in the log itself). */
  get events(): readonly GunicornEvent[] {
    return this.kept
  }

  state(): BootState {
    return {
      version: this.version,
      workerClass: this.workerClass,
      binds: [...this.binds],
      masterPid: this.masterPid,
      bootedPids: [...this.booted],
      deadPids: [...this.dead],
      alivePids: [...this.alive],
      failedBootPids: [...this.failedBoot],
      deaths: [...this.deaths],
      timeouts: this.timeouts,
      expectedWorkers: this.options.expectedWorkers ?? this.inferredExpected ?? (this.initialBoots || undefined),
      started: this.started,
      bindInUse: this.bindInUse,
      gaveUp: this.gaveUp
    }
  }

  facts(): GunicornFacts {
    return {
      version: this.version,
      workerClass: this.workerClass,
      binds: [...this.binds],
      workersExpected: this.options.expectedWorkers ?? this.inferredExpected,
      workersBooted: this.booted.size,
      workersDied: this.dead.size
    }
  }

  private apply(event: GunicornEvent, line: LogLine, signal: BootSignal): void {
    if (this.options.keepEvents && event.kind !== 'raw') this.kept.push(event)
    const fatal = fatalReason(event, this.started)
    if (fatal) {
      this.giveUp(fatal, line, signal)
      return
    }
    switch (event.kind) {
      case 'master-start':
        this.started = true
        this.version = event.version
        return
      case 'connection-in-use':
        this.bindInUse = true
        signal.bindInUse = true
        return
      case 'listening':
        this.bindInUse = false
        this.binds = event.addresses.map(stripScheme)
        // A custom log format may carry no pid (0): the master's pid stays unknown then.
        this.masterPid = event.masterPid ?? (event.prefix?.pid || undefined)
        return
      case 'worker-class':
        this.workerClass = event.workerClass
        return
      case 'worker-boot':
        this.onBoot(event.pid, eventTime(event), line, signal)
        return
      case 'handling-signal':
        if (['term', 'int', 'quit', 'hup'].includes(event.signal.toLowerCase())) this.stopping = true
        return
      case 'worker-exception':
        this.failedBoot.add(event.pid)
        return
      case 'worker-exiting':
        this.onDeath({ pid: event.pid }, line, signal)
        return
      case 'worker-exit':
        this.onDeath({ pid: event.pid, code: event.code }, line, signal)
        return
      case 'worker-signal':
        this.onDeath({ pid: event.pid, signal: event.signal }, line, signal)
        return
      case 'worker-timeout':
        this.timeouts++
        this.timedOut.add(event.pid)
        signal.workerTimeout = event.pid
        if (this.timeouts >= this.options.maxWorkerTimeouts)
          this.giveUp(`workers keep timing out while booting (${this.timeouts} WORKER TIMEOUT lines)`, line, signal)
        return
      default:
        return
    }
  }

  private onBoot(pid: number, at: number, line: LogLine, signal: BootSignal): void {
    if (this.booted.has(pid)) return
    if (this.options.expectedWorkers === undefined && this.inferredExpected === undefined) {
      const inBurst = this.deaths.length === 0 && (this.lastBootAt === undefined || at - this.lastBootAt < 2000)
      if (inBurst) this.initialBoots++
      else this.inferredExpected = this.initialBoots
    }
    this.lastBootAt = at
    const expected = this.options.expectedWorkers ?? this.inferredExpected
    if (expected !== undefined && this.alive.size >= expected && !this.stopping) {
      // A replacement while all expected workers were alive: one of them exited without a log line.
      const oldest = this.alive.values().next().value as number
      this.onDeath({ pid: oldest, presumed: true }, line, signal)
    }
    this.booted.add(pid)
    this.alive.add(pid)
    signal.workerBooted = pid
  }

  private onDeath(death: { pid: number; code?: number; signal?: string; presumed?: boolean }, line: LogLine, signal: BootSignal): void {
    // Gunicorn as PID 1 reaps orphans too: a pid never seen booting is not a worker, unless the log shows no boot at
    // all (`--log-level warning` drops Gunicorn's INFO lines, a paste may start mid-way): its exits are the workers'.
    const bootUnseen = !this.booted.has(death.pid)
    if (bootUnseen && (this.booted.size > 0 || this.started)) return
    const known = this.deaths.find((d) => d.pid === death.pid)
    if (known) {
      // Several lines report one death (Worker exiting + exited with code + "code 1." twice): merge them.
      known.code ??= death.code
      known.signal ??= death.signal
      return
    }
    const record: WorkerDeath = {
      pid: death.pid,
      code: death.code,
      signal: death.signal,
      afterBoot: !bootUnseen,
      bootException: this.failedBoot.has(death.pid),
      presumed: death.presumed,
      seq: line.seq
    }
    this.deaths.push(record)
    this.dead.add(death.pid)
    this.alive.delete(death.pid)
    signal.workerDied = record
    if (this.gaveUp || this.stopping) return
    if (this.inferredExpected === undefined && this.options.expectedWorkers === undefined) this.inferredExpected = this.initialBoots
    if (this.alive.size === 0 && this.failedBoot.size > 0) {
      // Also covers 24.0.0, whose master never exits after a failed boot.
      this.giveUp(`every worker failed to boot (${this.failedBoot.size} raised an exception, none is alive)`, line, signal)
    } else if (this.countedDeaths() >= this.options.maxWorkerDeaths) {
      this.giveUp(`workers keep dying (${this.countedDeaths()} exited or were killed)`, line, signal)
    }
  }

  /** Deaths the master did not ask for: SIGTERM at shutdown/reload is not a crash. */
  private countedDeaths(): number {
    return this.deaths.filter((d) => d.signal !== 'SIGTERM').length
  }

  private giveUp(why: string, line: LogLine, signal: BootSignal): void {
    if (this.gaveUp) return
    this.gaveUp = { why, line }
    signal.gaveUp = this.gaveUp
  }
}

/** Gunicorn's own timestamp when the line has one (second resolution), else the arrival time. */
function eventTime(event: GunicornEvent): number {
  if (event.prefix) {
    const parsed = Date.parse(event.prefix.timestamp.replace(' ', 'T').replace(/ ([+-]\d\d)(\d\d)$/, '$1:$2'))
    if (!Number.isNaN(parsed)) return parsed
  }
  return event.lines[0].at
}

/** `http://0.0.0.0:8000` → `0.0.0.0:8000`; `unix:/tmp/g.sock` stays. */
function stripScheme(address: string): string {
  return address.replace(/^https?:\/\//, '')
}

/** Why Gunicorn gave up, when this event says it did; lines that only report trouble say nothing here. */
function fatalReason(event: GunicornEvent, masterStarted: boolean): string | undefined {
  switch (event.kind) {
    case 'shutdown':
      return event.reason ? `Gunicorn shut down: ${event.reason}` : undefined
    case 'halt-server':
      return `Gunicorn halted: ${event.reason} (exit code ${event.code})`
    case 'cant-connect':
      return `Gunicorn could not bind ${event.address}`
    case 'config-error':
      return `Gunicorn rejected its configuration: ${event.message}`
    case 'app-load-error':
      return `Gunicorn could not load the application: ${event.message}`
    case 'traceback':
      // A traceback outside any worker before the master started: preload_app or a master-side crash.
      return event.pid === undefined && !masterStarted && !event.chained ? `Gunicorn crashed before starting: ${event.exception.line}` : undefined
    case 'main-loop-exception':
      return 'the Gunicorn master crashed (Unhandled exception in main loop)'
    default:
      return undefined
  }
}
