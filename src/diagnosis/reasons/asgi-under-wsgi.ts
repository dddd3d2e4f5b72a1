import { ASGI_CALL_ERROR, asgiUnderWsgi as rule } from '../rules/answers.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'asgi-under-wsgi',
  title: 'ASGI app under a WSGI worker',
  headline: 'ASGI app started with a WSGI worker',
  readme:
    "an ASGI app (FastAPI, Starlette, Quart, Django's ASGI handler) started with a WSGI worker: every " +
    "request fails with `__call__() missing 1 required positional argument: 'send'`",
  fixtures: [{ path: '__fixtures__/apps/fail-asgi-under-wsgi', test: '__tests__/hang-crash.itg.ts' }],
  rules: [legacyRule('boot', 'asgiUnderWsgi', rule)],
  words: asIs,
  // Decided at the second 500 whose request raised the TypeError, not at the timeout.
  wrongAnswer: {
    recognises: (answer, events) =>
      answer.status === 500 &&
      events.filter((e) => e.kind === 'traceback' && e.exception.type === 'TypeError' && ASGI_CALL_ERROR.test(e.exception.message)).length >= 2
  }
})
