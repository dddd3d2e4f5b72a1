// The pull-request comment and the job summary, both rendered from a (redacted) RunReport.
// Read in five seconds: verdict, cause, fix; then the checks, the proof, and the log one click away.
// Size rule: the headline, cause and fix are never cut; the log tail shrinks first, then the traceback excerpt.
import type { RunReport } from '../core/model.js'
import { describeExitCode, formatCount, formatDuration, plural, runLinks, type RunLinks } from './format.js'
import { findCauseExcerpt, fitTail, shrinkExcerpt, type LogExcerpt } from './log-excerpt.js'
import { capLength, codeBlock, codeSpan, escapeText, inlineMarkdown, sanitizeLogLine } from './markdown-safe.js'
import { commentMarker } from './marker.js'
import { reasonById } from '../diagnosis/registry.js'
import { profileSection } from './profile-section.js'
import { checksTable, runDetails } from './tables.js'
import { workersPhrase } from '../gunicorn/log-level.js'

export { commentMarker } from './marker.js'

/** GitHub rejects issue comments over 65,536 characters; we stay a little below. */
export const COMMENT_LIMIT = 65_536
const COMMENT_BUDGET = 65_000
/** A step summary over 1 MiB is rejected; we stay well below (measured in UTF-8 bytes). */
export const SUMMARY_LIMIT_BYTES = 1_048_576
const SUMMARY_BUDGET_BYTES = 1_000_000

interface Flavor {
  heading: string
  budget: number
  measure: (text: string) => number
  tailMaxLines: number
  tailMaxLineLength: number
  /** The comment of a passing run stays compact; the summary always carries the log. */
  tailOnPass: boolean
  excerptMaxLines: number
  excerptMaxLineLength: number
  runDetails: boolean
  /** Where the reader finds what was left out. */
  elsewhere: string
}

const COMMENT_FLAVOR: Flavor = {
  heading: '###',
  budget: COMMENT_BUDGET,
  measure: (text) => text.length,
  tailMaxLines: 200,
  tailMaxLineLength: 500,
  tailOnPass: false,
  excerptMaxLines: 60,
  excerptMaxLineLength: 500,
  runDetails: false,
  elsewhere: 'the job log'
}

const SUMMARY_FLAVOR: Flavor = {
  heading: '##',
  budget: SUMMARY_BUDGET_BYTES,
  measure: (text) => Buffer.byteLength(text, 'utf8'),
  tailMaxLines: 1000,
  tailMaxLineLength: 2000,
  tailOnPass: true,
  excerptMaxLines: 120,
  excerptMaxLineLength: 2000,
  runDetails: true,
  elsewhere: 'the step log'
}

// Caps on text that is never expected to be long; they only bite on hostile or runaway input.
const SENTENCE_MAX = 2000
const EVIDENCE_MAX_LINES = 20
const EVIDENCE_MAX_LINE_LENGTH = 500
const NOTES_MAX = 10
const NOTE_MAX_LENGTH = 500

export interface CommentOptions {
  /** The comment key (sanitized into the hidden marker on the first line). */
  key: string
}

/** The sticky pull-request comment: at most 65,000 characters whatever the log size. Pass a redacted report. */
export function renderComment(report: RunReport, options: CommentOptions): string {
  return renderWithin(report, COMMENT_FLAVOR, commentMarker(options.key))
}

/** The job summary: the same report with a longer log tail and run details, under 1,000,000 UTF-8 bytes. */
export function renderSummary(report: RunReport): string {
  return renderWithin(report, SUMMARY_FLAVOR)
}

/**
 * Budgeting estimates the cost of the log blocks; should an estimate fall short, render again with a smaller
 * budget, and in the end without the log blocks, which the caps on every other part keep far below the limit.
 */
function renderWithin(report: RunReport, flavor: Flavor, marker?: string): string {
  let budget = flavor.budget
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = render(report, { ...flavor, budget }, marker)
    const size = flavor.measure(text)
    if (size <= flavor.budget) return text
    budget -= size - flavor.budget + 1000
  }
  return render(report, { ...flavor, budget: 0 }, marker)
}

