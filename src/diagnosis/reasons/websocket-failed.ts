// The server is up but the WebSocket probe failed: no route, Socket.IO sessions split across workers, a worker
// class that cannot hold a WebSocket, or a failure the probe can only describe.
import { defineReason, type Rule, type Words } from '../reason.js'
import { failedWebSocket, PLAIN_WORKER, upgradeRefused, websocketEvidence } from '../rules/health-answers.js'
import { code, present } from '../words.js'
import { STOP_SIGNALS } from '../rules/lifecycle.js'
import { withoutGunicornPrefix } from '../rules/rule.js'
import type { LogLine } from '../../core/model.js'

type Facts =
  | { kind: 'interrupted'; path: string; told?: string; exit?: string; workers: number; stopped?: string; exitCode?: number }
  | { kind: 'no-route'; path: string }
  | { kind: 'socketio-sessions'; workers: number }
  | { kind: 'plain-worker'; workerClass: string; path: string; detail: string }
  | { kind: 'probe-failed'; path: string; detail: string }
  | { kind: 'socketio-server'; server: string; workerClass?: string; exceptionLine: string }

/** A Gunicorn line without its timestamp, pid and level. */
const bare = (line: LogLine): string => withoutGunicornPrefix(line.text)

/**
 * A check cut short because the log decided the run while it ran: Gunicorn stopped (or lost a worker) during the
 * check. The log, not the probe, tells what happened, whatever the outcome.
 */
const interrupted: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn stopped or lost a worker during the check',
  detect(rc) {
    const ws = rc.ctx.websocket
    if (!ws || ws.ok || ws.failure !== 'interrupted') return undefined
    const told = rc.ofKind('handling-signal').find((e) => STOP_SIGNALS.test(e.signal))?.lines[0]
    const exits = [...rc.ofKind('worker-exiting'), ...rc.ofKind('worker-exit'), ...rc.ofKind('worker-signal')]
      .map((e) => e.lines[0])
      .sort((a, b) => a.seq - b.seq)
    // The exit that ended the check: the first after the master was told to stop, else the last one.
    const exit = told ? exits.find((line) => line.seq > told.seq) : exits[exits.length - 1]
    const shutdowns = rc.ofKind('shutdown')
    const stopped = (shutdowns.find((e) => e.reason) ?? shutdowns[0])?.lines[0]
    if (!exit && !stopped) return undefined
    const facts: Facts = {
      kind: 'interrupted',
      path: ws.path,
      told: told && bare(told),
      exit: exit && bare(exit),
      workers: exits.length,
      stopped: stopped && bare(stopped),
      exitCode: rc.ctx.container.exitCode
    }
    return { facts, evidence: present(told?.text, exit?.text, stopped?.text, `WebSocket ${ws.path}: ${ws.detail}`) }
  }
}

// Tried in this order, the first that holds explains the run: the findings overlap (a plain worker also
// fails a Socket.IO probe, and any failure is a failed probe).

const noRoute: Rule<Facts> = {
  stage: 'boot',
  name: 'the upgrade was answered 404',
  detect(rc) {
    const ws = failedWebSocket(rc)
    if (!ws || ws.status !== 404) return undefined
    return { facts: { kind: 'no-route', path: ws.path }, evidence: websocketEvidence(rc, ws) }
  }
}

const socketIoSessions: Rule<Facts> = {
  stage: 'boot',
  name: 'Socket.IO lost its session across several workers',
  detect(rc) {
    const ws = failedWebSocket(rc)
    const workers = rc.ctx.state.alivePids.length
    if (!ws || ws.protocol !== 'socket.io' || workers <= 1) return undefined
    if (!/session|sid|400/i.test(`${ws.detail} ${ws.status ?? ''}`)) return undefined
    return { facts: { kind: 'socketio-sessions', workers }, evidence: websocketEvidence(rc, ws) }
  }
}

const plainWorker: Rule<Facts> = {
  stage: 'boot',
  name: 'a plain HTTP worker class refused the upgrade',
  detect(rc) {
    const ws = failedWebSocket(rc)
    // Gunicorn's default worker class when nothing names one.
    const workerClass = rc.ctx.state.workerClass ?? 'sync'
    if (!ws || !PLAIN_WORKER.test(workerClass) || !upgradeRefused(ws)) return undefined
    return { facts: { kind: 'plain-worker', workerClass, path: ws.path, detail: ws.detail }, evidence: websocketEvidence(rc, ws) }
  }
}

/**
 * Flask-SocketIO refuses a WebSocket the worker cannot hold: `You need to use the gevent-websocket server` (plain
 * gevent worker) or `… the eventlet server`. Its own message names the server it needs, with or without a probe.
 */
const SOCKETIO_SERVER = /You need to use the ([\w-]+) server/

const socketIoServer: Rule<Facts> = {
  stage: 'boot',
  name: 'Flask-SocketIO says the worker is not the server it needs',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => SOCKETIO_SERVER.test(t.exception.message))
    if (!tb) return undefined
    const facts: Facts = {
      kind: 'socketio-server',
      server: SOCKETIO_SERVER.exec(tb.exception.message)![1],
      workerClass: rc.ctx.state.workerClass,
      exceptionLine: tb.exception.line
    }
    return { facts, evidence: present(tb.exception.line, rc.ctx.websocket?.detail) }
  }
}

