// Services reached through asyncio (asyncpg, aiohttp, redis.asyncio: `Connect call failed ('host', port)`, captured on
// forky), message brokers whose clients raise without a message, and uvicorn's own words when it loads the app itself.
import { byHandLog, contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'

const exited = { container: { running: false, exitCode: 3 } }
const raisedAtImport = (exceptionLine: string) =>
  linesOf([
    '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    '  File "/app/db.py", line 8, in <module>',
    '    connection = loop.run_until_complete(connect(DSN))',
    exceptionLine
  ])

describe("asyncio's connect that failed", () => {
  it('captured: the port names the service, the loopback address the cause', () => {
    const diagnosis = diagnose(contextFor(byHandLog('asyncio-connect-refused'), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toBe(
      'The app connects to PostgreSQL at `127.0.0.1` port 5432 while it loads (`async_db.py:3`), and nothing listens there: inside the container `127.0.0.1` is the container itself.'
    )
  })

  it.each([
    [
      "OSError: Multiple exceptions: [Errno 111] Connect call failed ('127.0.0.1', 6379), [Errno 99] Cannot assign requested address",
      'Redis at `127.0.0.1` port 6379'
    ],
    ["OSError: [Errno 113] Connect call failed ('10.0.0.5', 3306)", 'MySQL at `10.0.0.5` port 3306']
  ])('%s', (exceptionLine, named) => {
    const diagnosis = diagnose(contextFor(raisedAtImport(exceptionLine), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toContain(named)
  })
})

describe('message brokers and an unnamed host', () => {
  it.each(['pika.exceptions.AMQPConnectionError', 'kafka.errors.NoBrokersAvailable: NoBrokersAvailable'])('%s is the broker', (exceptionLine) => {
    const diagnosis = diagnose(contextFor(raisedAtImport(exceptionLine), exited))
    expect(diagnosis.reason).toBe('database-unreachable')
    expect(diagnosis.summary).toBe('The app connects to the message broker while it loads (`db.py:8`), and the connection fails.')
  })

  it('a name lookup that names no host says so, not `?`', () => {
    const diagnosis = diagnose(contextFor(raisedAtImport('socket.gaierror: [Errno -2] Name or service not known'), exited))
    expect(diagnosis.summary).toBe(
      'The app connects to the database while it loads (`db.py:8`), and the host name it uses does not resolve inside the container.'
    )
  })
})

describe('uvicorn loading the app itself', () => {
  it('a module it cannot import is the app module, not a package to add', () => {
    const diagnosis = diagnose(
      contextFor(linesOf(['INFO:     Will watch for changes', 'ERROR:    Error loading ASGI app. Could not import module "main".']), exited)
    )
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toMatch(/^uvicorn cannot import the app module `main` it was told to load/)
  })

  it('an attribute not in the module is app-not-found', () => {
    const lines = linesOf(['ERROR:    Error loading ASGI app. Attribute "application" not found in module "api.main".'])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('app-not-found')
    expect(diagnosis.summary).toBe('uvicorn imported module `api.main` but found no `application` in it.')
  })
})
