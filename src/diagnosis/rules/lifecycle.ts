// The server's life after the import: workers that die after booting, and a boot that never became ready.
import type { Diagnosis, LogLine } from '../../model.js'
import type { RuleContext } from '../context.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { PREFIX } from '../../gunicorn/log-events.js'
import { commandLine, firstLocation, frameLocation } from './locate.js'
import { unreachableBind } from './network.js'
import { code, present, type DiagnosisRule } from './rule.js'

export const crashLoop: DiagnosisRule = {
  reason: 'crash-loop',
  explain(rc) {
    const deaths = rc.ctx.state.deaths.filter((d) => !d.bootException && d.signal !== 'SIGTERM' && (d.code === undefined || d.code !== 0))
    const enough = deaths.length >= 2 || (rc.ctx.outcome === 'unstable' && deaths.length >= 1)
    if (!enough) return undefined
    const firstExit = rc.ofKind('worker-exit').find((e) => e.pid === deaths[0].pid)?.lines[0]
    // What the app printed just before the first exit is often the only clue (nothing else is logged).
    const clue = lastWordsBefore(rc, deaths[0].seq)
    const tb = rc.primaryTraceback((t) => t.pid === undefined || !rc.ctx.state.failedBootPids.includes(t.pid))
    const presumed = deaths.filter((d) => d.presumed).length
    const codes = [...new Set(deaths.map((d) => (d.code !== undefined ? `code ${d.code}` : (d.signal ?? 'unlogged exit'))))]
    const evidence = present(clue?.text, firstExit?.text, tb?.exception.line)
    const replacements = rc.ofKind('worker-boot').slice(-1)[0]
    if (replacements) evidence.push(replacements.lines[0].text)
    const health = rc.ctx.health?.ok ? ' The health check passed between restarts, which hides the problem.' : ''
    return {
      reason: 'crash-loop',
      summary: `Workers keep exiting after they boot (${deaths.length} exits: ${codes.join(', ')}) and Gunicorn keeps replacing them${clue ? `; the app printed ${code(clue.text.trim().slice(0, 120))}` : ''}.${health}`,
      evidence,
      location: frameLocation(rc, tb),
      remedy: `Find what ends the worker after boot: a background thread calling ${code('os._exit')}/${code('sys.exit')}, a ${code('post_fork')} hook, or a crash in a native extension${presumed ? ' (Gunicorn 20.1 does not log exits with code 1: each "Booting worker" beyond the worker count is a replacement)' : ''}.`
    }
  }
}

/** Up to this long apart, a line on the other stream may belong to the same moment (their order is not kept). */
const CROSS_STREAM_MS = 1000

/**
 * What the app printed as a worker died. Gunicorn logs to stderr and an app's print goes to stdout: the two reach
 * `docker logs` through separate pipes, so the print may arrive just after the exit line it explains.
 */
function lastWordsBefore(rc: RuleContext, deathSeq: number): LogLine | undefined {
  const lines = rc.ctx.lines
  const death = lines.find((l) => l.seq === deathSeq)
  const fromApp = (l: LogLine): boolean => isAppOutput(l.text)
  const before = [...lines].reverse().find((l) => l.seq < deathSeq && fromApp(l))
  if (!death || (before && death.at - before.at <= CROSS_STREAM_MS)) return before
  const after = lines.find((l) => l.seq > deathSeq && l.stream !== death.stream && fromApp(l) && l.at - death.at <= CROSS_STREAM_MS)
  return after ?? before
}

export const bootTimeout: DiagnosisRule = {
  reason: 'boot-timeout',
  explain(rc) {
    const wrapper = wrapperGaveUp(rc)
    if (wrapper) return wrapper
    if (rc.ctx.outcome !== 'boot-timeout') return undefined
    const seconds = rc.ctx.settings.timeoutSec
    const lastLines = lastLogLines(rc)
    if (!rc.ctx.state.started) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn never started within ${seconds} s: the log has no ${code('Starting gunicorn')} line${lastLines.length ? '' : ' (it is empty)'}.`,
        evidence: lastLines,
        location: firstLocation(commandLine(rc)),
        remedy:
          'Check that the image command runs Gunicorn (an entrypoint script may wait for something first) and that it does not block before starting it.'
      }
    }
    const unreachable = unreachableBind(rc)
    if (unreachable) return unreachable
    if (!rc.ofKind('listening')[0]) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn started but never logged ${code('Listening at')} within ${seconds} s.`,
        evidence: lastLines,
        remedy: 'Something blocks the master before it binds (a config hook such as `on_starting`, or a preload import); make it return promptly.'
      }
    }
    const booted = rc.ctx.state.bootedPids.length
    const lastBoot = rc.ofKind('worker-boot').slice(-1)[0]
    const hang = lastBoot && rc.ctx.lines.slice(-1)[0]?.seq === lastBoot.lines[0].seq
    return {
      reason: 'boot-timeout',
      summary: booted
        ? `Gunicorn booted ${booted} worker${booted === 1 ? '' : 's'} but nothing answered within ${seconds} s${hang ? `; the log stops at ${code(lastBoot.lines[0].text.replace(/^\[[^\]]+\] /, ''))}, so the app is probably still importing (a blocking call at import)` : ''}.`
        : `Gunicorn is listening but no worker booted within ${seconds} s.`,
      evidence: lastLines,
      remedy: `Make the import return quickly (no waiting on services at import time); note that Gunicorn 22+ does not apply its ${code('timeout')} while a worker is still importing, so such a worker hangs without any log line.`
    }
  }
}

/** A wrapper that starts Gunicorn and waits for it (Airflow's webserver) said it gave up: the boot timed out there. */
const WRAPPER_GAVE_UP = /No response from gunicorn master within (\d+) seconds|(?:timed out|gave up) waiting for gunicorn/i

function wrapperGaveUp(rc: RuleContext): Diagnosis | undefined {
  const line = rc.ctx.lines.find((l) => WRAPPER_GAVE_UP.test(l.text))
  if (!line) return undefined
  const seconds = WRAPPER_GAVE_UP.exec(line.text)?.[1]
  return {
    reason: 'boot-timeout',
    summary: `The program that starts Gunicorn gave up waiting for its master${seconds ? ` after ${seconds} s` : ''}: Gunicorn never became ready, and the log shows no error from it.`,
    evidence: [line.text, ...lastLogLines(rc).filter((l) => l !== line.text)],
    location: firstLocation(commandLine(rc)),
    remedy:
      'Run Gunicorn with its log visible (the wrapper hides it) to see where the boot stops: usually an import that waits on a service, or a worker that cannot start.'
  }
}

/** The shell prompt and command of a pasted session (`% gunicorn app:app`, `user@host:~$ gunicorn …`). */
const SHELL_COMMAND = /^\s*(?:\(\S+\) )?(?:\S+@\S+\s?)?[^\s]*[%$#] \S*gunicorn\b/

/** A line the app printed: not Gunicorn's own (once a shipper's prefix is off), not the pasted command, not blank. */
function isAppOutput(text: string): boolean {
  const bare = stripLinePrefixes(text)
  return bare.trim() !== '' && !PREFIX.test(bare) && !SHELL_COMMAND.test(bare)
}

function lastLogLines(rc: RuleContext): string[] {
  return rc.ctx.lines
    .filter((l) => l.text.trim() !== '')
    .slice(-3)
    .map((l) => l.text)
}
