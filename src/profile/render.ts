// The boot profile as text: one compact line for the comment, a small table for the job summary, the fit
// warning and the outputs. Pure functions of the measured figures; the report renderers call them.
import type { Annotation } from '../core/model.js'
import { change, figure } from './limits.js'
import type { BaseComparison, BootProfile, FitCheck, Regression, RegressionMetric } from './figures.js'
import { megabytes } from './units.js'

const LABELS: Record<RegressionMetric, string> = { 'worker-memory': 'worker memory', memory: 'memory', 'image-size': 'image', 'boot-time': 'boot' }

function formatFigure(metric: RegressionMetric, value: number): string {
  return metric === 'boot-time' ? `${(value / 1000).toFixed(1)} s` : `${megabytes(value)} MB`
}

function formatChange(fraction: number): string {
  const percent = Math.round(fraction * 100)
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent)}%`
}

/** e.g. "worker memory 212 MB (base 150 MB, +41%), memory 430 MB, boot 2.1 s (base 1.4 s, +50%), image 412 MB (base 380 MB, +8%)". */
export function profileLine(profile: BootProfile, base?: BootProfile): string {
  const parts: string[] = []
  for (const metric of ['worker-memory', 'memory', 'boot-time', 'image-size'] as const) {
    const value = figure(profile, metric)
    if (value === undefined) continue
    const baseValue = base ? figure(base, metric) : undefined
    const grown = change(value, baseValue)
    const against =
      baseValue === undefined ? '' : ` (base ${formatFigure(metric, baseValue)}${grown === undefined ? '' : `, ${formatChange(grown)}`})`
    parts.push(`${LABELS[metric]} ${formatFigure(metric, value)}${against}`)
  }
  return parts.join(', ')
}

type Row = [label: string, read: (profile: BootProfile) => number | undefined, metric: RegressionMetric]

const ROWS: Row[] = [
  ['Largest worker (RSS)', (p) => p.largestWorkerRssBytes, 'worker-memory'],
  ['Master (RSS)', (p) => p.masterRssBytes, 'memory'],
  ['Container memory', (p) => p.containerMemoryBytes, 'memory'],
  ['First worker booted', (p) => p.firstWorkerMs, 'boot-time'],
  ['Healthy', (p) => p.healthyMs, 'boot-time'],
  ['Image size', (p) => p.imageSizeBytes, 'image-size']
]

/** A small Markdown table (this commit, and the base with the change when there is one). */
export function profileTable(profile: BootProfile, base?: BootProfile): string {
  const header = base ? ['| Figure | This commit | Base | Change |', '|---|---:|---:|---:|'] : ['| Figure | This commit |', '|---|---:|']
  const rows = ROWS.flatMap(([label, read, metric]) => {
    const value = read(profile)
    if (value === undefined) return []
    const workers = read === ROWS[0][1] && profile.workerRssBytes.length > 0 ? ` of ${profile.workerRssBytes.length}` : ''
    const cells = [`${label}${workers}`, formatFigure(metric, value)]
    if (base) {
      const baseValue = read(base)
      const grown = change(value, baseValue)
      cells.push(baseValue === undefined ? '' : formatFigure(metric, baseValue), grown === undefined ? '' : formatChange(grown))
    }
    return [`| ${cells.join(' | ')} |`]
  })
  return [...header, ...rows].join('\n')
}

/** One or two sentences when the workers may not fit, else undefined. */
export function fitWarning(fit: FitCheck | undefined): string | undefined {
  if (!fit?.warn) return undefined
  const percent = Math.round(fit.share * 100)
  const estimate =
    fit.basis === 'rss'
      ? `${fit.workers} workers × the largest worker + the master come to ${megabytes(fit.projectedBytes)} MB`
      : `${fit.workers} workers grown to the largest one come to ${megabytes(fit.projectedBytes)} MB`
  const fitting = fit.workersFit === 0 ? 'not even one worker fits' : fit.workersFit === 1 ? '1 worker fits' : `${fit.workersFit} workers fit`
  const first = `${estimate}, ${percent}% of the \`memory\` limit ${fit.limitText} (${megabytes(fit.limitBytes)} MB): ${fitting} within 80%.`
  const preload = fit.preload.helps
    ? ` \`preload_app = True\` would help: ${fit.preload.reason}`
    : ` \`preload_app = True\` would not help: ${fit.preload.reason}`
  return first + preload
}

export function fitAnnotation(fit: FitCheck | undefined): Annotation | undefined {
  const message = fitWarning(fit)
  return message ? { level: 'warning', title: 'The workers may not fit the memory limit', message } : undefined
}

/** "worker memory grew 435% over the base (limit 25%)"; joined for the run's failure summary. */
export function describeRegressions(regressions: Regression[]): string {
  return regressions
    .map(
      (r) =>
        `${LABELS[r.metric]} grew ${formatChange(r.change)} over the base, ` +
        `${formatFigure(r.metric, r.base)} → ${formatFigure(r.metric, r.head)} (limit +${Math.round(r.limit * 100)}%)`
    )
    .join('; ')
}

/** The comment's profile line: the comparison when there is one, else this commit's figures and the note. */
export function comparisonLine(profile: BootProfile, comparison?: BaseComparison): string {
  const line = profileLine(profile, comparison?.profile)
  return comparison?.note ? `${line}. ${comparison.note}` : line
}

/** The action's outputs: `worker-memory-mb`, `memory-mb`, `image-size-mb` ('' when not measured). */
export function profileOutputs(profile: BootProfile | undefined): Record<'worker-memory-mb' | 'memory-mb' | 'image-size-mb', string> {
  const mb = (bytes: number | undefined): string => (bytes === undefined ? '' : String(megabytes(bytes)))
  return {
    'worker-memory-mb': mb(profile?.largestWorkerRssBytes),
    'memory-mb': mb(profile?.containerMemoryBytes),
    'image-size-mb': mb(profile?.imageSizeBytes)
  }
}
