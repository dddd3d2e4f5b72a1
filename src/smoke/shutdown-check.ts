// The graceful-shutdown check, the last phase of a healthy run: the host's stop signal is sent to the container
// (`docker kill --signal`, to PID 1, as `docker stop` and the hosts' agents do) while one request is in flight.
// Gunicorn must say it handles the signal, the request must complete and the container must exit by itself within
// the grace. A signal that PID 1 keeps to itself (a shell that does not pass it on) is decided as soon as Gunicorn
// has not answered it within SIGNAL_ANSWER_MS, not after the whole grace.
import { stopSignalArgs } from '../docker/args.js'
import { httpGet, type HttpAnswer } from '../probes/http-client.js'
import { parseStopSignal } from '../setup/container-inputs.js'
import { staticGracefulTimeout } from '../setup/effective-config.js'
import type { SettingSource, ShutdownResult } from '../core/model.js'
import { pid1Command, pid1PassesSignals } from './pid1.js'
import { shutdownWarnings } from './shutdown-words.js'
import { delay } from './teardown.js'
import { PROBE_HOST, cancelled, type Findings, type Outcome, type Running, type SmokeRun } from './types.js'
import type { WorkerCount } from './worker-count.js'

/** Gunicorn's master logs `Handling signal` within milliseconds of the signal; 3 s is generous on a busy runner. */
const SIGNAL_ANSWER_MS = 3000
/** Time for the request to reach a worker before the signal is sent (a slow route is then being served). */
const IN_FLIGHT_MS = 150
export const HANDLING_SIGNAL = /Handling signal: (\w+)/

/** The stop signal and where it came from: the input or the host, the image's STOPSIGNAL, else SIGTERM like every host. */
export function stopSignalOf(run: SmokeRun, running: Running): { signal: string; source: SettingSource } {
  if (run.settings.stopSignal) return { signal: run.settings.stopSignal, source: run.settingSources['stop-signal'] ?? 'input' }
  const fromImage = running.imageInfo?.stopSignal
  if (fromImage) {
    try {
      return { signal: parseStopSignal('STOPSIGNAL', fromImage), source: 'Dockerfile' }
    } catch {
      // A number or a signal the check does not name: Docker understands it as the image gives it.
      return { signal: fromImage, source: 'Dockerfile' }
    }
  }
  return { signal: 'SIGTERM', source: 'default' }
}

export async function checkShutdown(run: SmokeRun, running: Running, findings: Findings, workerCount?: WorkerCount): Promise<Outcome> {
  const { settings, now, deps } = run
  const { signal, source } = stopSignalOf(run, running)
  run.settingSources['stop-signal'] = source
  const path = settings.shutdownCheck ? settings.shutdownCheck.path : settings.healthPath
  deps.ui.progress(`Stopping the container with ${signal} while a request to ${path} is in flight`)
  const request = inFlightRequest(run, running, path)
  await Promise.race([request.answer, delay(IN_FLIGHT_MS)])
  running.watch.beginShutdown()
  const sentAt = now()
  const kill = await deps.docker.runToCompletion(stopSignalArgs(running.containerId, signal))
  if (kill.exitCode !== 0) deps.ui.debug(`docker kill --signal ${signal}: ${kill.stderr.trim()}`)
  const pid1 = await waitForExit(run, running, sentAt)
  if (cancelled(run)) return findings.outcome
  // Gunicorn went on serving if the signal never reached it: the request still ends by itself.
  const answer = await Promise.race([request.answer, delay(settings.stopGraceSec * 1000).then(() => ({ error: 'no answer within the grace' }))])
  const exited = running.watch.exited
  const handledLine = running.watch.stopping?.lines.find((line) => HANDLING_SIGNAL.test(line.text))
  const result: ShutdownResult = {
    signal,
    graceSec: settings.stopGraceSec,
    path,
    handled: handledLine ? { line: handledLine.text, afterMs: Math.max(0, handledLine.at - sentAt) } : undefined,
    request: { ...answerFields(answer), durationMs: request.durationMs() },
    exited: exited && exited.at >= sentAt ? { afterMs: exited.at - sentAt, code: exited.code } : undefined,
    pid1: pid1?.command,
    durationMs: now() - sentAt
  }
  findings.shutdown = result
  const swallowed = !result.handled && !result.exited && pid1 !== undefined && !pid1PassesSignals(pid1.command)
  if (swallowed) return 'shutdown-failed'
  // graceful_timeout as `--print-config` (started at the first healthy answer) printed it if it is done, else as
  // the command line and the config file say: the check never waits for it.
  const graceful = workerCount?.printed?.graceful_timeout ?? staticGracefulTimeout(settings, running.imageInfo)?.toString()
  findings.shutdownWarnings = shutdownWarnings(result, graceful !== undefined ? { graceful_timeout: graceful } : undefined)
  return cancelled(run) ? findings.outcome : 'healthy'
}

/** Waits for the container to exit within the grace; returns PID 1's command when Gunicorn did not answer the signal. */
async function waitForExit(run: SmokeRun, running: Running, sentAt: number): Promise<{ command: string } | undefined> {
  const { watch } = running
  const graceEnd = sentAt + run.settings.stopGraceSec * 1000
  let asked = false
  let pid1: { command: string } | undefined
  for (;;) {
    if (watch.exited || cancelled(run) || run.now() >= graceEnd) return pid1
    const handled = watch.stopping?.lines.some((line) => HANDLING_SIGNAL.test(line.text))
    if (!handled && !asked && run.now() >= sentAt + SIGNAL_ANSWER_MS) {
      // No answer yet: who is PID 1? Gunicorn itself (its log level may hide the line) or an init that passes
      // signals on are given the whole grace; anything else kept the signal.
      asked = true
      const command = await pid1Command(run.deps.docker, running.containerId)
      pid1 = command === undefined ? undefined : { command }
      if (pid1 && !pid1PassesSignals(pid1.command)) return pid1
    }
    const until = handled || asked ? graceEnd : Math.min(graceEnd, sentAt + SIGNAL_ANSWER_MS)
    await watch.waitFor(Math.max(0, until - run.now()))
  }
}

interface InFlight {
  answer: Promise<HttpAnswer | { error: string }>
  durationMs(): number
}

function inFlightRequest(run: SmokeRun, running: Running, path: string): InFlight {
  const startedAt = run.now()
  let endedAt: number | undefined
  const answer = httpGet({
    host: PROBE_HOST,
    port: running.hostPort!,
    path,
    userAgent: 'gunicorn-smoke',
    hostHeader: run.settings.hostHeader,
    timeoutMs: (run.settings.stopGraceSec + 2) * 1000
  })
    .catch((error: Error) => ({ error: error.message }))
    .finally(() => (endedAt = run.now()))
  return { answer, durationMs: () => (endedAt ?? run.now()) - startedAt }
}

function answerFields(answer: HttpAnswer | { error: string }): { status?: number; error?: string } {
  return 'error' in answer ? { error: answer.error } : { status: answer.status }
}
