// Entry point of the diagnosis: one Diagnosis per failed run, and the annotations that point at the repo.

import type { Annotation, Diagnosis } from '../model.js'
import { RuleContext, type DiagnosisContext } from './context.js'
import { DIAGNOSIS_RULES, unknownDiagnosis } from './rules/index.js'
import { REASONS } from './reasons.js'
import { BootTracker } from '../gunicorn/boot-tracker.js'
import { readingOrder } from '../gunicorn/paste-order.js'

export type { DiagnosisContext, DiagnosisOutcome } from './context.js'
export { DIAGNOSIS_RULES, type DiagnosisRule } from './rules/index.js'
export { REASONS, type ReasonText } from './reasons.js'
export { advisoriesFor } from './advisories.js'
export { pipPackageFor } from './packages.js'

const MAX_ANNOTATIONS = 10
const MAX_EVIDENCE_LINES = 12

/** Always returns a diagnosis; `unknown` (with the most relevant lines) when no rule recognises the run. */
export function diagnose(ctx: DiagnosisContext): Diagnosis {
  const rc = new RuleContext(inReadingOrder(ctx))
  for (const rule of DIAGNOSIS_RULES) {
    const diagnosis = rule.explain(rc)
    if (diagnosis) return trimEvidence(diagnosis)
  }
  return trimEvidence(unknownDiagnosis(rc))
}

/**
 * Annotations for the run: an error on the diagnosis location, then one per other repository frame where the
 * other workers' or chained tracebacks failed (at most 10). Without any location, one error without a file.
 */
export function annotationsFor(diagnosis: Diagnosis, ctx: DiagnosisContext): Annotation[] {
  const title = `Gunicorn smoke: ${REASONS[diagnosis.reason].title}`
  const message = `${diagnosis.summary}\n${diagnosis.remedy}`
  const annotations: Annotation[] = []
  const seen = new Set<string>()
  if (diagnosis.location) {
    annotations.push({ level: 'error', title, message, file: diagnosis.location.file, line: diagnosis.location.line })
    seen.add(`${diagnosis.location.file}:${diagnosis.location.line}`)
  }
  const rc = new RuleContext(ctx)
  for (const tb of rc.tracebacks) {
    if (annotations.length >= MAX_ANNOTATIONS) break
    const frame = rc.userFrame(tb)
    if (!frame?.location) continue
    const key = `${frame.location.file}:${frame.location.line}`
    if (seen.has(key)) continue
    seen.add(key)
    annotations.push({
      level: 'error',
      title: `Gunicorn smoke: ${tb.exception.type.split('.').pop()}`,
      message: `${tb.exception.line}\nRaised while Gunicorn loaded the app.`,
      file: frame.location.file,
      line: frame.location.line
    })
  }
  if (annotations.length === 0) annotations.push({ level: 'error', title, message })
  return annotations.slice(0, MAX_ANNOTATIONS)
}

/** A pasted log that is newest-first or hard-wrapped is read again in reading order (paste-order.ts). */
function inReadingOrder(ctx: DiagnosisContext): DiagnosisContext {
  const lines = readingOrder(ctx.lines)
  if (!lines) return ctx
  const tracker = new BootTracker()
  for (const line of lines) tracker.push(line)
  tracker.flush()
  return { ...ctx, lines, events: [...tracker.events], state: tracker.state() }
}

function trimEvidence(diagnosis: Diagnosis): Diagnosis {
  const evidence = diagnosis.evidence.filter((line, index, all) => line.trim() !== '' && all.indexOf(line) === index)
  return { ...diagnosis, evidence: evidence.slice(0, MAX_EVIDENCE_LINES) }
}
