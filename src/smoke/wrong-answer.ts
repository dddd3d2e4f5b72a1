// Health answers that are wrong for a known reason outside the app's health logic, decided at the second such
// answer instead of at the timeout: an ASGI app under a WSGI worker (500 with the `__call__() missing … 'send'`
// TypeError in the log) and Django's DisallowedHost page (400 `Bad Request (400)`, nothing logged).
import { ASGI_CALL_ERROR, DJANGO_BAD_REQUEST } from '../diagnosis/rules/answers.js'
import type { GunicornEvent } from '../gunicorn/log-parser.js'
import type { HttpAnswer } from '../probes/http-client.js'

/** Answers in a row, wrong the same way, before deciding. */
const SAME_IN_A_ROW = 2

export function knownWrongAnswer(answer: HttpAnswer, sameInARow: number, events: readonly GunicornEvent[]): boolean {
  if (sameInARow < SAME_IN_A_ROW) return false
  if (answer.status === 400 && DJANGO_BAD_REQUEST.test(answer.body)) return true
  if (answer.status !== 500) return false
  const asgiErrors = events.filter((e) => e.kind === 'traceback' && e.exception.type === 'TypeError' && ASGI_CALL_ERROR.test(e.exception.message))
  return asgiErrors.length >= SAME_IN_A_ROW
}
