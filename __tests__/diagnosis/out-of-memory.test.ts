// The worker count the out-of-memory diagnosis names: the image command's `--workers 3`, even when a worker was
// killed before the first burst of boots was over (the tracker then infers fewer).
import { SUITES, captured } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose } from './context-helper.js'

describe.each(SUITES)('out of memory on %s', (suite) => {
  it('names the configured worker count, not the one inferred from an interrupted burst', () => {
    const run = captured(suite, 'out-of-memory')
    const boots = run.lines.filter((line) => line.text.includes('Booting worker'))
    // The third worker of the burst was killed before it logged its boot.
    const lines = run.lines.filter((line) => line !== boots[2])
    const d = diagnose(contextFor(lines, { fixture: run.meta.fixture, outcome: 'gave-up', container: { running: true, memoryLimit: '128m' } }))
    expect(d.reason).toBe('out-of-memory')
    expect(d.summary).toMatch(/the container ran out of memory \(limit 128m\) with 3 workers\.$/)
  })
})
