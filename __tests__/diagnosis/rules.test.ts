// Every rule, run alone, answers only with the reason it declares: over every captured log, under every outcome
// the pipeline can report, with the health and WebSocket results that go with them. (diagnose.test.ts and
// services.test.ts check the same on each of their cases through the helper's `diagnose`.)
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { DiagnosisContext, FailedOutcome } from '../../src/diagnosis/index.js'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import type { HealthResult, LogLine, WebSocketResult } from '../../src/core/model.js'
import { SUITES, captured, scenarios } from '../gunicorn/captured-logs.js'
import { REPO, contextFor, findingsOfEachRule } from './context-helper.js'

const OUTCOMES: FailedOutcome[] = ['gave-up', 'container-exited', 'boot-timeout', 'health-failed', 'websocket-failed', 'unstable']
const HEALTH: (HealthResult | undefined)[] = [
  undefined,
  { ok: false, status: 503, bodyExcerpt: '{"db":"down"}', attempts: 4 },
  { ok: false, error: 'ECONNREFUSED', attempts: 9 },
  { ok: true, status: 200, attempts: 1, firstHealthyAt: 0 }
]
const WEBSOCKET: WebSocketResult = { ok: false, protocol: 'websocket', path: '/ws', detail: 'upgrade answered 400', status: 400, durationMs: 5 }

interface Run {
  name: string
  lines: LogLine[]
  base: Partial<DiagnosisContext> & { fixture?: string }
}

const capturedRuns: Run[] = SUITES.flatMap((suite) =>
  scenarios(suite).map((scenario) => {
    const run = captured(suite, scenario)
    return {
      name: `${suite}/${scenario}`,
      lines: run.lines,
      base: {
        fixture: run.meta.fixture,
        container: { running: run.meta.running, exitCode: run.meta.exitCode ?? undefined, oomKilled: run.meta.oomKilled, memoryLimit: '128m' }
      }
    }
  })
)

// Logs copied from public threads, when the corpus is in the tree: every *.log below __fixtures__/corpus.
const CORPUS = path.join(REPO, '__fixtures__/corpus')
const corpusRuns: Run[] = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.log'))
      .map((file) => ({ name: `corpus/${file}`, lines: toLogLines(readFileSync(path.join(CORPUS, file), 'utf8')), base: {} }))
  : []

describe.each([...capturedRuns, ...corpusRuns].map((run) => [run.name, run] as const))('every rule alone over %s', (_name, run) => {
  it.each(OUTCOMES)('outcome %s: each rule finds nothing or a finding its reason words', (outcome) => {
    for (const health of HEALTH) {
      const ctx = contextFor(run.lines, { ...run.base, outcome, health, websocket: outcome === 'websocket-failed' ? WEBSOCKET : undefined })
      // findingsOfEachRule asserts the words of every finding; the unknown reason's last rule always finds.
      expect(findingsOfEachRule(ctx).map((f) => f.reason)).toContain('unknown')
    }
  })
})

it('the captured logs make rules answer (the check above is not vacuous)', () => {
  const answered = new Set(capturedRuns.flatMap((run) => findingsOfEachRule(contextFor(run.lines, run.base)).map((r) => r.reason)))
  expect(answered.size).toBeGreaterThanOrEqual(10)
})
