// LogWatch's wait for a bind that keeps failing: it ends with Gunicorn's verdict, or early once Gunicorn binds.
import type { Docker } from '../../src/docker/docker.js'
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

describe("reading a stopped container's log to its end", () => {
  /** A `docker logs --follow` that delivers `total` lines in bursts (forever without it) until it is stopped. */
  function follower(total = Infinity): { docker: Docker; stopped: () => boolean } {
    let stopped = false
    const docker = {
      followLogs: (_id: string, onLine: (stream: 'stdout' | 'stderr', text: string) => void, signal?: AbortSignal) =>
        new Promise<number>((resolve) => {
          let row = 0
          const burst = (): void => {
            if (signal?.aborted) {
              stopped = true
              resolve(130)
              return
            }
            for (let i = 0; i < 200 && row < total; i++) onLine('stderr', `noise ${String(row++).padStart(8, '0')}`)
            if (row >= total) resolve(0)
            else setImmediate(burst)
          }
          burst()
        }),
      wait: () => new Promise<number | undefined>(() => undefined)
    } as unknown as Docker
    return { docker, stopped: () => stopped }
  }

  it('reads every line when the log ends', async () => {
    const watch = new LogWatch(Date.now)
    const { docker } = follower(5000)
    await expect(watch.readToEnd(watch.follow(docker, 'c'))).resolves.toBe(true)
    expect(watch.buffer.totalLines).toBe(5000)
    expect(watch.cut).toBe(false)
  })

  it('stops following once the cap is read, and says the log was cut', async () => {
    const watch = new LogWatch(Date.now)
    const { docker, stopped } = follower()
    const done = watch.follow(docker, 'c')
    const before = watch.buffer.totalLines
    // Each line is 14 characters and its newline: 10,000 more characters are 666 lines.
    await expect(watch.readToEnd(done, 10_000)).resolves.toBe(false)
    expect(stopped()).toBe(true)
    expect(watch.cut).toBe(true)
    expect(watch.buffer.totalLines - before).toBe(666)
  })
})
