// Health answers that will not heal, decided at the second such answer instead of at the timeout: each reason with
// a wrong-answer hook (src/diagnosis/reasons/) says which it knows, and any server error whose request raised the
// same exception each time (the traceback in the log) is one too: the same code fails the same way on every request.
import type { Reason } from '../diagnosis/reason.js'
import { REASONS } from '../diagnosis/registry.js'
import { repeatedRequestFailure } from '../diagnosis/rules/request.js'
import type { GunicornEvent } from '../gunicorn/log-parser.js'
import type { HttpAnswer } from '../probes/http-client.js'

/** Answers in a row, wrong the same way, before deciding. */
const SAME_IN_A_ROW = 2

const HOOKS = (REASONS as readonly Reason[]).flatMap((reason) => (reason.wrongAnswer ? [reason.wrongAnswer] : []))

export function knownWrongAnswer(answer: HttpAnswer, sameInARow: number, events: readonly GunicornEvent[]): boolean {
  if (sameInARow < SAME_IN_A_ROW) return false
  return (
    HOOKS.some((hook) => hook.recognises(answer, events)) || (answer.status >= 500 && repeatedRequestFailure(events, SAME_IN_A_ROW) !== undefined)
  )
}
