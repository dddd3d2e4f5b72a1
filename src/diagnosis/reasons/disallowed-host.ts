import { DJANGO_BAD_REQUEST, disallowedHost as rule } from '../rules/answers.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'disallowed-host',
  title: 'Host header rejected',
  headline: 'the app rejected the Host header',
  readme: "Django answered `400 Bad Request (400)` because the probe's Host header is not in `ALLOWED_HOSTS`",
  fixtures: [{ path: '__fixtures__/apps/fail-disallowed-host', test: '__tests__/hang-crash.itg.ts' }],
  rules: [legacyRule('boot', 'disallowedHost', rule)],
  words: asIs,
  // Django's 400 page says it and nothing is logged: decided at the second such answer.
  wrongAnswer: { recognises: (answer) => answer.status === 400 && DJANGO_BAD_REQUEST.test(answer.body) }
})
