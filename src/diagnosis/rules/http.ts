// HTTP answers: the server is up, but the health route or the WebSocket upgrade did not answer as expected.
import type { Diagnosis, LogLine, WebSocketOutcome } from '../../model.js'
import type { RuleContext } from '../context.js'
import { code, present, type DiagnosisRule } from './rule.js'

const PLAIN_WORKER = /^(sync|gthread|gevent|gunicorn\.workers\.(sync|gthread|ggevent)\.\w+)$/i

export const websocketFailed: DiagnosisRule = {
  reason: 'websocket-failed',
  explain(rc) {
    const ws = rc.ctx.websocket
    if (ws && !ws.ok && ws.failure === 'interrupted') return interrupted(rc, ws)
    if (rc.ctx.outcome !== 'websocket-failed' || !ws || ws.ok) return undefined
    const evidence = [`WebSocket ${ws.path}: ${ws.detail}`]
    const listening = rc.ofKind('worker-class')[0]
    if (listening) evidence.push(listening.lines[0].text)
    return { reason: 'websocket-failed', evidence, ...websocketWording(rc, ws) }
  }
}

function websocketWording(rc: RuleContext, ws: WebSocketOutcome): Pick<Diagnosis, 'summary' | 'remedy'> {
  const workerClass = rc.ctx.state.workerClass ?? 'sync'
  const alive = rc.ctx.state.alivePids.length
  if (ws.status === 404) {
    return {
      summary: `There is no WebSocket route at ${code(ws.path)}: the upgrade request was answered 404.`,
      remedy: 'Set the `websocket-path` input to the route the app serves, or register that route.'
    }
  }
  if (ws.protocol === 'socket.io' && alive > 1 && /session|sid|400/i.test(`${ws.detail} ${ws.status ?? ''}`)) {
    return {
      summary: `Socket.IO failed with ${alive} workers: its handshake and upgrade land on different workers, which do not share sessions.`,
      remedy: 'Run Socket.IO with a single worker (`-w 1` with an async worker class) or put a load balancer with sticky sessions in front.'
    }
  }
  const refused = ws.status === 400 || ws.status === 426 || ws.failure === 'closed' || ws.failure === 'protocol' || ws.status === 200
  if (PLAIN_WORKER.test(workerClass) && refused) {
    return {
      summary: `The ${code(workerClass)} worker class cannot hold a WebSocket, so the upgrade at ${code(ws.path)} failed (${ws.detail}).`,
      remedy: `Use a worker class that speaks WebSocket: ${code('geventwebsocket.gunicorn.workers.GeventWebSocketWorker')} (package ${code('gevent-websocket')}), ${code('uvicorn_worker.UvicornWorker')} (package ${code('uvicorn-worker')}; ${code('uvicorn.workers')} is deprecated) or Gunicorn 25+'s ${code('asgi')} worker for ASGI apps.`
    }
  }
  return {
    summary: `The WebSocket probe of ${code(ws.path)} failed: ${ws.detail}.`,
    remedy: 'Check the route and the expected messages (`websocket-*` inputs) against the app, and that the worker class supports WebSockets.'
  }
}

const STOP_SIGNALS = /^(term|int|quit)$/i

/**
 * A check cut short because the log decided the run while it ran: Gunicorn stopped (or lost a worker) during the
 * check. The log, not the probe, tells what happened, whatever the outcome.
 */
