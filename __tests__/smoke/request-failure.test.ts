// An exception on every request decides the run at the second identical failure, whatever the exception; one raised
// while the app loads is not a request failure.
import { parseGunicornLog } from '../../src/gunicorn/log-parser.js'
import { duringRequest, repeatedRequestFailure } from '../../src/diagnosis/rules/request.js'
import { knownWrongAnswer } from '../../src/smoke/wrong-answer.js'
import type { LogLine } from '../../src/core/model.js'

const log = (text: string): LogLine[] => text.split('\n').map((t, seq) => ({ seq, stream: 'stderr', text: t, at: seq }))

const REQUEST = `[2026-12-06 22:57:11 +0000] [8] [ERROR] Error handling request /
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/gunicorn/workers/sync.py", line 136, in handle
    self.handle_request(listener, req, client, addr)
  File "/usr/lib/python3/dist-packages/gunicorn/workers/sync.py", line 179, in handle_request
    respiter = self.wsgi(environ, resp.start_response)
  File "/app/wsgi.py", line 11, in application
    with psycopg2.connect(DSN, connect_timeout=2) as conn:
psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known`

const AT_IMPORT = `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/gunicorn/arbiter.py", line 589, in spawn_worker
    worker.init_process()
  File "/app/wsgi.py", line 5, in <module>
    conn = psycopg2.connect(DSN)
psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known`

const answer = { status: 500, body: 'Internal Server Error' } as Parameters<typeof knownWrongAnswer>[0]

describe('a request that raises every time', () => {
  it("tells a request's traceback from one raised while loading", () => {
    const [request] = parseGunicornLog(log(REQUEST)).filter((e) => e.kind === 'traceback')
    const [load] = parseGunicornLog(log(AT_IMPORT)).filter((e) => e.kind === 'traceback')
    expect(duringRequest(request as never)).toBe(true)
    expect(duringRequest(load as never)).toBe(false)
  })

  it('decides at the second identical failure, not at the first', () => {
    const once = parseGunicornLog(log(REQUEST))
    const twice = parseGunicornLog(log(`${REQUEST}\n${REQUEST}`))
    expect(knownWrongAnswer(answer, 2, once)).toBe(false)
    expect(knownWrongAnswer(answer, 1, twice)).toBe(false)
    expect(knownWrongAnswer(answer, 2, twice)).toBe(true)
    expect(repeatedRequestFailure(twice)).toBe('psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known')
  })

  it('does not decide on two different exceptions, nor on a 4xx, nor on failures while loading', () => {
    const other = REQUEST.replace(/psycopg2\.OperationalError: .*$/, "KeyError: 'REGION'")
    expect(knownWrongAnswer(answer, 2, parseGunicornLog(log(`${REQUEST}\n${other}`)))).toBe(false)
    expect(knownWrongAnswer({ ...answer, status: 404 }, 2, parseGunicornLog(log(`${REQUEST}\n${REQUEST}`)))).toBe(false)
    expect(knownWrongAnswer(answer, 2, parseGunicornLog(log(`${AT_IMPORT}\n${AT_IMPORT}`)))).toBe(false)
  })
})
