// How the boot profile enters the run's report: the fit check and its warning on a healthy run, and the
// base comparison, which fails the run when a figure grew beyond its `regression-limit`.
import type { Annotation, RunReport } from '../core/model.js'
import { checkFit } from './fit.js'
import type { BaseComparison, BootProfile } from './figures.js'
import { fitAnnotation, fitWarning } from './render.js'
import { explain } from '../diagnosis/explain.js'
import { reasonById } from '../diagnosis/registry.js'
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
  if (report.result !== 'pass' || !report.profile) return withBase
  const explained = explain('profile', { profile: report.profile, comparison })
  if (!explained) return withBase
  const { diagnosis } = explained
  return {
    ...withBase,
    result: 'fail',
    reason: diagnosis.reason,
    summary: diagnosis.summary,
    diagnosis,
    annotations: [...report.annotations, { level: 'error', title: reasonById(diagnosis.reason).title, message: diagnosis.summary }]
  }
}
