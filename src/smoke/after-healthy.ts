// After the first healthy answer: the WebSocket route, then the probing phases in order, each only while the
// run is still healthy. A new phase is one entry in AFTER_HEALTHY.
import { checkUnderLoad } from './load-check.js'
import { profileBoot, sampleAtBoot } from './profile.js'
import { checkShutdown } from './shutdown-check.js'
import { watchStability } from './stability-check.js'
import { cancelled, type Findings, type Outcome, type Running, type SmokeRun } from './types.js'
import { checkWebSocket } from './websocket-check.js'
import type { WorkerCount } from './worker-count.js'

interface Phase {
  enabled(run: SmokeRun): boolean
  run(run: SmokeRun, running: Running, findings: Findings, workerCount: WorkerCount): Promise<Outcome>
}

const AFTER_HEALTHY: Phase[] = [
  { enabled: (run) => run.settings.loadRequests > 0 && !cancelled(run), run: checkUnderLoad },
  { enabled: (run) => run.settings.stabilityWindowSec > 0, run: watchStability },
  { enabled: (run) => !cancelled(run), run: profileBoot },
  // Last: it stops the container the profile measured.
  { enabled: (run) => run.settings.shutdownCheck !== false && !cancelled(run), run: checkShutdown }
]

export async function afterHealthy(
  run: SmokeRun,
  running: Running,
  findings: Findings,
  workerCount: WorkerCount,
  status: number | undefined
): Promise<void> {
  run.deps.ui.info(`Healthy after ${findings.healthyAt! - running.containerStartedAt} ms (HTTP ${status}).`)
  workerCount.start(run, running)
  sampleAtBoot(run, running, findings)
  const websocket = run.settings.websocketPath ? await checkWebSocket(run, running) : undefined
  findings.websocket = websocket?.result
  const decision = websocket ? websocket.decision : await running.watch.decided()
  findings.outcome = decision ?? (findings.websocket && !findings.websocket.ok ? 'health-failed' : 'healthy')
  for (const phase of AFTER_HEALTHY) {
    if (findings.outcome !== 'healthy') break
    if (phase.enabled(run)) findings.outcome = await phase.run(run, running, findings, workerCount)
  }
}
