// After healthy, the load check (`load-requests`): N GETs of the health path, 10 at a time, while the log is
// watched: workers dying under the load (the classic WORKER TIMEOUT) decide at once, like everywhere else.
import { LoadProbe, describeLoad } from '../probes/load.js'
import type { CheckRow } from './checks.js'
import { runProbe } from './run-probe.js'
import { PROBE_HOST, type Findings, type Outcome, type Running, type SmokeRun } from './types.js'

export async function checkUnderLoad(run: SmokeRun, running: Running, findings: Findings): Promise<Outcome> {
  const { settings, deps, now } = run
  deps.ui.progress(`Sending ${settings.loadRequests} requests to ${settings.healthPath}, 10 at a time`)
  const probe = new LoadProbe({
    host: PROBE_HOST,
    // Only after a healthy answer, which needs the port.
    port: running.hostPort!,
    path: settings.healthPath,
    requests: settings.loadRequests,
    matcher: settings.healthStatus,
    totalTimeoutMs: Math.max(10_000, running.deadline - now()),
    hostHeader: settings.hostHeader
  })
  const { result, decision } = await runProbe(run, running, probe)
  findings.load = result
  deps.ui.info(`Load ${settings.healthPath}: ${describeLoad(result)}`)
  return decision ?? (result.failures > 0 ? 'health-failed' : 'healthy')
}

/** The load check's row: it fails when the run failed after it, naming the worker trouble seen. */
export function loadCheck(findings: Findings, workerTrouble: string | undefined): CheckRow {
  const { load, outcome } = findings
  const trouble = load && outcome !== 'healthy' && workerTrouble ? `; ${workerTrouble} during the load` : ''
  return {
    id: 'load',
    status: load === undefined ? 'not-reached' : load.failures === 0 && outcome === 'healthy' ? 'pass' : 'fail',
    detail: load ? `${describeLoad(load)}${trouble}` : '',
    durationMs: load?.durationMs
  }
}
