// Resources: what the log and Docker say about memory, and the worker count and timeout the image sets. Shared by
// the out-of-memory and worker-timeout reasons, which word what these find.
import type { EventOf, TracebackFrame } from '../../gunicorn/log-parser.js'
import type { SourceLocation } from '../../core/model.js'
import { frameAt, type RuleContext, type Traceback, type UserFrame } from '../context.js'
import { commandLine, configSetting, firstLocation, type FoundLine } from './locate.js'
import { exceptionIs, present } from './rule.js'
import { lastWordsBefore, type LastWords } from './last-words.js'

/** `MemoryError`, or `OSError: [Errno 12] Cannot allocate memory` (ENOMEM), e.g. from the master's os.fork(). */
export function memoryTraceback(rc: RuleContext): Traceback | undefined {
  return rc.primaryTraceback(
    (t) =>
      // Subclasses keep the name: NumPy's `_ArrayMemoryError` (`Unable to allocate 298. GiB …`).
      exceptionIs(t, 'MemoryError', '_ArrayMemoryError') || /\[Errno 12\] Cannot allocate memory/.test(t.exception.message)
  )
}

/** The traceback is the master's fork of a new worker. */
export function failedToFork(tb: Traceback): boolean {
  // A worker's own traceback starts in spawn_worker too (`worker.init_process()`): only its fork, or a stack that ends there, is the master's.
  const last = tb.frames[tb.frames.length - 1]
  return tb.frames.some((f) => /os\.fork\(\)/.test(f.code ?? '')) || last?.func === 'spawn_worker'
}

/** The master's `Unhandled exception in main loop` line, then the traceback's own evidence. */
export function memoryTracebackEvidence(rc: RuleContext, tb: Traceback): string[] {
  return present(rc.ofKind('main-loop-exception')[0]?.lines[0].text, ...rc.tracebackEvidence(tb))
}

/** What the log and Docker say about kills for memory. */
export interface MemoryKills {
  /** The container's memory limit (the `memory` input), e.g. `128m`. */
  limit?: string
  /** Workers SIGKILLed without a WORKER TIMEOUT first. */
  oomKills: EventOf<'worker-signal'>[]
  /** Some SIGKILLs followed a WORKER TIMEOUT (those are timeouts, not memory). */
  alsoTimeouts: boolean
  oomEvents: number
  /** The container's own fate: Docker saw the cgroup hit its limit, or PID 1 (the master) was SIGKILLed under a limit. */
  masterKilled: boolean
}

type WorkerSignal = EventOf<'worker-signal'>

/**
 * Gunicorn kills the workers it found timed out in one pass: a SIGKILL logged in the same second as the kill of a
 * worker whose WORKER TIMEOUT the log shows is part of that pass when the log starts after the killed worker's boot
 * (its own timeout line came before the excerpt). A worker seen booting logs its timeout before its kill.
 */
function killedWithTimedOut(kills: WorkerSignal[], timedOut: Set<number>, booted: Set<number>): Set<number> {
  const timeoutKillSeconds = new Set(kills.filter((e) => timedOut.has(e.pid) && e.prefix?.timestamp).map((e) => e.prefix!.timestamp))
  const inPass = kills.filter((e) => !booted.has(e.pid) && e.prefix?.timestamp !== undefined && timeoutKillSeconds.has(e.prefix.timestamp))
  return new Set(inPass.map((e) => e.pid))
}

/**
 * A log that starts inside a cycle of timeouts: a pass of kills (several in one second) of workers whose boot is not
 * in it, before its first `WORKER TIMEOUT` line, when every kill after that line follows a timeout. Their own
 * timeouts are before the cut.
 */
function killedBeforeTheCut(rc: RuleContext, kills: WorkerSignal[], timedOut: Set<number>, inPass: Set<number>, booted: Set<number>): number[] {
  const firstTimeout = rc.ofKind('worker-timeout')[0]?.lines[0].seq
  if (firstTimeout === undefined) return []
  const later = kills.filter((e) => e.lines[0].seq > firstTimeout)
  if (later.some((e) => !timedOut.has(e.pid) && !inPass.has(e.pid))) return []
  const early = kills.filter((e) => e.lines[0].seq < firstTimeout && !booted.has(e.pid))
  // With no kill after the timeouts (the log ends there), the workers that timed out must be the ones booted in place
  // of the killed: kill, replace, time out again, the cycle seen once.
  if (later.length === 0 && !timeoutsOfReplacements(rc, early)) return []
  // A pass: several workers killed in one second, as a timeout pass kills them (one kill alone may be the kernel's).
  const seconds = new Set(early.map((e) => e.prefix?.timestamp))
  return early.length >= 2 && seconds.size === 1 && !seconds.has(undefined) ? early.map((e) => e.pid) : []
}

/**
 * Every worker that timed out was booted after the first of these kills. In a log that shows no boot at all
 * (`--log-level warning`), a replacement is told by its pid: the kernel numbers processes upwards.
 */
