// Nothing answered in time and nothing crashed: a wrapper gave up on Gunicorn, Gunicorn never started, it listens
// where the probe cannot reach it (loopback, a Unix socket, another port), it never bound, or the workers never
// finished their import.
import { defineReason, type Rule } from '../reason.js'
import { code, present } from '../words.js'
import type { RuleContext } from '../context.js'
import { bindLine } from '../rules/bind-source.js'
import { commandLine, configSetting, firstLocation } from '../rules/locate.js'
import { lastLogLines, wrapperGaveUp } from '../rules/lifecycle.js'
import { LOOPBACK } from '../rules/rule.js'
import { causeInLog } from '../rules/evidence.js'
import { platformEvidence } from '../platform-messages.js'

type Facts =
  | { kind: 'host-port'; source: string; name: string; port: number; expected?: string }
  | { kind: 'wrapper-gave-up'; seconds?: string }
  | { kind: 'never-started'; seconds: number; logEmpty: boolean; logLevel?: string }
  | { kind: 'loopback'; binds: string[]; port: number }
  | { kind: 'unix-socket'; binds: string[]; port: number }
  | { kind: 'other-port'; ports: string[]; port: number }
  | { kind: 'never-listened'; seconds: number }
  | { kind: 'nothing-answered'; seconds: number; booted: number; stopsAt?: string }

// The host's own verdict (Heroku's R10, Cloud Run's, Render's port scan, Fly.io's expected address, Azure's HTTP pings):
// nothing listened on the port it gave.
const hostPort: Rule<Facts> = {
  stage: 'boot',
  name: 'the host says nothing listened on its PORT',
  detect(rc) {
    const found = platformEvidence(rc.ctx.lines, 'port')
    if (!found) return undefined
    return {
      facts: { kind: 'host-port', source: found.message.source, name: found.message.name, port: rc.ctx.settings.port, expected: found.expected },
      evidence: [found.line, ...present(rc.ofKind('listening')[0]?.lines[0].text)],
      location: firstLocation(bindLine(rc), commandLine(rc))
    }
  }
}

const wrapper: Rule<Facts> = {
  stage: 'boot',
  name: 'the program that starts Gunicorn gave up on it',
  detect(rc) {
    const gaveUp = wrapperGaveUp(rc)
    if (!gaveUp) return undefined
    const { line, seconds } = gaveUp
    return {
      facts: { kind: 'wrapper-gave-up', seconds },
      evidence: [line.text, ...lastLogLines(rc).filter((l) => l !== line.text)],
      location: firstLocation(commandLine(rc))
    }
  }
}

/** The master's words about its workers, which only a running master logs. */
const WORKER_LIFECYCLE = new Set(['worker-boot', 'worker-exit', 'worker-signal', 'worker-timeout', 'worker-exiting'])

/**
 * Gunicorn's master logged a worker's boot, exit, kill or timeout in its own format: Gunicorn did start, the log only
 * begins after its `Starting gunicorn` line (a paste or a shipper that starts mid-way).
 */
const masterSpoke = (rc: RuleContext): boolean => rc.ctx.events.some((event) => event.prefix !== undefined && WORKER_LIFECYCLE.has(event.kind))

const neverStarted: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn never started',
  detect(rc) {
    if (rc.ctx.outcome !== 'boot-timeout' || rc.ctx.state.started || causeInLog(rc) || masterSpoke(rc)) return undefined
    const lastLines = lastLogLines(rc)
    return {
      facts: { kind: 'never-started', seconds: rc.ctx.settings.timeoutSec, logEmpty: lastLines.length === 0, logLevel: rc.ctx.settings.logLevel },
      evidence: lastLines,
      location: firstLocation(commandLine(rc))
    }
  }
}

/** The boot timed out after Gunicorn started: where it listens, and how far it got. */
const startedThenStalled = (rc: RuleContext) => rc.ctx.outcome === 'boot-timeout' && rc.ctx.state.started

