// The two tables of the report: the checks, one row per phase, and the run's details (image, Gunicorn, answers,
// where each setting came from).
import type { CheckResult, RunReport } from '../core/model.js'
import { STATUS_ICONS, formatDuration, plural } from './format.js'
import { capLength, codeSpan, escapeText, inlineMarkdown } from './markdown-safe.js'

const CELL_MAX = 300
const MAX_CHECK_ROWS = 12

export function checksTable(report: RunReport): string {
  const rows = report.checks.slice(0, MAX_CHECK_ROWS).map((check) => {
    const label = inlineMarkdown(capLength(check.label, CELL_MAX), { inTable: true })
    const result = `${STATUS_ICONS[check.status]} ${checkResultText(check, report)}`.trim()
    const time = check.durationMs !== undefined ? formatDuration(check.durationMs) : ''
    return `| ${label} | ${result} | ${time} |`
  })
  return ['| Check | Result | Time |', '|---|---|---|', ...rows].join('\n')
}

/** The check's own detail; for start and workers without one, what the Gunicorn facts say. */
function checkResultText(check: CheckResult, report: RunReport): string {
  const detail = check.detail.trim() ? inlineMarkdown(capLength(check.detail, CELL_MAX), { inTable: true }) : ''
  if (check.status === 'not-reached') return 'not reached'
  if (check.status === 'skipped') return detail ? `skipped — ${detail}` : 'skipped'
  if (detail) return detail
  const g = report.gunicorn
  if (check.id === 'start') {
    return [
      g.version ? escapeText(g.version) : '',
      g.workerClass ? codeSpan(capLength(g.workerClass, 120), { inTable: true }) : '',
      g.binds.length > 0 ? codeSpan(capLength(g.binds.join(', '), 120), { inTable: true }) : ''
    ]
      .filter((f) => f !== '')
      .join(', ')
  }
  if (check.id === 'workers' && (g.workersExpected !== undefined || g.workersBooted > 0)) {
    return `${g.workersBooted}/${g.workersExpected ?? '?'}${g.workersDied > 0 ? `, ${g.workersDied} exited` : ''}`
  }
  return ''
}

export function runDetails(report: RunReport): string {
  const rows: Array<[string, string]> = []
  const code = (text: string): string => codeSpan(capLength(text, 300), { inTable: true })
  if (report.image) rows.push(['Image', code(report.image)])
  if (report.dockerfile) rows.push(['Dockerfile', code(report.dockerfile)])
  const g = report.gunicorn
  if (g.version) rows.push(['Gunicorn', escapeText(g.version)])
  if (g.workerClass) rows.push(['Worker class', code(g.workerClass)])
  if (g.binds.length > 0) rows.push(['Bind', code(g.binds.join(', '))])
  if (g.workersExpected !== undefined || g.workersBooted > 0) {
    rows.push(['Workers', `${g.workersBooted} booted / ${g.workersExpected ?? '?'} expected, ${g.workersDied} exited`])
  }
  if (report.health) {
    const h = report.health
    const answer = h.status !== undefined ? `HTTP ${h.status}` : h.error ? escapeText(capLength(h.error, 200)) : 'no answer'
    const body = h.bodyExcerpt ? ` ${code(h.bodyExcerpt)}` : ''
    rows.push(['Health', `${answer}${body} after ${plural(h.attempts, 'attempt')}`])
  }
  if (report.websocketOutcome) {
    const w = report.websocketOutcome
    const detail = inlineMarkdown(capLength(w.detail, 300), { inTable: true })
    rows.push(['WebSocket', `${escapeText(w.protocol)} ${code(w.path)}: ${detail}`])
  }
  if (report.containerExitCode !== undefined) rows.push(['Container exit code', String(report.containerExitCode)])
  const sources = Object.entries(report.settingSources)
  if (sources.length > 0) {
    rows.push(['Settings from', sources.map(([name, source]) => `${code(name)} ← ${escapeText(source)}`).join(', ')])
  }
  rows.push(['Started', escapeText(report.startedAt)])
  rows.push(['Duration', formatDuration(report.durationMs)])
  const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
  return `<details><summary>Run details</summary>\n\n${table}\n\n</details>`
}
