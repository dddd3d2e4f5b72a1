// Evidence first: what in a log names a cause, whatever its format or how much of the boot it shows. The structural
// reasons (a boot that never became ready, workers replaced again and again) only speak when none of this is there.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import { platformEvidence } from '../platform-messages.js'

/** A driver's own words for a failed connection, printed without a traceback (a pre-start script, a JSON logger). */
const DRIVER_MESSAGE =
  /could not connect to server|could not translate host name "[^"]+"|connection to server at "[^"]+".*failed|Can't connect to (?:MySQL|Redis) server|Error -?\d+ connecting to \S+:\d+/

/** The first line that carries a driver's connection failure. */
export function driverMessageLine(rc: RuleContext): LogLine | undefined {
  return rc.ctx.lines.find((line) => (line.text.includes('conn') || line.text.includes('host name')) && DRIVER_MESSAGE.test(line.text))
}

/**
 * The log names a cause: an exception (not Gunicorn's own HaltServer), a worker timeout, a bind that failed, a
 * driver's connection failure, the kernel's or a host's message (platform-messages.ts). The structural reasons stand back then, and the evidence's own reason answers.
 */
export function causeInLog(rc: RuleContext): boolean {
  return (
    rc.primaryTraceback() !== undefined ||
    rc.ofKind('worker-timeout').length > 0 ||
    rc.ofKind('connection-in-use').length > 0 ||
    rc.ofKind('cant-connect').length > 0 ||
    driverMessageLine(rc) !== undefined ||
    platformEvidence(rc.ctx.lines, 'memory') !== undefined ||
    platformEvidence(rc.ctx.lines, 'port') !== undefined
  )
}
