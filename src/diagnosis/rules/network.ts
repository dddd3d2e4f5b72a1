// Network: the address Gunicorn binds, taken by another process or out of the probe's reach.
import type { Diagnosis } from '../../model.js'
import type { RuleContext } from '../context.js'
import { commandLine, configSetting, firstLocation, type FoundLine } from './locate.js'
import { code, LOOPBACK, present } from './rule.js'

/** The line of the entrypoint script (named in the command) that starts a process in the background. */
export function backgroundProcess(rc: RuleContext, command: FoundLine | undefined): FoundLine | undefined {
  const script = /([\w./-]+\.sh)\b/.exec(command?.text ?? '')?.[1]
  const scriptFile = script ? rc.inContext(script.replace(/^\.?\//, '')) : undefined
  const found = scriptFile ? rc.repo.findLine(scriptFile, /&\s*$/) : undefined
  return found && scriptFile ? { file: scriptFile, ...found } : undefined
}

/** Gunicorn listens, but where the probe cannot reach it: loopback, a Unix socket, or another port. */
export function unreachableBind(rc: RuleContext): Diagnosis | undefined {
  const binds = rc.ctx.state.binds
  const port = rc.ctx.settings.port
  const listening = rc.ofKind('listening')[0]
  const command = commandLine(rc)
  if (binds.length > 0 && binds.every((b) => LOOPBACK.test(b))) {
    return {
      reason: 'boot-timeout',
      summary: `Gunicorn listens on ${code(binds.join(', '))}, the loopback interface inside the container, so nothing from outside can reach it.`,
      evidence: present(listening?.lines[0].text, command?.text),
      location: firstLocation(
        command && /127\.0\.0\.1|localhost/.test(command.text) && command,
        configSetting(rc, /^\s*bind\s*=.*(127\.0\.0\.1|localhost)/)
      ),
      remedy: `Bind to all interfaces: ${code('--bind 0.0.0.0:$PORT')} (shell-form CMD) or ${code(`bind = f"0.0.0.0:{os.environ.get('PORT', '${port}')}"`)} in gunicorn.conf.py.`
    }
  }
  if (binds.length > 0 && binds.every((b) => b.startsWith('unix:'))) {
    return {
      reason: 'boot-timeout',
      summary: `Gunicorn listens only on ${code(binds.join(', '))}, a Unix socket, not on TCP port ${port}.`,
      evidence: present(listening?.lines[0].text),
      location: firstLocation(command),
      remedy: `Add a TCP bind for the smoke test: ${code(`--bind 0.0.0.0:${port}`)}.`
    }
  }
  const ports = binds.map((b) => /:(\d+)$/.exec(b)?.[1]).filter((p): p is string => Boolean(p))
  if (ports.length > 0 && !ports.includes(String(port))) {
    return {
      reason: 'boot-timeout',
      summary: `Gunicorn listens on port ${ports.join(', ')} but the smoke test probes port ${port}.`,
      evidence: present(listening?.lines[0].text),
      location: firstLocation(command),
      remedy: `Bind to ${code('0.0.0.0:$PORT')} (the action sets ${code(`PORT=${port}`)}), or set the action's \`port\` input to ${ports[0]}.`
    }
  }
  return undefined
}
