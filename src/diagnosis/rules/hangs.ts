// A worker that never finished booting, read from the stack the run asked it for (SIGSEGV makes faulthandler
// print every thread): the dump that answered, the line in the user's code it waits on, and what that line does.
// The worker-hang reason words what these find.
import { crashedThread, type FatalErrorEvent, type FaultFrame } from '../../gunicorn/faulthandler.js'
import type { RuleContext, StackRequest } from '../context.js'
import type { FaultUserFrame } from './locate.js'

export type Waiting = 'network' | 'sleep' | 'lock' | 'computation'

const NETWORK_FILES =
  /\/(socket|ssl|selectors)\.py$|\/http\/client\.py$|\/(urllib3|requests|httpx|psycopg2?|psycopg|redis|pymongo|pika|kombu|amqp|grpc|botocore|asyncpg|pymysql|MySQLdb|sqlalchemy)\//
const NETWORK_FUNCS =
  /^(create_connection|connect|connect_ex|_connect|getaddrinfo|recv|recv_into|recvfrom|read|readline|sendall|do_handshake|select|poll|wait_for_connection)$/
const LOCK_FILES = /\/(threading|queue|multiprocessing\/[\w/]+|concurrent\/futures\/[\w]+|asyncio\/[\w]+)\.py$/
const LOCK_FUNCS = /^(acquire|wait|join|get|result|_wait_for_tstate_lock|run_until_complete)$/

/** The run's request for a stuck worker's stack, and what came back. */
export interface AskedStack {
  request: StackRequest
  /** The dump printed after the request, if any. */
  dump?: FatalErrorEvent
  /** The crashed (asked) thread's frames, innermost first; empty without a dump. */
  frames: FaultFrame[]
  /** How long the worker had been booting when it was asked, in whole seconds. */
  seconds: number
  /** The stuck worker's `Booting worker` line. */
  bootLine?: string
}

export function askedStack(rc: RuleContext): AskedStack | undefined {
  const request = rc.ctx.stackRequest
  if (!request) return undefined
  const dump = rc.ofKind('fatal-error').find((d) => d.lines[0].seq > request.afterSeq)
  return {
    request,
    dump,
    frames: dump ? (crashedThread(dump)?.frames ?? []) : [],
    seconds: Math.round(request.stuckForMs / 1000),
    bootLine: rc.ofKind('worker-boot').find((e) => e.pid === request.pid)?.lines[0].text
  }
}

/** Gunicorn's app loading is on the stack: a worker serving its loop was not stuck booting. */
export function loadingTheApp(frames: readonly FaultFrame[]): boolean {
  return frames.some((f) => /^(load_wsgi|load_wsgiapp|import_app|load)$/.test(f.func))
}

/** A module's top level is on the stack (the user's frame, or any real file's `<module>`): the worker is importing. */
export function importing(frames: readonly FaultFrame[], user: FaultUserFrame | undefined): boolean {
  return user?.frame.func === '<module>' || frames.some((f) => f.func === '<module>' && !f.file.startsWith('<'))
}

/** What the innermost frames show the worker doing. */
export function whatItWaitsOn(frames: readonly FaultFrame[], user: FaultUserFrame | undefined): Waiting {
  const inner = frames.slice(0, user ? Math.max(1, frames.indexOf(user.frame)) : 3)
  if (inner.some((f) => NETWORK_FILES.test(f.file) || (f.file.endsWith('socket.py') && NETWORK_FUNCS.test(f.func)))) return 'network'
  if (user?.code && /\b(connect|create_connection|urlopen|getaddrinfo)\s*\(/.test(user.code)) return 'network'
  if (user?.code && /\bsleep\s*\(/.test(user.code) && frames[0] === user.frame) return 'sleep'
  if (inner.some((f) => LOCK_FILES.test(f.file) && LOCK_FUNCS.test(f.func))) return 'lock'
  if (user?.code && /\.(acquire|join|wait)\s*\(/.test(user.code)) return 'lock'
  return 'computation'
}

/** The frames worth quoting: from the innermost down to the user's frame (at most four). */
export function stackLines(frames: readonly FaultFrame[], user: FaultUserFrame | undefined): string[] {
  const end = user ? frames.indexOf(user.frame) + 1 : 1
  const shown = frames.slice(0, Math.min(end, 4))
  if (user && !shown.includes(user.frame)) shown.push(user.frame)
  return shown.map((f) => `  File "${f.file}", line ${f.line} in ${f.func}`)
}
