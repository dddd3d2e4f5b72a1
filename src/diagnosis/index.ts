// Entry point of the diagnosis: one Diagnosis per failed run, and the annotations that point at the repo.

import type { Annotation, Diagnosis, SourceLocation } from '../core/model.js'
import { RuleContext, type DiagnosisContext } from './context.js'
import { explain, type Explanation } from './explain.js'
import { reasonById } from './registry.js'
import { BootTracker } from '../gunicorn/boot-tracker.js'
import { readingOrder } from '../gunicorn/paste-order.js'

export type { DiagnosisContext } from './context.js'
export type { FailedOutcome } from '../core/model.js'
export { REASONS, REASON_IDS, reasonById, type ReasonId } from './registry.js'
export { explain } from './explain.js'
export { advisoriesFor } from './advisories.js'
export { pipPackageFor } from './packages.js'

const MAX_ANNOTATIONS = 10

/** Always returns a diagnosis: `unknown`'s last rule (how the container ended) recognises every run. */
export function diagnose(ctx: DiagnosisContext): Diagnosis {
  return explainRun(ctx).diagnosis
}

/** The diagnosis with every repository line its rule points at (a start command's virtualenv: both stages' lines). */
export function explainRun(ctx: DiagnosisContext): Explanation {
  return explain('boot', new RuleContext(inReadingOrder(ctx)))!
}

/**
 * Annotations for the run: an error on the diagnosis location, then one per other repository frame where the
 * other workers' or chained tracebacks failed (at most 10). Without any location, one error without a file.
 */
export function annotationsFor(diagnosis: Diagnosis, ctx: DiagnosisContext, pointers: readonly SourceLocation[] = []): Annotation[] {
  const title = `Gunicorn smoke: ${reasonById(diagnosis.reason).title}`
  const message = `${diagnosis.summary}\n${diagnosis.remedy}`
  const annotations: Annotation[] = []
  const seen = new Set<string>()
  if (diagnosis.location) {
    annotations.push({ level: 'error', title, message, file: diagnosis.location.file, line: diagnosis.location.line })
    seen.add(`${diagnosis.location.file}:${diagnosis.location.line}`)
  }
  for (const { file, line } of pointers) {
    if (seen.has(`${file}:${line}`)) continue
    seen.add(`${file}:${line}`)
    annotations.push({ level: 'error', title, message, file, line })
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