const loopbackBind: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn listens on the loopback interface only',
  detect(rc) {
    const { binds } = rc.ctx.state
    if (!startedThenStalled(rc) || binds.length === 0 || !binds.every((b) => LOOPBACK.test(b))) return undefined
    const command = commandLine(rc)
    return {
      facts: { kind: 'loopback', binds, port: rc.ctx.settings.port },
      evidence: present(rc.ofKind('listening')[0]?.lines[0].text, command?.text),
      location: firstLocation(
        command && /127\.0\.0\.1|localhost/.test(command.text) && command,
        configSetting(rc, /^\s*bind\s*=.*(127\.0\.0\.1|localhost)/)
      )
    }
  }
}

const unixSocketBind: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn listens on a Unix socket only',
  detect(rc) {
    const { binds } = rc.ctx.state
    if (!startedThenStalled(rc) || binds.length === 0 || !binds.every((b) => b.startsWith('unix:'))) return undefined
    return {
      facts: { kind: 'unix-socket', binds, port: rc.ctx.settings.port },
      evidence: present(rc.ofKind('listening')[0]?.lines[0].text),
      location: firstLocation(bindLine(rc), commandLine(rc))
    }
  }
}

const otherPort: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn listens on another port than the probed one',
  detect(rc) {
    const port = rc.ctx.settings.port
    const ports = rc.ctx.state.binds.map((b) => /:(\d+)$/.exec(b)?.[1]).filter((p): p is string => Boolean(p))
    if (!startedThenStalled(rc) || ports.length === 0 || ports.includes(String(port))) return undefined
    return {
      facts: { kind: 'other-port', ports, port },
      evidence: present(rc.ofKind('listening')[0]?.lines[0].text, bindLine(rc)?.text),
      location: firstLocation(bindLine(rc), commandLine(rc))
    }
  }
}

const neverListened: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn started but never bound',
  detect(rc) {
    if (!startedThenStalled(rc) || rc.ofKind('listening')[0] || causeInLog(rc)) return undefined
    return { facts: { kind: 'never-listened', seconds: rc.ctx.settings.timeoutSec }, evidence: lastLogLines(rc) }
  }
}

const nothingAnswered: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn listens but nothing answered',
  detect(rc) {
    if (!startedThenStalled(rc) || !rc.ofKind('listening')[0] || causeInLog(rc)) return undefined
    const lastBoot = rc.ofKind('worker-boot').slice(-1)[0]?.lines[0]
    // The log ends at a worker's boot line: that worker is most likely still importing.
    const stopsAtBoot = lastBoot !== undefined && rc.ctx.lines.slice(-1)[0]?.seq === lastBoot.seq
    return {
      facts: {
        kind: 'nothing-answered',
        seconds: rc.ctx.settings.timeoutSec,
        booted: rc.ctx.state.bootedPids.length,
        stopsAt: stopsAtBoot ? lastBoot.text.replace(/^\[[^\]]+\] /, '') : undefined
      },
      evidence: lastLogLines(rc)
    }
  }
}

function summary(facts: Facts): string {
  switch (facts.kind) {
    case 'host-port':
      if (facts.expected) {
        return `${facts.source} (${facts.name}) found nothing listening on ${code(facts.expected)}, the address it expects: Gunicorn had not bound it (yet) on all interfaces.`
      }
      return `${facts.source} (${facts.name}) found nothing listening on the port it gave the app in ${code('PORT')}: Gunicorn never bound it on all interfaces.`
    case 'wrapper-gave-up':
      return (
        `The program that starts Gunicorn gave up waiting for its master${facts.seconds ? ` after ${facts.seconds} s` : ''}: ` +
        'Gunicorn never became ready, and the log shows no error from it.'
      )
    case 'never-started':
      return (
        `Gunicorn never started within ${facts.seconds} s: ` +
        `the log has no ${code('Starting gunicorn')} line${facts.logEmpty ? ' (it is empty)' : ''}` +
        (facts.logLevel
          ? `, which its ${code('loglevel')} ${code(facts.logLevel)} hides, and nothing else shows it running (no worker's exit, no answer).`
          : '.')
      )
    case 'loopback':
      return (
        `Gunicorn listens on ${code(facts.binds.join(', '))}, the loopback interface inside the container, ` + 'so nothing from outside can reach it.'
      )
    case 'unix-socket':
      return `Gunicorn listens only on ${code(facts.binds.join(', '))}, a Unix socket, not on TCP port ${facts.port}.`
    case 'other-port':
      return `Gunicorn listens on port ${facts.ports.join(', ')} but the smoke test probes port ${facts.port}.`
    case 'never-listened':
      return `Gunicorn started but never logged ${code('Listening at')} within ${facts.seconds} s.`
    case 'nothing-answered':
      return nothingAnsweredSummary(facts)
  }
}

