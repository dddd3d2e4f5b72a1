// Apps that boot but answer every request wrongly for a reason outside their health logic: an ASGI app
// under a WSGI worker (each request raises a TypeError in the worker), Django rejecting the Host header.
// The patterns are shared by the reasons' rules and their wrong-answer hooks.
import type { RuleContext, Traceback } from '../context.js'
import { pythonLine, type FoundLine } from './locate.js'

/** `FastAPI.__call__() missing 1 required positional argument: 'send'` (3.10+), `__call__() missing …` before. */
export const ASGI_CALL_ERROR =
  /^(?:(\w+)\.)?__call__\(\) missing (?:1 required positional argument: 'send'|2 required positional arguments: 'receive' and 'send')$/
/** Django's default 400 page (`django.views.defaults.bad_request`), as it answers a DisallowedHost. */
export const DJANGO_BAD_REQUEST = /<h1>Bad Request \(400\)<\/h1>/
/** Django's log line for a DisallowedHost (with DEBUG on, or logging configured). */
export const INVALID_HOST = /Invalid HTTP_HOST header: '([^']*)'/

/** A WSGI worker called an ASGI app: the TypeError each request raises. */
export function isAsgiCallError(exception: { type: string; message: string }): boolean {
  return exception.type === 'TypeError' && ASGI_CALL_ERROR.test(exception.message)
}

/**
 * An ASGI 2 app (`app(scope)` returning the coroutine's callable, older Starlette) called as WSGI: its
 * `__call__(self, scope)` gets environ and start_response. Read only where Gunicorn's worker made that call, since
 * any class of the app could raise the same TypeError.
 */
const ASGI2_CALL_ERROR = /^(?:\w+\.)?__call__\(\) takes 2 positional arguments but 3 were given$/
const WORKER_CALLS_APP = (tb: Traceback): boolean => /gunicorn\/workers\/\w+\.py$/.test(tb.frames[tb.frames.length - 1]?.file ?? '')

/** Every request traceback of an ASGI app called as WSGI. */
export function asgiTracebacks(rc: RuleContext): Traceback[] {
  return rc.tracebacks.filter(
    (tb) =>
      isAsgiCallError(tb.exception) || (tb.exception.type === 'TypeError' && ASGI2_CALL_ERROR.test(tb.exception.message) && WORKER_CALLS_APP(tb))
  )
}

export function asgiTraceback(rc: RuleContext): Traceback | undefined {
  return asgiTracebacks(rc)[0]
}

/** The settings line that sets ALLOWED_HOSTS, in the build context's Python files. */
export function allowedHostsLine(rc: RuleContext): FoundLine | undefined {
  return pythonLine(rc, /^\s*ALLOWED_HOSTS\s*=/)
}

/** The first host name with a dot in an ALLOWED_HOSTS line: the production host, e.g. `example.com`. */
export function productionHost(allowed: FoundLine | undefined): string | undefined {
  return allowed?.text.match(/["']([^"'*]+\.[^"']+)["']/)?.[1]
}
