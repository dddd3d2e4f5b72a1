// The report file as written by every run (`report-path`) and read by the publishing mode (`publish-report`):
// the redacted RunReport's fields plus the format, its version, the comment key and the commit it tested.
import type { RunReport } from '../core/model.js'
import { capLength } from '../render/markdown-safe.js'
import { LIMITS, MAX_REPORT_BYTES, REPORT_FORMAT, REPORT_VERSION } from './schema.js'

export interface ReportFile extends RunReport {
  format: typeof REPORT_FORMAT
  version: typeof REPORT_VERSION
  /** The sticky comment's key in the producing run; the publishing run uses it unless `comment-key` is set. */
  commentKey: string
  /** The pull request's head commit (GITHUB_SHA elsewhere): the publishing run refuses a file for another commit. */
  headSha?: string
  /** `owner/name` of the repository the head commit belongs to (the fork, for a fork's pull request). */
  headRepository?: string
}

export interface Producer {
  commentKey: string
  headSha?: string
  headRepository?: string
}

/** At most `max` characters, the note on what was cut included. */
const cap = (text: string, max: number): string => (text.length <= max ? text : capLength(text, max - 40))
const capAll = (texts: readonly string[], count: number, length: number): string[] => texts.slice(0, count).map((text) => cap(text, length))

/**
 * The file for a report that is already redacted. Only the container log can outgrow the schema's bounds, so it
 * (and, defensively, every list of free text) is cut to them: the producer never writes a file the publisher refuses.
 */
export function toReportFile(safe: RunReport, producer: Producer): ReportFile {
  const sha = producer.headSha && /^[0-9a-f]{40}$/.test(producer.headSha) ? producer.headSha : undefined
  const repository =
    producer.headRepository && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(producer.headRepository) ? producer.headRepository : undefined
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    commentKey: producer.commentKey,
    ...(sha ? { headSha: sha } : {}),
    ...(repository ? { headRepository: repository } : {}),
    ...safe,
    summary: cap(safe.summary, LIMITS.sentence),
    ...(safe.diagnosis
      ? {
          diagnosis: {
            ...safe.diagnosis,
            summary: cap(safe.diagnosis.summary, LIMITS.sentence),
            evidence: capAll(safe.diagnosis.evidence, LIMITS.evidence, LIMITS.line),
            remedy: cap(safe.diagnosis.remedy, LIMITS.sentence)
          }
        }
      : {}),
    ...(safe.health
      ? {
          health: {
            ...safe.health,
            ...(safe.health.bodyExcerpt !== undefined ? { bodyExcerpt: cap(safe.health.bodyExcerpt, LIMITS.line) } : {}),
            ...(safe.health.error !== undefined ? { error: cap(safe.health.error, LIMITS.line) } : {})
          }
        }
      : {}),
    ...(safe.websocketOutcome ? { websocketOutcome: { ...safe.websocketOutcome, detail: cap(safe.websocketOutcome.detail, LIMITS.line) } } : {}),
    ...(safe.shutdown ? { shutdown: cappedShutdown(safe.shutdown) } : {}),
    checks: safe.checks.slice(0, LIMITS.checks).map((check) => ({ ...check, detail: cap(check.detail, LIMITS.line) })),
    advisories: capAll(safe.advisories, LIMITS.notes, LIMITS.sentence),
    warnings: capAll(safe.warnings, LIMITS.notes, LIMITS.sentence),
    annotations: safe.annotations.slice(0, LIMITS.annotations).map((a) => ({ ...a, message: cap(a.message, LIMITS.sentence) })),
    // The head of the log holds the start-up and the first traceback, the tail the end: keep both ends.
    log: keepEnds(safe.log, LIMITS.logLines).map((line) => ({ ...line, text: cap(line.text, LIMITS.line) }))
  }
}

/** PID 1's command line and Gunicorn's line come from the container: bounded like the log. */
function cappedShutdown(shutdown: NonNullable<RunReport['shutdown']>): NonNullable<RunReport['shutdown']> {
  const { handled, request, pid1 } = shutdown
  return {
    ...shutdown,
    ...(handled ? { handled: { ...handled, line: cap(handled.line, LIMITS.line) } } : {}),
    request: request.error !== undefined ? { ...request, error: cap(request.error, LIMITS.line) } : request,
    ...(pid1 !== undefined ? { pid1: cap(pid1, LIMITS.line) } : {})
  }
}

/**
 * The file's text, within MAX_REPORT_BYTES: the bounds above keep every part small, but a log of long lines full of
 * escaped control characters could still add up, so the log is halved (both ends kept) until the whole fits.
 */
export function serializeReportFile(file: ReportFile): string {
  let current = file
  let text = JSON.stringify(current, null, 2)
  while (Buffer.byteLength(text, 'utf8') > MAX_REPORT_BYTES && current.log.length > 0) {
    current = { ...current, log: keepEnds(current.log, Math.floor(current.log.length / 2)) }
    text = JSON.stringify(current, null, 2)
  }
  return text
}

function keepEnds<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items]
  const head = Math.floor(max / 10)
  return [...items.slice(0, head), ...items.slice(items.length - (max - head))]
}
