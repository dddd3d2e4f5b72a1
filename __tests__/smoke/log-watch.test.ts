// LogWatch's wait for a bind that keeps failing: it ends with Gunicorn's verdict, or early once Gunicorn binds.
import { LogWatch } from '../../src/smoke/log-watch.js'
import { capturedLog } from './smoke-run.js'

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n')

describe('waiting while the bind fails', () => {
  it("ends with Gunicorn's give-up when its retries run out (forky's captured log)", async () => {
    const watch = new LogWatch(Date.now)
    const [first, ...rest] = lines(capturedLog('forky', 'port-in-use'))
    watch.push('stderr', first)
    watch.push('stderr', rest[0])
    expect(watch.tracker.state().bindInUse).toBe(true)
    setTimeout(() => rest.slice(1).forEach((text) => watch.push('stderr', text)), 20)
    await expect(watch.decisionWhileBindFails(Date.now() + 10_000)).resolves.toBe('gave-up')
  })

  it('stops waiting, without a decision, once Gunicorn listens after a failed try', async () => {
    const watch = new LogWatch(Date.now)
    const log = lines(capturedLog('forky', 'port-in-use')).slice(0, 3)
    log.forEach((text) => watch.push('stderr', text))
    setTimeout(() => watch.push('stderr', '[2026-12-01 23:47:25 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)'), 20)
    const deadline = Date.now() + 10_000
    await expect(watch.decisionWhileBindFails(deadline)).resolves.toBeUndefined()
    expect(watch.tracker.state()).toMatchObject({ bindInUse: false, binds: ['0.0.0.0:8000'] })
    // Ended by the log, not by the deadline.
    expect(Date.now()).toBeLessThan(deadline)
  })
})
