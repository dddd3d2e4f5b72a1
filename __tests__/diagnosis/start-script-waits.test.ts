// A start script that waits for its database before it starts Gunicorn, and the database never answers: captured on
// forky (scripts/capture-start-waits.sh: Debian's wait-for-it in strict mode, pg_isready in a loop of the script's own).
import { byHandLog, contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'

const exited = { container: { running: false, exitCode: 1 } }

describe("a start script's wait for its database that never ends", () => {
  it("wait-for-it's timeout names the address and the seconds", () => {
    const diagnosis = diagnose(contextFor(byHandLog('wait-for-it-timeout'), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toBe(
      'Gunicorn never started: the start script waits for `db:5432`, which never answered (`wait-for-it` gave up after 3 s).'
    )
    expect(diagnosis.remedy).toContain('joined with the `network` input')
  })

  it("pg_isready's answers in the script's loop, and the loop's own words", () => {
    const diagnosis = diagnose(contextFor(byHandLog('pg-isready-loop'), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toBe(
      'Gunicorn never started: the start script waits for `db:5432`, which never answered (`pg_isready` said so 4 times).'
    )
  })

  it("the loop's words alone, in a compose prefix", () => {
    const lines = linesOf(['Waiting for postgres...', 'Waiting for postgres...', 'Waiting for postgres...'].map((line) => `web-1  | ${line}`))
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toContain('the start script waits for `postgres`, which never answered (it said so 3 times)')
  })

  it("dockerize's timeout", () => {
    const lines = linesOf([
      '2025/06/01 10:00:00 Waiting for: tcp://db:5432',
      '2025/06/01 10:00:30 Timeout after 30s waiting on dependencies to become available: [tcp://db:5432]'
    ])
    expect(diagnose(contextFor(lines, exited)).summary).toContain('waits for `db:5432`, which never answered (`dockerize` gave up after 30 s)')
  })

  it('a wait that ended before Gunicorn started is not the failure', () => {
    const lines = linesOf([
      'wait-for-it: waiting 3 seconds for db:5432',
      'wait-for-it: timeout occurred after waiting 3 seconds for db:5432',
      '[2025-06-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 23.0.0',
      "Error: class uri 'gevent' invalid or not found: "
    ])
    expect(diagnose(contextFor(lines, exited)).reason).not.toBe('database-unreachable')
  })

  it('twice is not a loop', () => {
    const diagnosis = diagnose(contextFor(linesOf(['Waiting for postgres...', 'Waiting for postgres...']), exited))
    expect(diagnosis.reason).not.toBe('database-unreachable')
  })
})