function render(report: RunReport, flavor: Flavor, marker?: string): string {
  const links = runLinks(report.metadata)
  const failed = report.result === 'fail'
  const before: string[] = [headline(report, flavor, marker)]
  if (failed) {
    before.push(causeParagraph(report, links))
    if (report.diagnosis?.remedy.trim()) {
      before.push(`**Fix:** ${inlineMarkdown(capLength(report.diagnosis.remedy, SENTENCE_MAX))}`)
    }
  }
  if (report.checks.length > 0) before.push(checksTable(report))
  before.push(profileSection(report, flavor.runDetails))
  if (failed && report.diagnosis && report.diagnosis.evidence.length > 0) before.push(evidenceBlock(report, links))
  if (failed) before.push(dependencyLogs(report))

  const notes = notesSection(report)
  const after: string[] = []
  if (flavor.runDetails) after.push(runDetails(report))
  after.push(footer(report, links))

  const join = (parts: string[]): string => parts.filter((p) => p !== '').join('\n\n')
  const sep = flavor.measure('\n\n')
  let remaining = flavor.budget - flavor.measure(join([...before, notes, ...after])) - sep * 2

  let excerptBlock = ''
  if (failed && report.diagnosis) {
    const excerpt = findCauseExcerpt(report.log, report.diagnosis.evidence, report.logTotalLines, {
      maxLines: flavor.excerptMaxLines,
      maxLineLength: flavor.excerptMaxLineLength
    })
    if (excerpt && addsToEvidence(excerpt, report.diagnosis.evidence)) {
      const wrapperCost = flavor.measure(excerptWrapper(excerpt, report, '')) + sep
      const fitted = shrinkExcerpt(excerpt, remaining, flavor.measure, wrapperCost)
      if (fitted) {
        excerptBlock = excerptWrapper(fitted, report, codeBlock(fitted.lines))
        remaining -= flavor.measure(excerptBlock) + sep
      }
    }
  }

  let tailBlock = ''
  if ((failed || flavor.tailOnPass) && report.log.length > 0) {
    tailBlock = tailSection(report, flavor, remaining - sep, links)
  }

  return join([...before, excerptBlock, notes, tailBlock, ...after]) + '\n'
}

