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

/** Lets every settled promise run its callbacks. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const BOOTED = '[2026-11-27 04:49:50 +0000] [7] [INFO] Booting worker with pid: 7'

describe('several waiters at once', () => {
  it('wakes every waiter on one line worth a look, not only the last to wait', async () => {
    const watch = new LogWatch(Date.now)
    const woke: string[] = []
    void watch.waitFor(60_000).then(() => woke.push('health'))
    void watch.waitFor(60_000).then(() => woke.push('websocket'))
    await settle()
    expect(woke).toEqual([])
    watch.push('stderr', BOOTED)
    await settle()
    expect(woke).toEqual(['health', 'websocket'])
  })

  it("a pacer's next pause ends at once for news that came while its loop was busy; a new wait does not", async () => {
    const watch = new LogWatch(Date.now)
    const pause = watch.pacer()
    watch.push('stderr', BOOTED)
    let paused = false
    let waited = false
    void pause(60_000).then(() => (paused = true))
    const later = watch.waitFor(60_000).then(() => (waited = true))
    await settle()
    expect({ paused, waited }).toEqual({ paused: true, waited: false })
    watch.nudge()
    await later
  })
})

describe('the cancellation every probe gets', () => {
  it('fires when the container stops, saying so', () => {
    const watch = new LogWatch(Date.now)
    expect(watch.cancellation.aborted).toBe(false)
    watch.containerExited(3)
    expect(watch.cancellation.aborted).toBe(true)
    expect((watch.cancellation.reason as Error).message).toBe('the container stopped (exit code 3)')
  })

  it('fires at the first line that decides the run (a worker exiting), not at a worker booting', () => {
    const watch = new LogWatch(Date.now)
    watch.push('stderr', BOOTED)
    expect(watch.cancellation.aborted).toBe(false)
    watch.push('stderr', '[2026-11-27 04:49:53 +0000] [7] [INFO] Worker exiting (pid: 7)')
    expect((watch.cancellation.reason as Error).message).toBe('a worker exited')
  })

  it("fires with the job's own reason when the job is cancelled", () => {
    const job = new AbortController()
    const watch = new LogWatch(Date.now, job.signal)
    job.abort('cancelled by the user')
    expect(watch.cancellation.reason).toBe('cancelled by the user')
    watch.dispose()
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
