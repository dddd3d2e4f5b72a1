// Health answers that are wrong for a known reason outside the app's health logic, decided at the second such
// answer instead of at the timeout: each reason with a wrong-answer hook (src/diagnosis/reasons/) says which.
import type { Reason } from '../diagnosis/reason.js'
import { REASONS } from '../diagnosis/registry.js'
import type { GunicornEvent } from '../gunicorn/log-parser.js'
import type { HttpAnswer } from '../probes/http-client.js'

/** Answers in a row, wrong the same way, before deciding. */
const SAME_IN_A_ROW = 2

const HOOKS = (REASONS as readonly Reason[]).flatMap((reason) => (reason.wrongAnswer ? [reason.wrongAnswer] : []))

export function knownWrongAnswer(answer: HttpAnswer, sameInARow: number, events: readonly GunicornEvent[]): boolean {
  return sameInARow >= SAME_IN_A_ROW && HOOKS.some((hook) => hook.recognises(answer, events))
}
