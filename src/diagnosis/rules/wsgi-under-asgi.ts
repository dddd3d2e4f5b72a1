// The reverse mismatch: a WSGI app (Django's WSGIHandler, a Flask app, a plain `app(environ, start_response)`)
// under an ASGI worker (Uvicorn's). The server calls it the ASGI 2 way, `app(scope)`, so every request raises a
// TypeError for the missing `start_response`, which only a WSGI callable asks for. A paste behind a service prefix
// (`web| `) leaves the exception outside the traceback the parser reads, so the exception is read as a line.
import type { LogLine } from '../../core/model.js'

const START_RESPONSE_MISSING = /\bTypeError: (?:([\w.]+)\.__call__|(\w+))\(\) missing 1 required positional argument: 'start_response'/

/** A request traceback's exception is the WSGI call's TypeError (the wrong-answer hook reads parsed tracebacks). */
export function isWsgiCallError(exception: { type: string; message: string }): boolean {
  return START_RESPONSE_MISSING.test(`${exception.type}: ${exception.message}`)
}

export interface WsgiCalledAsAsgi {
  /** The WSGI callable Python names: `WSGIHandler`, `Flask`, `application`. */
  app?: string
  line: LogLine
  exceptionLine: string
  /** How many requests raised it. */
  requests: number
}

/** Every request's `… missing 1 required positional argument: 'start_response'`, the first one kept. */
export function wsgiCalledAsAsgi(lines: readonly LogLine[]): WsgiCalledAsAsgi | undefined {
  let first: WsgiCalledAsAsgi | undefined
  let requests = 0
  for (const line of lines) {
    if (!line.text.includes('start_response')) continue
    const m = START_RESPONSE_MISSING.exec(line.text)
    if (!m) continue
    requests++
    const name = m[1]?.split('.').pop() ?? m[2]
    first ??= { app: name, line, exceptionLine: line.text.slice(m.index), requests: 0 }
  }
  return first && { ...first, requests }
}
