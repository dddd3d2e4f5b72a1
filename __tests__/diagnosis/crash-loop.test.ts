// The crash loop's clue when the app's print (stdout) reaches the log after the exit line (stderr) it explains.
import { diagnose } from '../../src/diagnosis/index.js'
import type { LogLine } from '../../src/core/model.js'
import { SUITES, captured } from '../gunicorn/captured-logs.js'
import { contextFor } from './context-helper.js'

const CLUE = /^price refresh failed/

/** The captured log with each app print moved after the next Gunicorn line, `ms` later, as docker logs may deliver it. */
function printsArrivingLate(lines: LogLine[], ms: number): LogLine[] {
  const texts = lines.map((line) => ({ ...line, stream: CLUE.test(line.text) ? ('stdout' as const) : ('stderr' as const) }))
  for (let i = texts.length - 2; i >= 0; i--) {
    if (CLUE.test(texts[i].text)) [texts[i], texts[i + 1]] = [texts[i + 1], texts[i]]
  }
  const start = 1_800_000_000_000
  return texts.map((line, seq) => ({ ...line, seq, at: start + seq * 1500 + (CLUE.test(line.text) ? ms - 1500 : 0) }))
}

describe.each(SUITES)('crash loop on %s', (suite) => {
  it.each([
    ['in order', 0],
    ['3 ms after the exit line, on the other stream', 3]
  ])('names what the app printed when it arrived %s', (_when, ms) => {
    const lines = ms === 0 ? captured(suite, 'crash-loop').lines : printsArrivingLate(captured(suite, 'crash-loop').lines, ms)
    const d = diagnose(contextFor(lines, { outcome: 'unstable', health: { ok: true, status: 200, attempts: 1 } }))
    expect(d.reason).toBe('crash-loop')
    expect(d.summary).toContain('the app printed `price refresh failed')
  })
})