function nothingAnsweredSummary({ seconds, booted, stopsAt }: Extract<Facts, { kind: 'nothing-answered' }>): string {
  if (!booted) return `Gunicorn is listening but no worker booted within ${seconds} s.`
  const stillImporting = stopsAt ? `; the log stops at ${code(stopsAt)}, so the app is probably still importing (a blocking call at import)` : ''
  return `Gunicorn booted ${booted} worker${booted === 1 ? '' : 's'} but nothing answered within ${seconds} s${stillImporting}.`
}

function remedy(facts: Facts): string {
  switch (facts.kind) {
    case 'host-port':
      if (facts.expected) {
        return (
          `Bind Gunicorn to ${code(facts.expected)} (or give the host the port Gunicorn binds, e.g. fly.toml's ${code('internal_port')}), ` +
          'and make sure it binds before the host checks: nothing slow (migrations, compiling, big imports) before Gunicorn listens.'
        )
      }
      return (
        `Bind to ${code('0.0.0.0:$PORT')} (${code('--bind 0.0.0.0:$PORT')} in a shell-form command, or read ${code('PORT')} from the ` +
        'environment in gunicorn.conf.py), and make sure Gunicorn starts before the host gives up (nothing slow before it).'
      )
    case 'wrapper-gave-up':
      return (
        'Run Gunicorn with its log visible (the wrapper hides it) to see where the boot stops: ' +
        'usually an import that waits on a service, or a worker that cannot start.'
      )
    case 'never-started':
      return (
        'Check that the image command runs Gunicorn (an entrypoint script may wait for something first) ' +
        'and that it does not block before starting it.'
      )
    case 'loopback': {
      const conf = code(`bind = f"0.0.0.0:{os.environ.get('PORT', '${facts.port}')}"`)
      return `Bind to all interfaces: ${code('--bind 0.0.0.0:$PORT')} (shell-form CMD) or ${conf} in gunicorn.conf.py.`
    }
    case 'unix-socket':
      return `Add a TCP bind for the smoke test: ${code(`--bind 0.0.0.0:${facts.port}`)}.`
    case 'other-port':
      return `Bind to ${code('0.0.0.0:$PORT')} (the action sets ${code(`PORT=${facts.port}`)}), or set the action's \`port\` input to ${facts.ports[0]}.`
    case 'never-listened':
      return 'Something blocks the master before it binds (a config hook such as `on_starting`, or a preload import); make it return promptly.'
    case 'nothing-answered':
      return (
        'Make the import return quickly (no waiting on services at import time); ' +
        `note that Gunicorn 22+ does not apply its ${code('timeout')} while a worker is still importing, ` +
        'so such a worker hangs without any log line.'
      )
  }
}

export default defineReason({
  id: 'boot-timeout',
  title: 'Server did not come up',
  headline: 'Gunicorn never became ready',
  readme:
    'nothing answered in time and the log shows no cause (e.g. Gunicorn bound to `127.0.0.1` inside the container), ' +
    "or the host's own port verdict (Heroku R10, Cloud Run, Render's port scan, Fly.io's expected address, Azure App Service's HTTP pings)",
  fixtures: [{ path: '__fixtures__/apps/fail-boot-timeout', test: '__tests__/diagnosis.itg.ts' }],
  rules: [hostPort, wrapper, neverStarted, loopbackBind, unixSocketBind, otherPort, neverListened, nothingAnswered],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
