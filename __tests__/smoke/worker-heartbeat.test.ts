// Which worker has finished booting, from the heartbeat files every Gunicorn process holds open, and which binds
// the probe cannot reach.
import { parseHeartbeatFiles, workerEnteredLoop } from '../../src/smoke/worker-heartbeat.js'
import { unreachableBinds } from '../../src/smoke/binds.js'
import { LogWatch } from '../../src/smoke/log-watch.js'

// Listed inside a bookworm container (Gunicorn 20.1): master 7, worker 9 importing (mode 600), worker 10 serving.
const TWENTY_ONE = `7 101 600 1796597089
7 102 0 1796597089
9 101 600 1796597089
10 101 600 1796597089
10 102 0 1796597089`

describe('workerEnteredLoop', () => {
  const files = parseHeartbeatFiles(TWENTY_ONE)

  it('reads pid, inode, octal mode and mtime', () => {
    expect(files[1]).toEqual({ pid: 7, inode: 102, mode: 0, mtimeSec: 1796597089 })
  })

  it("judges each worker by its own file, not by an older worker's file it inherited", () => {
    expect(workerEnteredLoop(files, 9, 7)).toBe(false)
    expect(workerEnteredLoop(files, 10, 7)).toBe(true)
  })

  it('takes the oldest holder as the master when the log did not name it', () => {
    expect(workerEnteredLoop(files, 10)).toBe(true)
  })

  it("reads 21+'s monotonic mtime as touched, and a creation time as not", () => {
    const listed = parseHeartbeatFiles('8 5 600 3406\n9 6 600 1796597100\n1 5 600 3406\n1 6 600 1796597100')
    expect(workerEnteredLoop(listed, 8, 1)).toBe(true)
    expect(workerEnteredLoop(listed, 9, 1)).toBe(false)
  })

  it('does not know about a worker whose file is not listed', () => {
    expect(workerEnteredLoop(files, 42, 7)).toBeUndefined()
  })
})

describe('unreachableBinds', () => {
  it.each([
    [['http://0.0.0.0:8088'], true],
    [['http://127.0.0.1:8000'], true],
    [['unix:/run/gunicorn.sock'], true],
    [['http://0.0.0.0:8000'], false],
    [['unix:/run/gunicorn.sock', 'http://[::]:8000'], false],
    [[], false]
  ])('%j on port 8000 → %s', (binds, expected) => {
    expect(unreachableBinds(binds, 8000)).toBe(expected)
  })
})

describe('LogWatch: Listening at another port', () => {
  const listening = (port: number) => `[2026-12-06 22:00:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:${port} (1)`

  it('decides boot-timeout once the grace passed without an answer, and cancels the probes', async () => {
    const watch = new LogWatch(Date.now, undefined, { probedPort: 8000 })
    watch.push('stderr', listening(8088))
    expect(await watch.decided()).toBeUndefined()
    await watch.decisionBy(Date.now() + 10_000)
    expect(watch.cancellation.aborted).toBe(true)
    expect(await watch.decided()).toBe('boot-timeout')
    watch.dispose()
  })

  it('leaves the run undecided when the probed port answered (a proxy in front of Gunicorn)', async () => {
    const watch = new LogWatch(Date.now, undefined, { probedPort: 8000 })
    watch.push('stderr', listening(8088))
    watch.answered()
    expect(await watch.decisionBy(Date.now() + 2600)).toBeUndefined()
    expect(watch.cancellation.aborted).toBe(false)
    watch.dispose()
  })

  it('does nothing for a bind on the probed port', async () => {
    const watch = new LogWatch(Date.now, undefined, { probedPort: 8000 })
    watch.push('stderr', listening(8000))
    expect(await watch.decisionBy(Date.now() + 2300)).toBeUndefined()
    watch.dispose()
  })
})