function timeoutsOfReplacements(rc: RuleContext, kills: WorkerSignal[]): boolean {
  if (kills.length === 0) return false
  if (rc.ofKind('worker-boot').length === 0) {
    const lastKilled = Math.max(...kills.map((k) => k.pid))
    return rc.ofKind('worker-timeout').every((t) => t.pid > lastKilled)
  }
  const since = kills[0].lines[0].seq
  const replacements = new Set(
    rc
      .ofKind('worker-boot')
      .filter((b) => b.lines[0].seq > since)
      .map((b) => b.pid)
  )
  return rc.ofKind('worker-timeout').every((t) => replacements.has(t.pid))
}

export function memoryKills(rc: RuleContext): MemoryKills {
  const { container } = rc.ctx
  const timedOut = new Set(rc.ofKind('worker-timeout').map((e) => e.pid))
  const kills = rc.ofKind('worker-signal').filter((e) => e.signal === 'SIGKILL' || e.signal === '9' || e.perhapsOom)
  for (const pid of abortedPids(rc, kills)) timedOut.add(pid)
  const booted = new Set(rc.ofKind('worker-boot').map((e) => e.pid))
  const inTimeoutPass = killedWithTimedOut(kills, timedOut, booted)
  for (const pid of killedBeforeTheCut(rc, kills, timedOut, inTimeoutPass, booted)) inTimeoutPass.add(pid)
  const oomKills = kills.filter((e) => !timedOut.has(e.pid) && !inTimeoutPass.has(e.pid))
  return {
    limit: container.memoryLimit,
    oomKills,
    alsoTimeouts: kills.length > oomKills.length,
    oomEvents: container.oomEvents ?? 0,
    masterKilled: container.oomKilled === true || (container.exitCode === 137 && container.memoryLimit !== undefined)
  }
}

/**
 * Workers the master aborted for a timeout even where the `WORKER TIMEOUT` line is not in the log (a cut paste): the
 * worker's traceback runs through Gunicorn's SIGABRT handler (`handle_abort`), and the SIGKILL after it is that worker's.
 */
function abortedPids(rc: RuleContext, kills: readonly EventOf<'worker-signal'>[]): number[] {
  return abortedTracebacks(rc).flatMap((tb) => {
    const kill = kills.find((k) => k.lines[0].seq > tb.lines[tb.lines.length - 1].seq && (tb.pid === undefined || k.pid === tb.pid))
    return kill ? [kill.pid] : []
  })
}

