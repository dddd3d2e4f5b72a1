// `loglevel = "warning"` (a common production setting) hides Gunicorn's INFO lines: `Starting gunicorn`, `Booting
// worker`, `Worker exiting`, `Shutting down: Master`. The cause must still be read from what is left. Captured on the
// three bases by scripts/capture-logs.sh (quiet-log-level: a worker refusing an unset variable and exiting with code 1;
// quiet-log-level-import: a module missing at the same level).
import { BootTracker } from '../../src/gunicorn/boot-tracker.js'
import { SUITES, captured, linesOf } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'

describe.each(SUITES)('at loglevel warning, on %s', (suite) => {
  it.each(['gave-up', 'boot-timeout'] as const)('a worker refusing an unset variable is missing-env naming it (outcome %s)', (outcome) => {
    const run = captured(suite, 'quiet-log-level')
    expect(run.lines.some((line) => /Starting gunicorn|Booting worker|Worker exiting/.test(line.text))).toBe(false)
    const diagnosis = diagnose(fromCapture(suite, 'quiet-log-level', {}, outcome))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('`DEPLOY_REGION`')
  })

  it("the tracker gives up on the master's exit lines alone; 20.1 logs none for code 1, and the refusal still names the cause", () => {
    const tracker = new BootTracker()
    const gaveUp = captured(suite, 'quiet-log-level')
      .lines.map((line) => tracker.push(line).gaveUp)
      .find(Boolean)
    if (suite === 'bookworm') expect(gaveUp).toBeUndefined()
    else expect(gaveUp?.why).toMatch(/^workers keep dying \(\d+ exited or were killed\)$/)
  })

  it('a module missing at boot is missing-dependency naming it, without `Reason: Worker failed to boot.` in the log', () => {
    const diagnosis = diagnose(fromCapture(suite, 'quiet-log-level-import'))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('`stripe`')
  })
})

it('timeouts of workers never seen booting, after kills of lower pids, are the kills of a timeout cycle (a public log at warning level)', () => {
  // A public log's lines (the corpus's 110, a Markdown quote) with its INFO lines left out, as loglevel warning prints it.
  const lines = linesOf([
    '> [2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5099 was terminated due to signal 9',
    '> [2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5101 was terminated due to signal 9',
    '> [2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5100 was terminated due to signal 9',
    '> [2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:5294)',
    '> [2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:5295)',
    '> [2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:5296)'
  ])
  expect(diagnose(contextFor(lines, { outcome: 'gave-up', container: { running: true } })).reason).toBe('worker-timeout')
  // Timeouts of the killed pids themselves, or of lower ones, are not a replacement's: the kills stay unexplained.
  const older = linesOf([
    '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5099 was terminated due to signal 9',
    '[2022-07-06 10:16:01 +0000] [1] [WARNING] Worker with pid 5101 was terminated due to signal 9',
    '[2022-07-06 10:16:31 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:4001)'
  ])
  expect(diagnose(contextFor(older, { outcome: 'gave-up', container: { running: true } })).reason).toBe('out-of-memory')
})
