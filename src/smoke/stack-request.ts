// Before a run fails because a worker never finished booting (the boot timeout, or a WORKER TIMEOUT while
// booting on Gunicorn 20.x), ask the stuck worker where it is: SIGSEGV makes faulthandler (PYTHONFAULTHANDLER=1)
// print every thread's stack, and Gunicorn does not handle that signal. Never on a passing run, and never to a
// worker that has finished booting (an idle worker's dump would be a crash this action caused, not evidence).
import { readFileSync } from 'node:fs'
import type { StackRequest } from '../diagnosis/context.js'
import { hostPidsArgs, stackRequestArgs } from '../docker/args.js'
import type { LogLine } from '../core/model.js'
import { unreachableBinds } from './binds.js'
import { heartbeatFiles, workerEnteredLoop } from './worker-heartbeat.js'
import { cancelled, type Findings, type Running, type SmokeRun } from './types.js'

/** How long to wait for the dump to reach the log. */
const DUMP_WAIT_MS = 2000
/** A replacement worker (after a 20.x WORKER TIMEOUT) gets this long to reach the line it hangs on. */
const MIN_BOOTING_MS = 1500
/** How long to wait for a replacement worker to boot after a WORKER TIMEOUT. */
const REPLACEMENT_WAIT_MS = 2000

export async function requestStack(run: SmokeRun, running: Running, findings: Findings): Promise<StackRequest | undefined> {
  if (!askable(run, running, findings)) return undefined
  const { watch } = running
  // After a 20.x WORKER TIMEOUT the replacement boots a moment later: it hangs on the same line.
  let target = aliveWorker(running)
  for (const until = run.now() + REPLACEMENT_WAIT_MS; !target && run.now() < until && !cancelled(run); target = aliveWorker(running)) {
    await watch.waitFor(100)
  }
  if (!target) return undefined
  const waited = target.boot.at + MIN_BOOTING_MS - run.now()
  if (waited > 0) await watch.waitFor(Math.min(waited, MIN_BOOTING_MS))
  if (await finishedBooting(run, running, target.pid)) return undefined
  const afterSeq = watch.buffer.lines().slice(-1)[0]?.seq ?? -1
  // After a WORKER TIMEOUT the app has been trying to boot since the first worker did.
  const firstBoot = watch.workerTrouble ? watch.buffer.lines().find((line) => /Booting worker with pid: \d+$/.test(line.text)) : undefined
  const stuckForMs = run.now() - (firstBoot ?? target.boot).at
  run.deps.ui.progress(`Worker ${target.pid} never finished booting: asking it for its stack (SIGSEGV, printed by faulthandler)`)
  const via = await sendSegv(run, running.containerId, target.pid)
  if (!via) {
    run.deps.ui.debug(`could not signal worker ${target.pid}; the diagnosis goes without its stack`)
    return undefined
  }
  await waitForDump(run, running, afterSeq, target.pid)
  return { pid: target.pid, afterSeq, stuckForMs, via }
}

/** The run failed for want of a booted worker, faulthandler is on, and the workers can be reached. */
function askable(run: SmokeRun, running: Running, findings: Findings): boolean {
  const { settings } = run
  const { watch } = running
  const faulthandlerOn = settings.faulthandler || settings.env.some(([name, value]) => name === 'PYTHONFAULTHANDLER' && value !== '' && value !== '0')
  const workerTimedOutBooting = findings.outcome === 'unstable' && findings.healthyAt === undefined && watch.workerTrouble?.what === 'worker timeout'
  if (
    !faulthandlerOn ||
    cancelled(run) ||
    watch.exited ||
    watch.waitingForHost !== undefined ||
    (findings.outcome !== 'boot-timeout' && !workerTimedOutBooting)
  )
    return false
  const listening = watch.tracker.events.filter((e) => e.kind === 'listening').slice(-1)[0]?.addresses ?? []
  // Bound to loopback, a socket or another port: the workers may be fine, only unreachable (boot-timeout says so).
  return !unreachableBinds(listening, settings.port)
}

