// What the graceful-shutdown check says: its row in the checks table, and the warnings of a shutdown that works
// but would lose requests on the host (a quick-shutdown signal, a graceful_timeout longer than the grace, a
// container still running when the grace ends).
import type { ShutdownResult } from '../core/model.js'
import { formatSeconds } from '../core/text.js'
import type { CheckRow } from './checks.js'
import { hidesInfoLines } from '../gunicorn/log-level.js'

/** Gunicorn stops at once on these, without waiting for the requests in flight. */
const QUICK_SHUTDOWN = new Set(['SIGINT', 'SIGQUIT'])

/** `logLevel`: Gunicorn's, when known; above `info` it does not log `Handling signal`. */
export function shutdownCheck(result: ShutdownResult | undefined, failed: boolean, logLevel?: string): CheckRow {
  if (!result) return { id: 'shutdown', status: 'not-reached', detail: '' }
  const { signal, handled, request, exited, graceSec, path } = result
  const unhandled = hidesInfoLines(logLevel)
    ? `${signal} sent (\`loglevel\` ${logLevel} hides Gunicorn's \`Handling signal\` line)`
    : `${signal} not handled by Gunicorn`
  const parts = [handled ? `${signal} handled after ${handled.afterMs} ms` : unhandled]
  parts.push(
    request.status !== undefined ? `in-flight \`${path}\` answered ${request.status}` : `in-flight \`${path}\`: ${request.error ?? 'no answer'}`
  )
  if (exited) parts.push(`exited ${exited.code ?? '?'} after ${formatSeconds(exited.afterMs)}`)
  else parts.push(failed ? `still running ${formatSeconds(result.durationMs)} later` : `still running at the ${graceSec} s grace`)
  return { id: 'shutdown', status: failed ? 'fail' : 'pass', detail: parts.join(', '), durationMs: result.durationMs }
}

/** Warnings of a shutdown that Gunicorn handled; `printed`: `gunicorn --print-config`, when it answered. */
export function shutdownWarnings(result: ShutdownResult, printed: Record<string, string> | undefined): string[] {
  const { signal, request, exited, graceSec, path } = result
  const warnings: string[] = []
  // A worker stopped mid-request answers nothing, or a 500 (26.x: its SystemExit goes through the app).
  const dropped = request.status === undefined || request.status >= 500
  const how = request.status !== undefined ? `answered ${request.status}` : (request.error ?? 'no answer')
  if (dropped && QUICK_SHUTDOWN.has(signal)) {
    warnings.push(
      `${signal} is a quick shutdown for Gunicorn: the request to \`${path}\` in flight was cut short (${how}) ` +
        `${formatSeconds(request.durationMs)} after it started, and the container exited ${exited ? formatSeconds(exited.afterMs) : '?'} ` +
        `after the signal. Make the host stop with SIGTERM (Fly: \`kill_signal = "SIGTERM"\` in fly.toml), which lets requests finish.`
    )
  } else if (dropped) {
    warnings.push(
      `The request to \`${path}\` in flight when ${signal} arrived was cut short (${how}) after ` +
        `${formatSeconds(request.durationMs)}: requests are lost at every deploy. Check \`graceful_timeout\` and the worker class.`
    )
  }
  const graceful = Number(printed?.graceful_timeout)
  if (Number.isFinite(graceful) && graceful > graceSec) {
    warnings.push(
      `Gunicorn's \`graceful_timeout\` is ${graceful} s, longer than the host's ${graceSec} s grace (\`stop-grace\`): a request ` +
        `still running ${graceSec} s after ${signal} is killed with SIGKILL. Set \`graceful_timeout\` to at most ${graceSec}.`
    )
  }
  if (!exited && signal !== 'SIGKILL') {
    warnings.push(
      `The container was still running ${graceSec} s after ${signal} (\`stop-grace\`): the host would kill it with SIGKILL. ` +
        `Something keeps the process alive after Gunicorn's shutdown (a non-daemon thread, an atexit hook, a request longer than the grace).`
    )
  }
  return warnings
}