const SOCKETIO_WORKERS: Record<string, string> = {
  'gevent-websocket': `${code('-k geventwebsocket.gunicorn.workers.GeventWebSocketWorker')} (package ${code('gevent-websocket')})`,
  eventlet: `${code('-k eventlet')} (package ${code('eventlet')}; Gunicorn 26 removed it: prefer gevent-websocket's worker)`
}

function socketIoServerWords(facts: Extract<Facts, { kind: 'socketio-server' }>): Words {
  const worker = facts.workerClass ? `the ${code(facts.workerClass)} worker` : 'this worker class'
  return {
    summary:
      `Flask-SocketIO cannot hold WebSockets under ${worker}: it asks for the ${code(facts.server)} server ` +
      `(${code(facts.exceptionLine.slice(0, 120))}).`,
    remedy: `Run Gunicorn with ${SOCKETIO_WORKERS[facts.server] ?? `the ${code(facts.server)} server's worker class`} and one worker (${code('-w 1')}).`
  }
}

const probeFailed: Rule<Facts> = {
  stage: 'boot',
  name: 'the WebSocket probe failed',
  detect(rc) {
    const ws = failedWebSocket(rc)
    if (!ws) return undefined
    return { facts: { kind: 'probe-failed', path: ws.path, detail: ws.detail }, evidence: websocketEvidence(rc, ws) }
  }
}

const WEBSOCKET_WORKERS =
  `${code('geventwebsocket.gunicorn.workers.GeventWebSocketWorker')} (package ${code('gevent-websocket')}), ` +
  `${code('uvicorn_worker.UvicornWorker')} (package ${code('uvicorn-worker')}; ${code('uvicorn.workers')} is deprecated) ` +
  `or Gunicorn 25+'s ${code('asgi')} worker for ASGI apps`

function interruptedSummary(facts: Extract<Facts, { kind: 'interrupted' }>): string {
  const path = code(facts.path)
  const what = present(
    facts.told && `the master was told to stop (${code(facts.told)})`,
    facts.exit && `${facts.workers > 1 ? 'the workers' : 'the worker'} exited (${code(facts.exit)})`,
    facts.stopped && `the master stopped (${code(facts.stopped)}${facts.exitCode !== undefined ? `, exit code ${facts.exitCode}` : ''})`
  )
  if (!facts.stopped && !facts.told)
    return `A worker exited during the WebSocket check of ${path} (${code(facts.exit!)}), so the check could not finish.`
  const listed = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0]
  return `Gunicorn stopped during the WebSocket check of ${path}: ${listed}.`
}

const INTERRUPTED_REMEDY = (path: string): string =>
  `Find what ends the process while ${code(path)} is handled: ${code('sys.exit()')} or ${code('os._exit()')} in the handler, ` +
  `a signal sent to Gunicorn's master (${code('os.kill(os.getppid(), …)')}), or a crash. Gunicorn stops when its master ` +
  'is told to, or when a worker exits with code 3 or 4.'

function words(facts: Facts): Words {
  switch (facts.kind) {
    case 'interrupted':
      return { summary: interruptedSummary(facts), remedy: INTERRUPTED_REMEDY(facts.path) }
    case 'no-route':
      return {
        summary: `There is no WebSocket route at ${code(facts.path)}: the upgrade request was answered 404.`,
        remedy: 'Set the `websocket-path` input to the route the app serves, or register that route.'
      }
    case 'socketio-sessions':
      return {
        summary:
          `Socket.IO failed with ${facts.workers} workers: its handshake and upgrade land on different workers, ` + 'which do not share sessions.',
        remedy: 'Run Socket.IO with a single worker (`-w 1` with an async worker class) ' + 'or put a load balancer with sticky sessions in front.'
      }
    case 'plain-worker':
      return {
        summary:
          `The ${code(facts.workerClass)} worker class cannot hold a WebSocket, ` + `so the upgrade at ${code(facts.path)} failed (${facts.detail}).`,
        remedy: `Use a worker class that speaks WebSocket: ${WEBSOCKET_WORKERS}.`
      }
    case 'probe-failed':
      return {
        summary: `The WebSocket probe of ${code(facts.path)} failed: ${facts.detail}.`,
        remedy:
          'Check the route and the expected messages (`websocket-*` inputs) against the app, ' + 'and that the worker class supports WebSockets.'
      }
    case 'socketio-server':
      return socketIoServerWords(facts)
  }
}

export default defineReason({
  id: 'websocket-failed',
  title: 'WebSocket check failed',
  headline: 'WebSocket check failed',
  readme: 'the WebSocket route did not upgrade or answer',
  fixtures: [{ path: '__fixtures__/apps/ws-wrong-worker', test: '__tests__/websocket-action.itg.ts' }],
  rules: [interrupted, noRoute, socketIoServer, socketIoSessions, plainWorker, probeFailed],
  words
})