/** The worker's heartbeat shows it entered its request loop: it booted, whatever keeps the probe unanswered. */
async function finishedBooting(run: SmokeRun, running: Running, pid: number): Promise<boolean> {
  const files = await heartbeatFiles(run, running.containerId)
  const entered = files && workerEnteredLoop(files, pid, running.watch.tracker.state().masterPid)
  if (entered) run.deps.ui.debug(`worker ${pid} has finished booting (its heartbeat file was touched): no stack request`)
  return entered === true
}

/** The newest worker that booted and has not died. */
function aliveWorker(running: Running): { pid: number; boot: LogLine } | undefined {
  const { watch } = running
  const state = watch.tracker.state()
  // A worker Gunicorn timed out is being killed: only its replacement can still answer.
  const timedOut = watch.tracker.events.filter((e) => e.kind === 'worker-timeout').map((e) => e.pid)
  const dead = new Set([...state.deaths.map((death) => death.pid), ...state.deadPids, ...timedOut])
  const pid = [...state.bootedPids].reverse().find((p) => !dead.has(p) && !state.failedBootPids.includes(p))
  const boot = pid === undefined ? undefined : watch.buffer.lines().find((line) => line.text.endsWith(`Booting worker with pid: ${pid}`))
  return pid !== undefined && boot ? { pid, boot } : undefined
}

/** Tries each way in turn; the host-side signal needs the runner to be allowed to signal the container's processes. */
async function sendSegv(run: SmokeRun, containerId: string, pid: number): Promise<string | undefined> {
  const { docker } = run.deps
  for (const attempt of stackRequestArgs(containerId, pid)) {
    const result = await docker.runToCompletion(attempt.args).catch(() => undefined)
    if (result?.exitCode === 0) return attempt.via
    run.deps.ui.debug(`${attempt.via} failed: ${result?.stderr.trim().split('\n')[0] ?? 'no answer'}`)
  }
  const top = await docker.runToCompletion(hostPidsArgs(containerId)).catch(() => undefined)
  const hostPid = top?.exitCode === 0 ? hostPidOf(top.stdout, pid) : undefined
  if (hostPid === undefined) return undefined
  try {
    process.kill(hostPid, 'SIGSEGV')
    return 'host kill'
  } catch (error) {
    // GitHub's runners run docker as a user in the docker group: the container's root processes are not theirs.
    run.deps.ui.debug(`host kill of ${hostPid} failed: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    return undefined
  }
}

/** The host PID whose innermost namespace PID (`NSpid:` in /proc/PID/status) is the container's `pid`. */
export function hostPidOf(
  topOutput: string,
  pid: number,
  readStatus = (hostPid: number) => readFileSync(`/proc/${hostPid}/status`, 'utf8')
): number | undefined {
  for (const hostPid of topOutput
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)) {
    let status: string
    try {
      status = readStatus(hostPid)
    } catch {
      continue
    }
    const nspids = /^NSpid:\s+(.+)$/m.exec(status)?.[1].trim().split(/\s+/).map(Number)
    if (nspids && nspids[nspids.length - 1] === pid) return hostPid
  }
  return undefined
}

/** Until the dump has ended (its extension list, or the master noticing the death), at most DUMP_WAIT_MS. */
async function waitForDump(run: SmokeRun, running: Running, afterSeq: number, pid: number): Promise<void> {
  const { watch } = running
  const until = run.now() + DUMP_WAIT_MS
  const ended = (line: LogLine) =>
    line.seq > afterSeq &&
    (line.text.startsWith('Extension modules:') || line.text.includes(`(pid:${pid})`) || line.text.includes(`Worker with pid ${pid} `))
  while (run.now() < until && !cancelled(run)) {
    if (watch.buffer.lines().some(ended)) return
    await watch.waitFor(Math.min(100, until - run.now()))
  }
}
