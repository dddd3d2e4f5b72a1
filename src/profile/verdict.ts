// How the boot profile enters the run's report: the fit check and its warning on a healthy run, and the
// base comparison, which fails the run when a figure grew beyond its `regression-limit`.
import type { Annotation, RunReport } from '../model.js'
import { checkFit } from './fit.js'
import type { BaseComparison, BootProfile } from './model.js'
import { describeRegressions, fitAnnotation, fitWarning, profileLine } from './render.js'
import { parseMemoryLimit } from './units.js'

/** The profile with its fit check when a `memory` limit is set. */
export function withFit(profile: BootProfile, memory: string | undefined): BootProfile {
  const limit = memory ? parseMemoryLimit(memory) : undefined
  return limit === undefined ? profile : { ...profile, fit: checkFit(profile, limit, memory!) }
}

/** The fit warning, as a report warning (comment, summary) and an annotation; none when it fits. */
export function fitNotes(profile: BootProfile | undefined): { warnings: string[]; annotations: Annotation[] } {
  const warning = fitWarning(profile?.fit)
  const annotation = fitAnnotation(profile?.fit)
  return { warnings: warning ? [warning] : [], annotations: annotation ? [annotation] : [] }
}

/** The report with the base comparison; a regression beyond its limit turns a pass into a failure. */
export function withComparison(report: RunReport, comparison: BaseComparison): RunReport {
  const withBase = { ...report, comparison }
  if (report.result !== 'pass' || comparison.regressions.length === 0 || !report.profile || !comparison.profile) return withBase
  const grown = describeRegressions(comparison.regressions)
  const summary = `The boot profile grew beyond the regression limit over the base commit ${comparison.sha?.slice(0, 7) ?? ''}: ${grown}.`.replace(
    ' :',
    ':'
  )
  return {
    ...withBase,
    result: 'fail',
    reason: 'profile-regression',
    summary,
    diagnosis: {
      reason: 'profile-regression',
      summary,
      evidence: [`This commit: ${profileLine(report.profile)}`, `Base: ${profileLine(comparison.profile)}`],
      remedy:
        'Find what the pull request added to the import path (a module-level cache, model or data load) and make it lazy or shared, or raise the `regression-limit` if the growth is intended.'
    },
    annotations: [...report.annotations, { level: 'error', title: 'Boot profile regression', message: summary }]
  }
}
