// `regression-limit`: how much each figure may grow over the base commit before the run fails, e.g.
// `worker-memory=25%,boot-time=50%`. Off by default; only meaningful with `compare: base`.
import type { BootProfile, Regression, RegressionLimits, RegressionMetric } from './figures.js'

export const REGRESSION_METRICS: readonly RegressionMetric[] = ['worker-memory', 'memory', 'image-size', 'boot-time']
const ENTRY = /^([a-z-]+)\s*=\s*(\d+(?:\.\d+)?)\s*%$/

/** Parses the input; `fail` makes the caller's error (an InputError) from one sentence naming the input. */
export function parseRegressionLimits(text: string, fail: (message: string) => Error): RegressionLimits {
  const limits: RegressionLimits = {}
  const trimmed = text.trim()
  if (!trimmed) return limits
  for (const part of trimmed.split(',')) {
    const match = ENTRY.exec(part.trim())
    if (!match) {
      throw fail(
        `The input 'regression-limit' must be comma-separated limits such as 'worker-memory=25%,boot-time=50%', got '${part.trim().replace(/\r?\n/g, '\\n')}'.`
      )
    }
    const metric = match[1] as RegressionMetric
    if (!REGRESSION_METRICS.includes(metric)) {
      throw fail(`The input 'regression-limit' names '${match[1]}', which is not one of ${REGRESSION_METRICS.map((m) => `'${m}'`).join(', ')}.`)
    }
    if (metric in limits) throw fail(`The input 'regression-limit' gives '${metric}' twice.`)
    limits[metric] = Number(match[2]) / 100
  }
  return limits
}

export function figure(profile: BootProfile, metric: RegressionMetric): number | undefined {
  switch (metric) {
    case 'worker-memory':
      return profile.largestWorkerRssBytes
    case 'memory':
      return profile.containerMemoryBytes
    case 'image-size':
      return profile.imageSizeBytes
    case 'boot-time':
      return profile.healthyMs
  }
}

/** Relative change of a figure, or undefined when either side is missing (or the base is zero). */
export function change(head: number | undefined, base: number | undefined): number | undefined {
  return head === undefined || base === undefined || base <= 0 ? undefined : (head - base) / base
}

/** The figures that grew beyond their limit, in the order of REGRESSION_METRICS. */
export function regressionsBeyond(head: BootProfile, base: BootProfile, limits: RegressionLimits): Regression[] {
  const found: Regression[] = []
  for (const metric of REGRESSION_METRICS) {
    const limit = limits[metric]
    const headValue = figure(head, metric)
    const baseValue = figure(base, metric)
    const grown = change(headValue, baseValue)
    if (limit !== undefined && grown !== undefined && grown > limit) found.push({ metric, head: headValue!, base: baseValue!, change: grown, limit })
  }
  return found
}
