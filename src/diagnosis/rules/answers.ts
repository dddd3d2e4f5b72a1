// Apps that boot but answer every request wrongly for a reason outside their health logic: an ASGI app
// under a WSGI worker (each request raises a TypeError in the worker), Django rejecting the Host header.
import type { RuleContext, Traceback } from '../context.js'
import { commandLine, firstLocation, pythonLine } from './locate.js'
import { code, fileLine, present, type DiagnosisRule } from './rule.js'

/** `FastAPI.__call__() missing 1 required positional argument: 'send'` (3.10+), `__call__() missing …` before. */
export const ASGI_CALL_ERROR =
  /^(?:(\w+)\.)?__call__\(\) missing (?:1 required positional argument: 'send'|2 required positional arguments: 'receive' and 'send')$/
/** Django's default 400 page (`django.views.defaults.bad_request`), as it answers a DisallowedHost. */
export const DJANGO_BAD_REQUEST = /<h1>Bad Request \(400\)<\/h1>/
const INVALID_HOST = /Invalid HTTP_HOST header: '([^']*)'/

export const asgiUnderWsgi: DiagnosisRule = {
  reason: 'asgi-under-wsgi',
  explain(rc) {
    const tb = asgiTraceback(rc)
    if (!tb) return undefined
    const app = ASGI_CALL_ERROR.exec(tb.exception.message)?.[1]
    const requestLine = rc.ctx.lines.filter((l) => l.seq < tb.lines[0].seq && /Error handling request/.test(l.text)).pop()
    const count = rc.tracebacks.filter((t) => ASGI_CALL_ERROR.test(t.exception.message)).length
    const worker = rc.ofKind('worker-class')[0]?.workerClass
    const status = rc.ctx.health?.status
    const version = rc.ofKind('master-start')[0]?.version
    const major = version ? Number(version.split('.')[0]) : undefined
    const native =
      major !== undefined && major >= 25
        ? ` or Gunicorn ${version}'s own ASGI worker, ${code('-k asgi')}`
        : ', or on Gunicorn 25+ its own ASGI worker, `-k asgi`'
    return {
      reason: 'asgi-under-wsgi',
      summary: `${app ? code(app) : 'The app'} is an ASGI app but Gunicorn runs it with the WSGI worker ${code(worker ?? 'sync')}: every request fails with ${code(tb.exception.line)}${status ? ` and answers ${status}` : ''}${count > 1 ? ` (${count} requests)` : ''}; it needs an ASGI worker such as ${code('uvicorn_worker.UvicornWorker')}.`,
      evidence: present(
        requestLine?.text,
        tb.frames.length ? `  File "${tb.frames[tb.frames.length - 1].file}", line ${tb.frames[tb.frames.length - 1].line}` : undefined,
        tb.exception.line
      ),
      location: firstLocation(commandLine(rc)),
      remedy: `Start it with an ASGI worker: ${code('-k uvicorn_worker.UvicornWorker')} (add the package ${code('uvicorn-worker')} to the requirements)${native}.`
    }
  }
}

export const disallowedHost: DiagnosisRule = {
  reason: 'disallowed-host',
  explain(rc) {
    const health = rc.ctx.health
    const logged = rc.ctx.lines.find((l) => INVALID_HOST.test(l.text))
    const djangoPage = health?.status === 400 && DJANGO_BAD_REQUEST.test(health.bodyExcerpt ?? '')
    if (!djangoPage && !logged) return undefined
    const sent = rc.ctx.settings.hostHeader ?? (logged ? INVALID_HOST.exec(logged.text)![1] : undefined)
    const allowed = pythonLine(rc, /^\s*ALLOWED_HOSTS\s*=/)
    const production = allowed?.text.match(/["']([^"'*]+\.[^"']+)["']/)?.[1]
    const host = sent ? code(sent) : `the published address (${code('127.0.0.1:<port>')})`
    const where = allowed ? ` in ${code(fileLine(allowed))}` : ''
    return {
      reason: 'disallowed-host',
      summary: `Django rejected the probe's Host header ${host} with ${code('400 Bad Request (400)')}: it is not in ${code('ALLOWED_HOSTS')}${where}${logged ? '' : ' (with DEBUG off, Django logs nothing about it)'}.`,
      evidence: present(
        health?.status === 400 ? `GET ${rc.ctx.settings.healthPath} → 400 ${health.bodyExcerpt ?? ''}`.trim() : undefined,
        logged?.text,
        allowed?.text.trim()
      ),
      location: allowed ? { file: allowed.file, line: allowed.line } : undefined,
      remedy: `Either allow the smoke test's host (add ${code('127.0.0.1')} to ${code('ALLOWED_HOSTS')}, e.g. from an environment variable set with the ${code('env')} input), or set the ${code('host-header')} input${production ? ` to ${code(production)}` : ' to the production host name'} so the probes send the host name the platform sends.`
    }
  }
}

function asgiTraceback(rc: RuleContext): Traceback | undefined {
  return rc.tracebacks.find((tb) => tb.exception.type === 'TypeError' && ASGI_CALL_ERROR.test(tb.exception.message))
}
