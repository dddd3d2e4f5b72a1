// `SyntaxError: future feature annotations is not defined`: a module uses a `from __future__ import` the running
// Python does not know, so it was written for a newer Python. Read in any line, whatever frames it (a viewer that
// truncates long words to `annotatio*` included); the module is the traceback's package or the import that reached it.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

export interface FutureFeature {
  line: LogLine
  feature: string
  /** The package whose file holds the import, or the module the previous frame imported. */
  module?: string
  /** The first Python that has the feature, when known. */
  since?: string
}

const FUTURE_FEATURE = /future feature ([\w*]+) is not defined/
const SINCE: Record<string, string> = { annotations: '3.7', generator_stop: '3.5', barry_as_FLUFL: '3.1' }
const PACKAGE_FILE = /(?:site|dist)-packages\/([A-Za-z_]\w*)/
const IMPORT = /^\s*(?:import|from)\s+([A-Za-z_][\w.]*)/

/** The module the failing import was for: a package path in the frames above, else the nearest `import x` line. */
function failingModule(lines: readonly LogLine[], at: number): string | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
    const text = stripLinePrefixes(lines[i].text)
    const pkg = /File "/.test(text) ? PACKAGE_FILE.exec(text)?.[1] : undefined
    if (pkg) return pkg
    const imported = IMPORT.exec(text)?.[1]
    if (imported && !imported.startsWith('__future_')) return imported.split('.')[0]
  }
  return undefined
}

export function futureFeature(rc: RuleContext): FutureFeature | undefined {
  const { lines } = rc.ctx
  const at = lines.findIndex((line) => line.text.includes('future feature') && FUTURE_FEATURE.test(line.text))
  if (at === -1) return undefined
  const written = FUTURE_FEATURE.exec(lines[at].text)![1]
  // A viewer that cut the word (`annotatio*`): the feature it begins.
  const feature = written.endsWith('*') ? (Object.keys(SINCE).find((name) => name.startsWith(written.slice(0, -1))) ?? written) : written
  return { line: lines[at], feature, module: failingModule(lines, at), since: SINCE[feature] }
}
