// The `compare` and `regression-limit` inputs, validated with the rest of the inputs before Docker is touched.
import { parseRegressionLimits } from './limits.js'
import type { RegressionLimits } from './figures.js'

export type CompareMode = 'none' | 'base'

export function parseComparisonInputs(
  get: (name: string) => string,
  image: string | undefined,
  fail: (message: string) => Error
): { compare: CompareMode; regressionLimits: RegressionLimits } {
  const text = get('compare') || 'none'
  const compare = text.toLowerCase()
  if (compare !== 'none' && compare !== 'base')
    throw fail(`The input 'compare' must be one of 'none', 'base', got '${text.replace(/\r?\n/g, '\\n')}'.`)
  if (compare === 'base' && image) {
    throw fail(`The input 'compare' cannot be 'base' together with 'image': the base commit has to be built from its Dockerfile.`)
  }
  const regressionLimits = parseRegressionLimits(get('regression-limit'), fail)
  if (Object.keys(regressionLimits).length > 0 && compare !== 'base') {
    throw fail(`The input 'regression-limit' needs 'compare: base' (it limits the growth over the base commit).`)
  }
  return { compare, regressionLimits }
}
