// An ASGI app started with a WSGI worker: it boots, and every request raises a TypeError in the worker. And the
// reverse, a WSGI app under an ASGI worker: the same TypeError for the WSGI call's missing `start_response`.
import { defineReason, type Rule, type Words } from '../reason.js'
import { ASGI_CALL_ERROR, asgiTraceback, asgiTracebacks, isAsgiCallError } from '../rules/answers.js'
import { commandLine, firstLocation } from '../rules/locate.js'
import { code, present } from '../words.js'
import { isWsgiCallError, wsgiCalledAsAsgi } from '../rules/wsgi-under-asgi.js'

interface Facts {
  /** `wsgi-under-asgi`: the reverse mismatch, a WSGI app called by an ASGI worker. */
  direction?: 'wsgi-under-asgi'
  /** The app's class, when Python names it (3.10+): `FastAPI`. */
  app?: string
  /** The WSGI worker class Gunicorn reports. */
  workerClass: string
  exceptionLine: string
  /** What the health check was answered. */
  status?: number
  /** How many requests raised it. */
  requests: number
  gunicornVersion?: string
}

const asgiCallError: Rule<Facts> = {
  stage: 'boot',
  name: 'requests raise the ASGI call TypeError',
  detect(rc) {
    const tb = asgiTraceback(rc)
    if (!tb) return undefined
    const requestLine = rc.ctx.lines.filter((l) => l.seq < tb.lines[0].seq && /Error handling request/.test(l.text)).pop()
    const last = tb.frames[tb.frames.length - 1]
    return {
      facts: {
        app: ASGI_CALL_ERROR.exec(tb.exception.message)?.[1],
        // Gunicorn's default worker class when it reports none.
        workerClass: rc.ofKind('worker-class')[0]?.workerClass ?? 'sync',
        exceptionLine: tb.exception.line,
        status: rc.ctx.health?.status,
        requests: asgiTracebacks(rc).length,
        gunicornVersion: rc.ofKind('master-start')[0]?.version
      },
      evidence: present(requestLine?.text, last ? `  File "${last.file}", line ${last.line}` : undefined, tb.exception.line),
      location: firstLocation(commandLine(rc))
    }
  }
}

const wsgiUnderAsgi: Rule<Facts> = {
  stage: 'boot',
  name: "requests raise the WSGI call's TypeError under an ASGI worker",
  detect(rc) {
    const found = wsgiCalledAsAsgi(rc.ctx.lines)
    if (!found) return undefined
    const workerClass = rc.ofKind('worker-class')[0]?.workerClass ?? 'uvicorn.workers.UvicornWorker'
    return {
      facts: {
        direction: 'wsgi-under-asgi',
        app: found.app,
        workerClass,
        exceptionLine: found.exceptionLine,
        status: rc.ctx.health?.status,
        requests: found.requests,
        gunicornVersion: rc.ofKind('master-start')[0]?.version
      },
      evidence: [found.exceptionLine],
      location: firstLocation(commandLine(rc))
    }
  }
}

function reverseWords(facts: Facts): Words {
  const app = facts.app ? code(facts.app) : 'The app'
  const answers = facts.status ? ` and answers ${facts.status}` : ''
  const requests = facts.requests > 1 ? ` (${facts.requests} requests)` : ''
  return {
    summary:
      `${app} is a WSGI app but Gunicorn runs it with the ASGI worker ${code(facts.workerClass)}: ` +
      `every request fails with ${code(facts.exceptionLine)}${answers}${requests}.`,
    remedy:
      `Point Gunicorn at the project's ASGI application instead (Django: ${code('project.asgi:application')}, not ${code('project.wsgi')}), ` +
      `or keep the WSGI app and drop the ASGI worker (${code('-k gthread')} or the default sync worker).`
  }
}

/** Gunicorn 25+ has its own ASGI worker: named with the running version when it is one. */
function nativeWorker(version: string | undefined): string {
  const major = version ? Number(version.split('.')[0]) : undefined
  return major !== undefined && major >= 25
    ? ` or Gunicorn ${version}'s own ASGI worker, ${code('-k asgi')}`
    : ', or on Gunicorn 25+ its own ASGI worker, `-k asgi`'
}

function words(facts: Facts): Words {
  if (facts.direction === 'wsgi-under-asgi') return reverseWords(facts)
  const app = facts.app ? code(facts.app) : 'The app'
  const answers = facts.status ? ` and answers ${facts.status}` : ''
  const requests = facts.requests > 1 ? ` (${facts.requests} requests)` : ''
  return {
    summary:
      `${app} is an ASGI app but Gunicorn runs it with the WSGI worker ${code(facts.workerClass)}: ` +
      `every request fails with ${code(facts.exceptionLine)}${answers}${requests}; ` +
      `it needs an ASGI worker such as ${code('uvicorn_worker.UvicornWorker')}.`,
    remedy:
      `Start it with an ASGI worker: ${code('-k uvicorn_worker.UvicornWorker')} ` +
      `(add the package ${code('uvicorn-worker')} to the requirements)${nativeWorker(facts.gunicornVersion)}.`
  }
}

export default defineReason({
  id: 'asgi-under-wsgi',
  title: 'ASGI app under a WSGI worker',
  headline: 'ASGI app started with a WSGI worker',
  readme:
    "an ASGI app (FastAPI, Starlette, Quart, Django's ASGI handler) started with a WSGI worker: every " +
    "request fails with `__call__() missing 1 required positional argument: 'send'`; and the reverse, a WSGI app (Django's " +
    "`WSGIHandler`) under an ASGI worker: `missing 1 required positional argument: 'start_response'`",
  fixtures: [{ path: '__fixtures__/apps/fail-asgi-under-wsgi', test: '__tests__/hang-crash.itg.ts' }],
  rules: [asgiCallError, wsgiUnderAsgi],
  words,
  // Decided at the second 500 whose request raised the TypeError, not at the timeout.
  wrongAnswer: {
    recognises: (answer, events) =>
      answer.status === 500 &&
      events.filter((e) => e.kind === 'traceback' && (isAsgiCallError(e.exception) || isWsgiCallError(e.exception))).length >= 2
  }
})