function interrupted(rc: RuleContext, ws: WebSocketOutcome): Diagnosis | undefined {
  const told = rc.ofKind('handling-signal').find((e) => STOP_SIGNALS.test(e.signal))?.lines[0]
  const exits = [...rc.ofKind('worker-exiting'), ...rc.ofKind('worker-exit'), ...rc.ofKind('worker-signal')]
    .map((e) => e.lines[0])
    .sort((a, b) => a.seq - b.seq)
  // The exit that ended the check: the first after the master was told to stop, else the last one.
  const exit = told ? exits.find((line) => line.seq > told.seq) : exits[exits.length - 1]
  const shutdowns = rc.ofKind('shutdown')
  const stopped = (shutdowns.find((e) => e.reason) ?? shutdowns[0])?.lines[0]
  if (!exit && !stopped) return undefined
  const { exitCode } = rc.ctx.container
  const path = code(ws.path)
  const what = present(
    told && `the master was told to stop (${quote(told)})`,
    exit && `${exits.length > 1 ? 'the workers' : 'the worker'} exited (${quote(exit)})`,
    stopped && `the master stopped (${quote(stopped)}${exitCode !== undefined ? `, exit code ${exitCode}` : ''})`
  )
  return {
    reason: 'websocket-failed',
    summary:
      stopped || told
        ? `Gunicorn stopped during the WebSocket check of ${path}: ${what.slice(0, -1).join(', ')}${what.length > 1 ? ' and ' : ''}${what[what.length - 1]}.`
        : `A worker exited during the WebSocket check of ${path} (${quote(exit!)}), so the check could not finish.`,
    evidence: present(told?.text, exit?.text, stopped?.text, `WebSocket ${ws.path}: ${ws.detail}`),
    remedy: `Find what ends the process while ${path} is handled: ${code('sys.exit()')} or ${code('os._exit()')} in the handler, a signal sent to Gunicorn's master (${code('os.kill(os.getppid(), …)')}), or a crash. Gunicorn stops when its master is told to, or when a worker exits with code 3 or 4.`
  }
}

/** A Gunicorn line without its timestamp, pid and level, as inline code. */
function quote(line: LogLine): string {
  return code(line.text.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, ''))
}

export const healthCheckFailed: DiagnosisRule = {
  reason: 'health-check-failed',
  explain(rc) {
    const health = rc.ctx.health
    if (rc.ctx.outcome !== 'health-failed' && !(health && !health.ok && rc.ctx.outcome !== 'unstable')) return undefined
    // When Gunicorn itself failed with a traceback, the unanswered health check is a symptom, not the cause.
    if (rc.ctx.outcome !== 'health-failed' && rc.primaryTraceback()) return undefined
    // A container that stopped by itself explains the unanswered health check better than the check does.
    if (rc.ctx.outcome === 'container-exited' && rc.ctx.container.exitCode !== undefined) return undefined
    const { healthPath, healthStatus } = rc.ctx.settings
    if (!health) {
      return {
        reason: 'health-check-failed',
        summary: `The health check of ${code(healthPath)} did not pass.`,
        evidence: [],
        remedy: `Make ${code(healthPath)} answer ${healthStatus} once the app is ready.`
      }
    }
    const body = health.bodyExcerpt ? ` ${code(health.bodyExcerpt.replace(/\s+/g, ' ').slice(0, 160))}` : ''
    const evidence = [
      health.status !== undefined ? `GET ${healthPath} → ${health.status}${body}` : `GET ${healthPath} → ${health.error ?? 'no answer'}`
    ]
    if (health.status !== undefined) {
      return {
        reason: 'health-check-failed',
        summary: `${code(healthPath)} answered ${health.status} instead of ${healthStatus}${body ? `:${body}` : ''}.`,
        evidence,
        remedy:
          health.status === 404
            ? `The app has no route ${code(healthPath)}: add one or set the \`health-path\` input to an existing route.`
            : `The app is up but reports itself unhealthy: fix what ${code(healthPath)} checks (often a service it cannot reach in CI) or set \`health-status\` to accept ${health.status}.`
      }
    }
    return {
      reason: 'health-check-failed',
      summary: `${code(healthPath)} never answered after ${health.attempts} attempt${health.attempts === 1 ? '' : 's'}: ${health.error ?? 'no response'}.`,
      evidence,
      remedy: `Check that Gunicorn listens on ${code(`0.0.0.0:${rc.ctx.settings.port}`)} and that requests to ${code(healthPath)} do not block.`
    }
  }
}
