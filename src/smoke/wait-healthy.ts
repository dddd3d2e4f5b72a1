// Phase 3, wait for health: poll the health route until it answers as expected, deciding as soon as anything
// decides: the log (Gunicorn gave up, a worker died, the container exited), a status that will not heal, or
// the `timeout`.
import type { HealthResult } from '../core/model.js'
import { HealthProbe } from '../probes/health.js'
import { httpGet } from '../probes/http-client.js'
import { excerpt } from '../core/text.js'
import type { CheckRow } from './checks.js'
import { runProbe } from './run-probe.js'
import { knownWrongAnswer } from './wrong-answer.js'
import { PROBE_HOST, type Findings, type Outcome, type Running, type SmokeRun } from './types.js'

/** How long a healthy answer waits for the log to say who is listening, when it has not said so yet. */
const LOG_CATCH_UP_MS = 3000

export async function waitHealthy(run: SmokeRun, running: Running): Promise<{ findings: Findings; probe: HealthProbe }> {
  const { settings, now } = run
  const { watch } = running
  const probe = new HealthProbe({
    host: PROBE_HOST,
    port: running.hostPort ?? 0,
    path: settings.healthPath,
    matcher: settings.healthStatus,
    startedAt: running.containerStartedAt,
    hostHeader: settings.hostHeader,
    knownWrong: (answer, sameInARow) => knownWrongAnswer(answer, sameInARow, watch.tracker.events),
    onAnswer: () => watch.answered(),
    deadline: running.deadline
  })
  if (running.hostPort === undefined) {
    // The container stopped before it published its port: nothing to probe, the log and the exit decide.
    const decision = await watch.decisionBy(running.deadline)
    return { findings: { outcome: decision ?? 'container-exited', healthyAt: undefined }, probe }
  }
  run.deps.ui.progress(`Waiting for ${settings.healthPath} on port ${settings.port} (timeout ${settings.timeoutSec} s)`)
  let { decision } = await runProbe(run, running, probe)
  // A port another process holds answers too: the log tells, once it says Gunicorn could not bind it. An
  // answer Gunicorn signed (its `Server` header) needs no wait.
  const signedByGunicorn = /gunicorn/i.test(probe.result().server ?? '')
  if (probe.stoppedBy === 'healthy' && !signedByGunicorn && (await watch.answeredByAnotherProcess(LOG_CATCH_UP_MS))) {
    decision = await watch.decisionWhileBindFails(running.deadline)
    // Still failing at the deadline is a boot timeout; a bind that succeeded on a retry leaves the answer standing.
    if (decision || watch.tracker.state().bindInUse) return { findings: { outcome: decision ?? 'boot-timeout', healthyAt: undefined }, probe }
  }
  const health = probe.result()
  if (probe.stoppedBy === 'wrong-status' && health.status === 404 && settings.healthPath !== '/') {
    probe.rootStatus = await rootStatus(run, running)
  }
  const stops: Record<NonNullable<HealthProbe['stoppedBy']>, Outcome> = {
    healthy: 'healthy',
    'wrong-status': 'health-failed',
    // A server that answered, with the wrong status, at the deadline failed its health check; silence is a boot timeout.
    deadline: health.status !== undefined && !health.error ? 'health-failed' : 'boot-timeout',
    interrupted: decision ?? 'boot-timeout'
  }
  const outcome = stops[probe.stoppedBy!]
  return { findings: { outcome, healthyAt: outcome === 'healthy' ? now() : undefined }, probe }
}

/** One GET of `/` after a 404 on the health path: a route that is up tells the user which path to probe. */
async function rootStatus(run: SmokeRun, running: Running): Promise<number | undefined> {
  const target = { host: PROBE_HOST, port: running.hostPort ?? 0, path: '/', userAgent: 'gunicorn-smoke', timeoutMs: 2000 }
  const answer = await httpGet({ ...target, hostHeader: run.settings.hostHeader }).catch(() => undefined)
  return answer?.status
}

/**
 * The health check's row. Without a `Starting gunicorn` line and without any HTTP answer, nothing the probe saw
 * (a reset from Docker's proxy) is about the app: the check was not reached.
 */
export function healthCheck(health: HealthResult, findings: Findings, containerStartedAt: number, gunicornStarted = true): CheckRow {
  const { healthyAt, outcome } = findings
  if (!gunicornStarted && healthyAt === undefined && health.status === undefined) return { id: 'health', status: 'not-reached', detail: '' }
  return {
    id: 'health',
    status: healthyAt !== undefined ? 'pass' : outcome === 'health-failed' || outcome === 'boot-timeout' ? 'fail' : 'not-reached',
    detail: healthDetail(health),
    durationMs: healthyAt !== undefined ? healthyAt - containerStartedAt : undefined
  }
}

function healthDetail(health: HealthResult): string {
  if (health.status !== undefined && !health.error) {
    return health.bodyExcerpt ? `${health.status} \`${excerpt(health.bodyExcerpt, 61)}\`` : `${health.status}`
  }
  return health.error ?? ''
}
