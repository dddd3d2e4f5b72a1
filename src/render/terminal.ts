// The terminal rendering of a RunReport for the CLI: verdict, checks, diagnosis, the evidence and a log tail.
import { displayTexts } from './log-excerpt.js'
import type { CheckResult, RunReport } from '../core/model.js'
import { comparisonLine } from '../profile/render.js'

export interface TerminalStyle {
  pass(text: string): string
  fail(text: string): string
  warn(text: string): string
  dim(text: string): string
  bold(text: string): string
}

export function terminalStyle(colour: boolean): TerminalStyle {
  const paint = (code: string) => (text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text)
  return { pass: paint('32'), fail: paint('31'), warn: paint('33'), dim: paint('2'), bold: paint('1') }
}

const ICONS: Record<CheckResult['status'], string> = { pass: '✔', fail: '✘', skipped: '–', 'not-reached': '·' }

export function renderTerminalReport(report: RunReport, style: TerminalStyle, logLines = 25): string {
  const out: string[] = []
  const verdict = report.result === 'pass' ? style.pass('PASS') : style.fail(`FAIL ${report.reason ?? ''}`.trim())
  out.push('', `${style.bold('gunicorn-smoke')} ${verdict}  ${report.summary}`, '')

  const labelWidth = Math.max(...report.checks.map((check) => plain(check.label).length))
  for (const check of report.checks) {
    const paint = check.status === 'pass' ? style.pass : check.status === 'fail' ? style.fail : style.dim
    const time = check.durationMs !== undefined ? style.dim(` ${(check.durationMs / 1000).toFixed(1)} s`) : ''
    out.push(`  ${paint(ICONS[check.status])} ${plain(check.label).padEnd(labelWidth)}  ${plain(check.detail) || style.dim(check.status)}${time}`)
  }

  const diagnosis = report.diagnosis
  if (diagnosis) {
    out.push('')
    if (diagnosis.location) out.push(`  ${style.bold('Where')}  ${diagnosis.location.file}:${diagnosis.location.line}`)
    out.push(`  ${style.bold('Fix')}    ${plain(diagnosis.remedy)}`)
    if (diagnosis.evidence.length > 0) {
      out.push('', `  ${style.bold('Evidence')}`)
      for (const line of diagnosis.evidence) out.push(`  ${style.dim('│')} ${line}`)
    }
  }
  if (report.profile) out.push('', `  ${style.bold('Profile')} ${plain(comparisonLine(report.profile, report.comparison))}`)
  for (const advisory of report.advisories) out.push('', `  ${style.warn('advisory')} ${advisory}`)
  for (const warning of report.warnings) out.push('', `  ${style.warn('warning')} ${warning}`)

  if (report.result === 'fail' && report.log.length > 0) {
    const tail = report.log.slice(-logLines)
    out.push('', `  ${style.bold('Log')} ${style.dim(`(last ${tail.length} of ${report.logTotalLines} lines)`)}`)
    for (const line of tail) for (const text of displayTexts(line.text)) out.push(`  ${style.dim('│')} ${text}`)
  }
  out.push('')
  return out.join('\n')
}

/** Check labels and details are Markdown-flavoured for the comment; the terminal shows them without backticks. */
function plain(text: string): string {
  return text.replace(/`/g, '')
}
