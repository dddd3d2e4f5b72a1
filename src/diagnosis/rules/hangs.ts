// A worker that never finished booting, explained by the stack the run asked it for (SIGSEGV makes
// faulthandler print every thread): the line in the user's code it waits on, and what that line does.
import { crashedThread, type FaultFrame } from '../../gunicorn/faulthandler.js'
import { faultUserFrame, type FaultUserFrame } from './locate.js'
import { code, fileLine, present, type DiagnosisRule } from './rule.js'

type Waiting = 'network' | 'sleep' | 'lock' | 'computation'

const NETWORK_FILES =
  /\/(socket|ssl|selectors)\.py$|\/http\/client\.py$|\/(urllib3|requests|httpx|psycopg2?|psycopg|redis|pymongo|pika|kombu|amqp|grpc|botocore|asyncpg|pymysql|MySQLdb|sqlalchemy)\//
const NETWORK_FUNCS =
  /^(create_connection|connect|connect_ex|_connect|getaddrinfo|recv|recv_into|recvfrom|read|readline|sendall|do_handshake|select|poll|wait_for_connection)$/
const LOCK_FILES = /\/(threading|queue|multiprocessing\/[\w/]+|concurrent\/futures\/[\w]+|asyncio\/[\w]+)\.py$/
const LOCK_FUNCS = /^(acquire|wait|join|get|result|_wait_for_tstate_lock|run_until_complete)$/

export const workerHang: DiagnosisRule = {
  reason: 'worker-hang',
  explain(rc) {
    const request = rc.ctx.stackRequest
    if (!request) return undefined
    const dump = rc.ofKind('fatal-error').find((d) => d.lines[0].seq > request.afterSeq)
    const frames = dump ? (crashedThread(dump)?.frames ?? []) : []
    const seconds = Math.round(request.stuckForMs / 1000)
    const bootLine = rc.ofKind('worker-boot').find((e) => e.pid === request.pid)?.lines[0].text
    if (!dump || frames.length === 0) {
      return {
        reason: 'worker-hang',
        summary: `Worker ${request.pid} never finished booting (stuck for ${seconds} s) and printed no stack when asked (faulthandler off, or the worker blocks signals).`,
        evidence: present(bootLine, ...rc.ctx.lines.slice(-2).map((l) => l.text)),
        remedy: `Find what the app does at import that can wait (a connection, a lock, a sleep); with the ${code('faulthandler')} input on (the default) and a Python app, the next run names the line.`
      }
    }
    // A worker serving its loop (not in Gunicorn's app loading) was not stuck booting: leave it to the other rules.
    if (!frames.some((f) => /^(load_wsgi|load_wsgiapp|import_app|load)$/.test(f.func))) return undefined
    const user = faultUserFrame(rc, frames)
    const waiting = whatItWaitsOn(frames, user)
    const where = user ? `${code(fileLine(user.location))}${user.code ? ` (${code(user.code)})` : ''}` : code(`${frames[0].file}:${frames[0].line}`)
    const verb = user?.frame.func === '<module>' || frames.some((f) => f.func === '<module>' && !f.file.startsWith('<')) ? 'importing' : 'booting at'
    return {
      reason: 'worker-hang',
      summary: `The worker is stuck ${verb} ${where} after ${seconds} s${waiting === 'network' ? `, waiting on a network connection (${code(frames[0].func)})` : ''}: it never finished booting, so nothing could answer.`,
      evidence: present(bootLine, dump.lines.find((l) => /thread 0x/i.test(l.text))?.text, ...stackLines(frames, user)),
      location: user?.location,
      remedy: REMEDIES[waiting]
    }
  }
}

const REMEDIES: Record<Waiting, string> = {
  network:
    'The app connects to a service at import and the service never answers in CI: a service the CI run lacks (start it as a job service and pass `network`, or point the URL at it), or one that drops connections. Connect lazily at the first request, and give the connection a timeout so a missing service fails fast with an error.',
  sleep:
    'The app sleeps at import. Move the wait out of the import (a readiness check at the first request, or a background thread), or make it bounded and short.',
  lock: 'The app waits at import on a lock, a thread, a queue or a future that nothing releases in the worker (often started before the fork, or a `preload_app` leftover). Start that work after the fork (`post_fork`) or at the first request.',
  computation:
    'The app is still computing at import. Move the work out of the import (build it ahead, cache it, or do it lazily), or raise Gunicorn’s `timeout` and the `timeout` input so the boot may take that long.'
}

/** What the innermost frames show the worker doing. */
function whatItWaitsOn(frames: readonly FaultFrame[], user: FaultUserFrame | undefined): Waiting {
  const inner = frames.slice(0, user ? Math.max(1, frames.indexOf(user.frame)) : 3)
  if (inner.some((f) => NETWORK_FILES.test(f.file) || (f.file.endsWith('socket.py') && NETWORK_FUNCS.test(f.func)))) return 'network'
  if (user?.code && /\b(connect|create_connection|urlopen|getaddrinfo)\s*\(/.test(user.code)) return 'network'
  if (user?.code && /\bsleep\s*\(/.test(user.code) && frames[0] === user.frame) return 'sleep'
  if (inner.some((f) => LOCK_FILES.test(f.file) && LOCK_FUNCS.test(f.func))) return 'lock'
  if (user?.code && /\.(acquire|join|wait)\s*\(/.test(user.code)) return 'lock'
  return 'computation'
}

/** The frames worth quoting: from the innermost down to the user's frame (at most four). */
function stackLines(frames: readonly FaultFrame[], user: FaultUserFrame | undefined): string[] {
  const end = user ? frames.indexOf(user.frame) + 1 : 1
  const shown = frames.slice(0, Math.min(end, 4))
  if (user && !shown.includes(user.frame)) shown.push(user.frame)
  return shown.map((f) => `  File "${f.file}", line ${f.line} in ${f.func}`)
}
