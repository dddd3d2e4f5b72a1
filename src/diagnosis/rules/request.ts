// Did an exception happen while the app loaded, or while it handled a request? A request goes through the
// worker's handler or a framework's dispatch, and those frames stay in the traceback (Gunicorn also logs
// `Error handling request` before its own). An error on every request is not a boot failure: the words differ.
import type { GunicornEvent } from '../../gunicorn/log-parser.js'
import type { SourceLocation } from '../../core/model.js'
import type { RuleContext, Traceback } from '../context.js'
import { code, where } from '../words.js'

type TracebackEvent = Extract<GunicornEvent, { kind: 'traceback' }>

/** [file, function] pairs that only a request being handled goes through. */
const REQUEST_FRAMES: readonly (readonly [RegExp, RegExp])[] = [
  [/gunicorn\/workers\/\w+\.py$/, /^(handle|handle_request)$/],
  [/flask\/app\.py$/, /^(wsgi_app|full_dispatch_request|dispatch_request)$/],
  [/django\/core\/handlers\/(base|exception|wsgi)\.py$/, /^(inner|_get_response|get_response|__call__)$/],
  [/(starlette|fastapi)\/routing\.py$/, /^(app|handle|run_endpoint_function)$/],
  [/uvicorn\/protocols\/http\/\w+\.py$/, /^run_asgi$/],
  [/werkzeug\/serving\.py$/, /^(execute|run_wsgi)$/]
]

/** The traceback went through a request handler: it was raised while a request was being handled. */
export function duringRequest(tb: Pick<TracebackEvent, 'frames'>): boolean {
  return tb.frames.some((frame) => REQUEST_FRAMES.some(([file, func]) => file.test(frame.file) && func.test(frame.func ?? '')))
}

export interface WhenRaised {
  during: 'import' | 'request'
  /** The user's innermost function in the traceback, when it raised while handling a request. */
  handler?: string
  /** The user's outermost function there (the view the framework called), when it is another than `handler`. */
  view?: string
}

/** When the exception was raised, and in which of the user's functions if it was while handling a request. */
export function whenRaised(rc: RuleContext, tb: Traceback | undefined): WhenRaised {
  if (!tb || !duringRequest(tb)) return { during: 'import' }
  const func = rc.userFrame(tb)?.frame.func
  if (!func || func === '<module>') return { during: 'request' }
  const outer = tb.frames.find((frame) => rc.mapContainerPath(frame.file) !== undefined)?.func
  return { during: 'request', handler: func, ...(outer && outer !== func && outer !== '<module>' ? { view: outer } : {}) }
}

/** `in the view \`index\` (\`app.py:11\`)`, `in \`helper\` (…), called from the view \`index\``, or `while handling a request`. */
export function inHandler({ handler, view }: Partial<WhenRaised>, location?: SourceLocation): string {
  if (!handler) return `while handling a request${where(location)}`
  return view ? `in ${code(handler)}${where(location)}, called from the view ${code(view)}` : `in the view ${code(handler)}${where(location)}`
}

/**
 * The exception line repeated by the latest failed requests: at least `times` tracebacks raised while handling a
 * request end with the same exception line as the newest such traceback. Undefined when no request failed so.
 */
export function repeatedRequestFailure(events: readonly GunicornEvent[], times = 2): string | undefined {
  const failures = events.filter((event): event is TracebackEvent => event.kind === 'traceback' && duringRequest(event))
  const newest = failures[failures.length - 1]?.exception.line
  if (newest === undefined) return undefined
  return failures.filter((tb) => tb.exception.line === newest).length >= times ? newest : undefined
}

export interface RequestFailure {
  /** The exception line, e.g. `ZeroDivisionError: division by zero`. */
  exception: string
  handler?: string
  view?: string
  location?: SourceLocation
  evidence: string[]
}

/** The newest traceback raised while handling a request, with the user's innermost frame. */
export function requestFailure(rc: RuleContext): RequestFailure | undefined {
  const tb = [...rc.tracebacks].reverse().find((t) => !t.chained && duringRequest(t)) ?? [...rc.tracebacks].reverse().find(duringRequest)
  if (!tb) return undefined
  const frame = rc.userFrame(tb)
  const { handler, view } = whenRaised(rc, tb)
  return { exception: tb.exception.line, handler, view, location: frame?.location, evidence: rc.tracebackEvidence(tb, frame) }
}
