// The server is up but the WebSocket probe failed: no route, Socket.IO sessions split across workers, a worker
// class that cannot hold a WebSocket, or a failure the probe can only describe.
import { defineReason, type Rule, type Words } from '../reason.js'
import { failedWebSocket, PLAIN_WORKER, upgradeRefused, websocketEvidence } from '../rules/http.js'
import { code } from '../words.js'

type Facts =
  | { kind: 'no-route'; path: string }
  | { kind: 'socketio-sessions'; workers: number }
  | { kind: 'plain-worker'; workerClass: string; path: string; detail: string }
  | { kind: 'probe-failed'; path: string; detail: string }

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

function words(facts: Facts): Words {
  switch (facts.kind) {
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
  }
}

export default defineReason({
  id: 'websocket-failed',
  title: 'WebSocket check failed',
  headline: 'WebSocket check failed',
  readme: 'the WebSocket route did not upgrade or answer',
  fixtures: [{ path: '__fixtures__/apps/ws-wrong-worker', test: '__tests__/websocket-action.itg.ts' }],
  rules: [noRoute, socketIoSessions, plainWorker, probeFailed],
  words
})
