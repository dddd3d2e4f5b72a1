// The server's life after the import: workers that die after booting, what the app printed as they died, a
// wrapper that gave up on Gunicorn, and the last lines of a boot that never became ready. Shared by the
// crash-loop and boot-timeout reasons, which word what these find.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import type { WorkerDeath } from '../../gunicorn/boot-tracker.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { PREFIX } from '../../gunicorn/log-events.js'

/** Workers that died after booting: not of a boot exception, not asked to stop, not a clean exit. */
export function deathsAfterBoot(rc: RuleContext): WorkerDeath[] {
  // Workers ending after the master was told to stop are the shutdown, not a crash.
  const stopAt = rc.ofKind('handling-signal').find((e) => STOP_SIGNALS.test(e.signal))?.lines[0].seq ?? Infinity
  return rc.ctx.state.deaths.filter((d) => !d.bootException && d.signal !== 'SIGTERM' && (d.code === undefined || d.code !== 0) && d.seq < stopAt)
}

/** The signals that tell Gunicorn's master to stop (`Handling signal: term`). */
export const STOP_SIGNALS = /^(term|int|quit)$/i

/** How each death ended, once each: `code 1`, `SIGSEGV`, `unlogged exit`. */
export function exitKinds(deaths: readonly WorkerDeath[]): string[] {
  return [...new Set(deaths.map((d) => (d.code !== undefined ? `code ${d.code}` : (d.signal ?? 'unlogged exit'))))]
}

/** Up to this long apart, a line on the other stream may belong to the same moment (their order is not kept). */
const CROSS_STREAM_MS = 1000

/**
 * What the app printed as a worker died. Gunicorn logs to stderr and an app's print goes to stdout: the two reach
 * `docker logs` through separate pipes, so the print may arrive just after the exit line it explains.
 */
export function lastWordsBefore(rc: RuleContext, deathSeq: number): LogLine | undefined {
  const lines = rc.ctx.lines
  const death = lines.find((l) => l.seq === deathSeq)
  const fromApp = (l: LogLine): boolean => isAppOutput(l.text)
  const before = [...lines].reverse().find((l) => l.seq < deathSeq && fromApp(l))
  if (!death || (before && death.at - before.at <= CROSS_STREAM_MS)) return before
  const after = lines.find((l) => l.seq > deathSeq && l.stream !== death.stream && fromApp(l) && l.at - death.at <= CROSS_STREAM_MS)
  return after ?? before
}

/** The shell prompt and command of a pasted session (`% gunicorn app:app`, `user@host:~$ gunicorn …`). */
const SHELL_COMMAND = /^\s*(?:\(\S+\) )?(?:\S+@\S+\s?)?[^\s]*[%$#] \S*gunicorn\b/

/** A line the app printed: not Gunicorn's own (once a shipper's prefix is off), not the pasted command, not blank. */
function isAppOutput(text: string): boolean {
  const bare = stripLinePrefixes(text)
  return bare.trim() !== '' && !PREFIX.test(bare) && !SHELL_COMMAND.test(bare)
}

/** A wrapper that starts Gunicorn and waits for it (Airflow's webserver) said it gave up: the boot timed out there. */
const WRAPPER_GAVE_UP = /No response from gunicorn master within (\d+) seconds|(?:timed out|gave up) waiting for gunicorn/i

/** The wrapper's line, and how long it waited when it says so. */
export function wrapperGaveUp(rc: RuleContext): { line: LogLine; seconds?: string } | undefined {
  const line = rc.ctx.lines.find((l) => WRAPPER_GAVE_UP.test(l.text))
  return line ? { line, seconds: WRAPPER_GAVE_UP.exec(line.text)?.[1] } : undefined
}

/** The last three non-blank lines of the log. */
export function lastLogLines(rc: RuleContext): string[] {
  return rc.ctx.lines
    .filter((l) => l.text.trim() !== '')
    .slice(-3)
    .map((l) => l.text)
}
