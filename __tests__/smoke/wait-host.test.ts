// A start script that waits for a host name that does not resolve: the lines that say so, and the early decision.
import { unresolvedHost, waitedForHost } from '../../src/diagnosis/rules/wait-host.js'
import { LogWatch } from '../../src/smoke/log-watch.js'
import type { LogLine } from '../../src/core/model.js'

const PG = 'database not ready: could not translate host name "db" to address: Name or service not known'
const NC = 'nc: getaddrinfo for host "db" port 5432: Name or service not known'

describe('unresolvedHost', () => {
  it.each([
    [PG, 'db'],
    [NC, 'db'],
    ['nc: postgres: forward host lookup failed: Unknown host', 'postgres'],
    ['ping: redis: Temporary failure in name resolution', 'redis'],
    ['[2026-12-06 22:57:04 +0000] [1] [INFO] Starting gunicorn 20.1.0', undefined]
  ])('%s → %s', (text, host) => {
    expect(unresolvedHost(text)).toBe(host)
  })
})

describe('waitedForHost', () => {
  const lines = (texts: string[]): LogLine[] => texts.map((text, seq) => ({ seq, stream: 'stdout', text, at: seq }))

  it('needs the same host three times before Gunicorn starts', () => {
    expect(waitedForHost(lines([PG, PG]))).toBeUndefined()
    expect(waitedForHost(lines([PG, NC, PG]))).toMatchObject({ host: 'db', times: 3 })
    expect(waitedForHost(lines([PG, '[2026-12-06 22:57:04 +0000] [1] [INFO] Starting gunicorn 20.1.0', PG, PG]))).toBeUndefined()
  })
})

describe('LogWatch: a start script waiting for a host', () => {
  it('decides boot-timeout at the third failure to resolve before Gunicorn starts', async () => {
    const watch = new LogWatch(Date.now)
    watch.push('stdout', PG)
    watch.push('stdout', PG)
    expect(watch.cancellation.aborted).toBe(false)
    watch.push('stdout', PG)
    expect(watch.cancellation.aborted).toBe(true)
    expect(watch.waitingForHost).toBe('db')
    expect(await watch.decided()).toBe('boot-timeout')
  })

  it('ignores such lines once Gunicorn has started (a request that fails is another story)', async () => {
    const watch = new LogWatch(Date.now)
    watch.push('stderr', '[2026-12-06 22:57:04 +0000] [1] [INFO] Starting gunicorn 20.1.0')
    for (let i = 0; i < 4; i++) watch.push('stdout', PG)
    expect(watch.cancellation.aborted).toBe(false)
    expect(await watch.decided()).toBeUndefined()
  })
})