function headline(report: RunReport, flavor: Flavor, marker?: string): string {
  const prefix = marker ? `${marker}\n` : ''
  if (report.result === 'pass') {
    const facts = passFacts(report)
    return `${prefix}${flavor.heading} ✅ Gunicorn smoke test passed${facts ? ` — ${facts}` : ''}`
  }
  const reason = report.reason ?? report.diagnosis?.reason ?? 'unknown'
  let title = escapeText(reasonById(reason).headline)
  const culprit = reasonById(reason).namesCulprit ? firstCodeSpan(report.diagnosis?.summary ?? report.summary) : undefined
  if (culprit) title += ` ${codeSpan(culprit)}`
  // An exception no rule knows is still named: "`ValueError` while loading the app" beats "cause not recognised".
  const exception =
    reason === 'unknown' && report.diagnosis?.location
      ? report.diagnosis.summary.match(/`([\w.]+(?:Error|Exception|Exit|Interrupt))\b/)?.[1]
      : undefined
  if (exception) title = `${codeSpan(exception)} while loading the app`
  return `${prefix}${flavor.heading} ❌ Gunicorn smoke test failed — ${title}`
}

/** "healthy in 2.3 s, 4/4 workers, WebSocket OK". */
function passFacts(report: RunReport): string {
  const facts: string[] = []
  if (report.bootTimeMs !== undefined) {
    facts.push(`${report.health?.ok === false ? 'booted' : 'healthy'} in ${formatDuration(report.bootTimeMs)}`)
  }
  const { workersBooted, workersExpected } = report.gunicorn
  if (workersExpected !== undefined) facts.push(workersPhrase(report.gunicorn))
  else if (workersBooted > 0) facts.push(plural(workersBooted, 'worker'))
  if (report.websocket === 'ok') facts.push('WebSocket OK')
  return facts.join(', ')
}

/** The first `code span` of a sentence, when short: the module, variable or attribute a diagnosis names. */
function firstCodeSpan(sentence: string): string | undefined {
  const match = /(`+)([^`]+?)\1(?!`)/.exec(sentence)
  const content = match?.[2].trim()
  return content && content.length <= 60 ? content : undefined
}

function locationText(report: RunReport, links: RunLinks): string | undefined {
  const location = report.diagnosis?.location
  if (!location) return undefined
  const label = codeSpan(capLength(`${location.file}:${location.line}`, 200))
  const url = links.fileUrl(location.file, location.line)
  return url ? `[${label}](${url})` : label
}

function causeParagraph(report: RunReport, links: RunLinks): string {
  const sentence = report.diagnosis?.summary.trim() || report.summary.trim() || 'The smoke test failed.'
  let text = inlineMarkdown(capLength(sentence, SENTENCE_MAX), { atLineStart: true })
  const location = locationText(report, links)
  const where = report.diagnosis?.location
  if (location && where && !sentence.includes(`${where.file}:${where.line}`)) text += ` (${location})`
  if (report.containerExitCode !== undefined && report.reason !== 'build-failed' && !/exit code \d+/.test(sentence)) {
    const meaning = describeExitCode(report.containerExitCode)
    text += ` The container exited with code ${report.containerExitCode}${meaning ? ` (${escapeText(meaning)})` : ''}.`
  }
  return text
}

function evidenceBlock(report: RunReport, links: RunLinks): string {
  const evidence = report.diagnosis?.evidence ?? []
  const lines = evidence.slice(0, EVIDENCE_MAX_LINES).map((line) => sanitizeLogLine(line, EVIDENCE_MAX_LINE_LENGTH))
  if (evidence.length > EVIDENCE_MAX_LINES) lines.push(`… ${evidence.length - EVIDENCE_MAX_LINES} more lines`)
  const location = locationText(report, links)
  return `**Evidence**${location ? ` — ${location}` : ''}\n${codeBlock(lines)}`
}

/** Whether the traceback excerpt shows more than the evidence block already does. */
function addsToEvidence(excerpt: LogExcerpt, evidence: readonly string[]): boolean {
  const shown = new Set(evidence.map((e) => e.trim()))
  return excerpt.lines.some((line) => line.trim() !== '' && !shown.has(line.trim()))
}

/** A compose dependency that failed: its log tail (capped when it was captured), folded. */
function dependencyLogs(report: RunReport): string {
  return (report.dependencies ?? [])
    .filter((dependency) => dependency.status === 'failed' && (dependency.log?.length ?? 0) > 0)
    .map(({ service, log = [] }) => {
      const block = codeBlock(log.map((line) => sanitizeLogLine(line, EVIDENCE_MAX_LINE_LENGTH)))
      return `<details><summary>Log of the compose service ${codeSpan(service)} (last ${plural(log.length, 'line')})</summary>\n\n${block}\n\n</details>`
    })
    .join('\n\n')
}

function excerptWrapper(excerpt: LogExcerpt, report: RunReport, block: string): string {
  const total = Math.max(report.logTotalLines, report.log.length)
  const range = `log lines ${formatCount(excerpt.firstLine)}–${formatCount(excerpt.lastLine)} of ${formatCount(total)}`
  return `<details open><summary>Traceback (${range})</summary>\n\n${block}\n\n</details>`
}

function tailSection(report: RunReport, flavor: Flavor, budget: number, links: RunLinks): string {
  const total = Math.max(report.logTotalLines, report.log.length)
  const wrapper = (shown: number, block: string): string => {
    const leftOut = total - shown
    const label =
      leftOut > 0
        ? `Container log (last ${formatCount(shown)} of ${plural(total, 'line')}, ${formatCount(leftOut)} left out)`
        : `Container log (${plural(total, 'line')})`
    return `<details><summary>${label}</summary>\n\n${block}\n\n</details>`
  }
  const overhead = flavor.measure(wrapper(total, '')) + 2 * 3 + flavor.measure('text\n')
  const fitted = fitTail(report.log, budget, {
    maxLines: flavor.tailMaxLines,
    maxLineLength: flavor.tailMaxLineLength,
    measure: flavor.measure,
    overhead
  })
  if (fitted.lines.length === 0) {
    const where = links.runUrl ? `[${flavor.elsewhere}](${links.runUrl})` : flavor.elsewhere
    const count = plural(total, 'line')
    return `<sub>The container log (${count}) is left out to keep this within size limits; see ${where}.</sub>`
  }
  // Counted in log lines: a JSON record is shown as the several lines it carries.
  return wrapper(report.log.length - fitted.dropped, codeBlock(fitted.lines))
}

function notesSection(report: RunReport): string {
  const items: string[] = []
  const add = (icon: string, notes: readonly string[]): void => {
    for (const note of notes.slice(0, NOTES_MAX)) {
      if (note.trim()) items.push(`- ${icon} ${inlineMarkdown(capLength(note, NOTE_MAX_LENGTH))}`)
    }
    if (notes.length > NOTES_MAX) items.push(`- ${icon} …and ${formatCount(notes.length - NOTES_MAX)} more`)
  }
  add('⚠️', report.warnings)
  add('🛡️', report.advisories)
  return items.join('\n')
}

function footer(report: RunReport, links: RunLinks): string {
  const parts = ['gunicorn-smoke']
  const runNumber = report.metadata.runNumber && /^\d+$/.test(report.metadata.runNumber) ? report.metadata.runNumber : ''
  const runLabel = runNumber ? `run #${runNumber}` : 'job log'
  // Outside a link, "#128" would be autolinked to issue 128.
  parts.push(links.runUrl ? `[${runLabel}](${links.runUrl})` : runNumber ? escapeText(runLabel) : '')
  if (links.shortSha) {
    const sha = codeSpan(links.shortSha)
    parts.push(links.commitUrl ? `commit [${sha}](${links.commitUrl})` : `commit ${sha}`)
  }
  if (report.durationMs > 0) parts.push(`${formatDuration(report.durationMs)} in all`)
  return `<sub>${parts.filter((p) => p !== '').join(' · ')}</sub>`
}
