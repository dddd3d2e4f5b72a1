// After healthy, the WebSocket (or Socket.IO) route, when `websocket-path` is set: one upgrade and exchange.
import type { WebSocketResult } from '../core/model.js'
import { WebSocketProbe } from '../probes/websocket.js'
import type { CheckRow } from './checks.js'
import { runProbe, type Probed } from './run-probe.js'
import { PROBE_HOST, type Running, type SmokeRun } from './types.js'

export async function checkWebSocket(run: SmokeRun, running: Running): Promise<Probed<WebSocketResult>> {
  const { settings, deps } = run
  deps.ui.progress(`Checking the WebSocket route ${settings.websocketPath} (${settings.websocketProtocol})`)
  const probe = new WebSocketProbe({
    host: PROBE_HOST,
    // Only after a healthy answer, which needs the port.
    port: running.hostPort!,
    path: settings.websocketPath!,
    protocol: settings.websocketProtocol,
    send: settings.websocketSend,
    expect: settings.websocketExpect,
    timeoutMs: Math.max(2000, running.deadline - run.now()),
    hostHeader: settings.hostHeader
  })
  const probed = await runProbe(run, running, probe)
  // Stopped because the log decided (a worker exited, Gunicorn stopped): the route did not fail by itself.
  if (probed.cutShort && probed.decision && !probed.result.ok) probed.result = { ...probed.result, failure: 'interrupted' }
  deps.ui.info(`WebSocket ${settings.websocketPath}: ${probed.result.detail}`)
  return probed
}

export function websocketCheck(outcome: WebSocketResult | undefined): CheckRow {
  return {
    id: 'websocket',
    status: outcome ? (outcome.ok ? 'pass' : 'fail') : 'not-reached',
    detail: outcome?.detail ?? '',
    durationMs: outcome?.durationMs
  }
}
