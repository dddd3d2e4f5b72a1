// The boot profile in the comment (one compact line) and the job summary (the line and a small table).
import type { RunReport } from '../core/model.js'
import { comparisonLine, profileTable } from '../profile/render.js'
import { capLength, inlineMarkdown } from './markdown-safe.js'

const LINE_MAX = 1000

export function profileSection(report: RunReport, withTable: boolean): string {
  if (!report.profile) return ''
  const line = `**Boot profile:** ${inlineMarkdown(capLength(comparisonLine(report.profile, report.comparison), LINE_MAX))}`
  return withTable ? `${line}\n\n${profileTable(report.profile, report.comparison?.profile)}` : line
}