/** The tracebacks of workers Gunicorn aborted (SIGABRT on a timeout): they run through its `handle_abort`. */
export function abortedTracebacks(rc: RuleContext): Traceback[] {
  return rc.tracebacks.filter((tb) => tb.frames.some((f) => f.func === 'handle_abort' && /gunicorn\/workers\//.test(f.file)))
}

/**
 * The innermost frame of an installed package (not Gunicorn's) in a traceback the killed worker printed without
 * Gunicorn's abort handler (an exit hook that hung past the graceful timeout): `elasticapm/transport/base.py:106`.
 */
function libraryFrameAt(tb: { frames: TracebackFrame[] }): string | undefined {
  const frame = [...tb.frames].reverse().find((f) => /\/(?:site|dist)-packages\/(?!gunicorn\/)/.test(f.file))
  return frame && `${frame.file.replace(/^.*\/(?:site|dist)-packages\//, '')}:${frame.line}`
}

/** An aborted worker was serving a request: its stack runs through the worker's request handling. */
const SERVING_FRAME = /^handle_request$|^handle$|^handle_client$/
const servingWhenAborted = (tb: Traceback) => tb.frames.some((f) => SERVING_FRAME.test(f.func ?? '') && /gunicorn\/workers\//.test(f.file))

/**
 * Workers Gunicorn aborted for their timeout where no `WORKER TIMEOUT` line is in the log (a paste of the traceback
 * alone, the master's lines in another log): the traceback through `handle_abort` is the kill's own trace.
 */
export function abortsWithoutTimeoutLine(
  rc: RuleContext
): { pids: number; serving: boolean; frame?: UserFrame; stuckAt?: string; traceback: Traceback } | undefined {
  if (rc.ofKind('worker-timeout').length > 0) return undefined
  const aborted = abortedTracebacks(rc)
  if (aborted.length === 0) return undefined
  const serving = aborted.find(servingWhenAborted)
  const traceback = serving ?? aborted[0]
  const frame = rc.userFrame(traceback)
  return { pids: new Set(aborted.map((tb) => tb.pid)).size, serving: serving !== undefined, frame, stuckAt: frameAt(frame), traceback }
}

/** The kill lines (at most three), then what Docker reported. */
export function memoryKillEvidence(rc: RuleContext, { limit, oomKills, oomEvents, masterKilled }: MemoryKills): string[] {
  const limited = limit ? ` (memory limit ${limit})` : ''
  const evidence = oomKills.slice(0, 3).map((e) => e.lines[0].text)
  if (oomEvents > 0) evidence.push(`Docker reported ${oomEvents} OOM event${oomEvents === 1 ? '' : 's'} for the container${limited}`)
  if (masterKilled) evidence.push(`container ${rc.ctx.container.oomKilled ? 'OOMKilled' : 'exit code 137'}${limited}`)
  return evidence
}

/**
 * `--workers N` / `-w N` in the image command, or `workers = N` in gunicorn.conf.py: Gunicorn uses it as written,
 * while the tracker infers its count from the first burst of boots, which a worker killed early makes smaller.
 */
function configuredWorkers(rc: RuleContext): number | undefined {
  const inCommand = /(?:--workers|-w)["',\s=]+["']?(\d+)/.exec(commandLine(rc)?.text ?? '')?.[1]
  const inConfig = /=\s*(\d+)\s*$/.exec(configSetting(rc, /^\s*workers\s*=\s*\d+\s*$/)?.text ?? '')?.[1]
  const workers = Number(inCommand ?? inConfig)
  return Number.isInteger(workers) && workers > 0 ? workers : undefined
}

/** The configured worker count, else the one the tracker inferred. */
export function workerCount(rc: RuleContext): number | undefined {
  return configuredWorkers(rc) ?? rc.ctx.state.expectedWorkers
}

/** The master imports the app (`--preload` or `preload_app = True`). */
export function preloads(rc: RuleContext): boolean {
  return /--preload/.test(commandLine(rc)?.text ?? '') || configSetting(rc, /^\s*preload_app\s*=\s*True/) !== undefined
}

/** Gunicorn's `timeout`: the image command's `--timeout`/`-t`, else gunicorn.conf.py's line, else the default. */
export interface TimeoutSetting {
  /** As written; `30` (Gunicorn's default) when no line sets a number. */
  seconds: string
  location?: SourceLocation
  /** The command line, when it is the command that sets it (quoted as evidence). */
  command?: FoundLine
}

export function timeoutSetting(rc: RuleContext): TimeoutSetting {
  const command = commandLine(rc)
  const inCommand = command && /(--timeout|-t)[\s"',=]+["']?(\d+)/.exec(command.text)
  if (command && inCommand) return { seconds: inCommand[2], location: firstLocation(command), command }
  // A config line that computes the value (from the environment) is still where it is set.
  const inConfig = configSetting(rc, 'timeout')
  return { seconds: /=\s*(\d+)/.exec(inConfig?.text ?? '')?.[1] ?? '30', location: firstLocation(inConfig) }
}

/** Gunicorn's WORKER TIMEOUT kills, with the boot line of the first worker killed and the timeout that applied. */
export interface WorkerTimeouts {
  timeouts: EventOf<'worker-timeout'>[]
  /** How many of the killed workers had logged their boot. */
  duringBoot: number
  /** The first kill came after the first healthy answer, or the aborted worker's stack was handling a request. */
  whileServing: boolean
  /** Where the aborted worker was when it was stopped: the app's innermost frame (`adminpanel/crm_logic.py:272`). */
  stuckAt?: string
  /** That frame's code line (`import vertexai`), when the traceback printed it. */
  stuckCode?: string
  /** Without a frame: what the first killed worker printed last before the kill. */
  lastWords?: LastWords
  setting: TimeoutSetting
  evidence: string[]
}

export function workerTimeouts(rc: RuleContext): WorkerTimeouts | undefined {
  const timeouts = rc.ofKind('worker-timeout')
  if (timeouts.length === 0) return undefined
  const setting = timeoutSetting(rc)
  const booted = new Set(rc.ctx.state.bootedPids)
  const bootLine = rc.ofKind('worker-boot').find((b) => b.pid === timeouts[0].pid)
  const healthyAt = rc.ctx.health?.firstHealthyAt
  const aborted = abortedTracebacks(rc)
  const serving = aborted.find(servingWhenAborted)
  const killedAt = timeouts[0].lines[0].seq
  const printed = [...rc.tracebacks, ...rc.ofKind('cut-traceback')].filter((tb) => tb.lines[0].seq > killedAt)
  const afterKill = aborted.length === 0 ? printed.sort((a, b) => a.lines[0].seq - b.lines[0].seq)[0] : undefined
  const whileServing = (healthyAt !== undefined && (timeouts[0].lines[0]?.at ?? 0) > healthyAt) || serving !== undefined
  const stuckFrame = rc.userFrame(serving ?? aborted[0])
  const stuckAt = frameAt(stuckFrame) ?? (afterKill && libraryFrameAt(afterKill))
  return {
    timeouts,
    duringBoot: timeouts.filter((t) => booted.has(t.pid)).length,
    whileServing,
    stuckAt,
    stuckCode: stuckFrame?.frame.code,
    // While serving, the lines before a kill are other requests' (access lines): no word of the stuck one.
    lastWords: stuckAt || whileServing ? undefined : lastWordsBefore(rc, timeouts[0]),
    setting,
    evidence: present(bootLine?.lines[0].text, timeouts[0].lines[0].text, setting.command?.text)
  }
}
