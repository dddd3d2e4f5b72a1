// HTTP answers: the server is up, but the health route or the WebSocket upgrade did not answer as expected.
// Detection helpers shared by the rules of `websocket-failed` and `health-check-failed`.
import type { HealthResult, WebSocketResult } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import { code } from '../words.js'

/** Worker classes that serve plain HTTP only: an upgrade request gets a 400, a 200 or a closed socket. */
export const PLAIN_WORKER = /^(sync|gthread|gevent|gunicorn\.workers\.(sync|gthread|ggevent)\.\w+)$/i

/** The WebSocket probe that failed the run, when the run failed on it. */
export function failedWebSocket(rc: RuleContext): WebSocketResult | undefined {
  const ws = rc.ctx.websocket
  return rc.ctx.outcome === 'websocket-failed' && ws && !ws.ok ? ws : undefined
}

/** The probe's outcome, then the line where Gunicorn names the worker class it runs. */
export function websocketEvidence(rc: RuleContext, ws: WebSocketResult): string[] {
  const evidence = [`WebSocket ${ws.path}: ${ws.detail}`]
  const listening = rc.ofKind('worker-class')[0]
  if (listening) evidence.push(listening.lines[0].text)
  return evidence
}

/** The upgrade was answered as plain HTTP, or the socket closed or spoke something else. */
export function upgradeRefused(ws: WebSocketResult): boolean {
  return ws.status === 400 || ws.status === 426 || ws.failure === 'closed' || ws.failure === 'protocol' || ws.status === 200
}

/**
 * Whether the failed health check explains the run: it does when the run failed on it, or when it failed
 * while nothing else did (an unstable run has its own story).
 */
export function healthCheckExplains(rc: RuleContext): boolean {
  const { outcome, health, container } = rc.ctx
  if (outcome !== 'health-failed' && !(health && !health.ok && outcome !== 'unstable')) return false
  // When Gunicorn itself failed with a traceback, the unanswered health check is a symptom, not the cause.
  if (outcome !== 'health-failed' && rc.primaryTraceback()) return false
  // A container that stopped by itself explains the unanswered health check better than the check does.
  return !(outcome === 'container-exited' && container.exitCode !== undefined)
}

/** The answer's body on one line, as far as a summary quotes it; undefined when the answer had none. */
export function bodyExcerpt(health: HealthResult): string | undefined {
  return health.bodyExcerpt ? health.bodyExcerpt.replace(/\s+/g, ' ').slice(0, 160) : undefined
}

/** " `body`" after a status, or nothing. */
export const quotedBody = (body: string | undefined) => (body !== undefined ? ` ${code(body)}` : '')
