// `compare: base`, after the verdict and the teardown of the pull request's own container: the same smoke test on
// the base commit, one after the other on the same runner, then both profiles side by side in the report.
import type { Settings } from '../setup/inputs.js'
import type { RunReport } from '../core/model.js'
import { baseShaFrom, compareWithBase } from '../profile/comparison.js'
import { withComparison } from '../profile/in-report.js'
import type { PipelineDeps, SmokeRun } from './types.js'

type Smoke = (settings: Settings, deps: PipelineDeps) => Promise<RunReport>

export async function compareWithBaseCommit(run: SmokeRun, report: RunReport, smoke: Smoke): Promise<RunReport> {
  const { settings, deps } = run
  if (settings.compare !== 'base' || report.result !== 'pass' || !report.profile) return report
  const eventName = deps.event?.name ?? ''
  const short = baseShaFrom(eventName, deps.event?.payload)?.slice(0, 7)
  const comparison = await compareWithBase({
    settings,
    eventName,
    payload: deps.event?.payload,
    identity: deps.identity,
    docker: deps.docker,
    head: report.profile,
    limits: settings.regressionLimits,
    tempDir: deps.event?.tempDir,
    smoke: (base, identity) => {
      deps.ui.progress(`Comparing with the base commit ${short}: the same smoke test on it`)
      return deps.ui.group(`Base commit ${short}`, () =>
        smoke({ ...base, compare: 'none', regressionLimits: {} }, { ...deps, identity, event: undefined })
      )
    }
  })
  if (comparison.note) deps.ui.info(comparison.note)
  return withComparison(report, comparison)
}
