import { bootTimeout as rule } from '../rules/lifecycle.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'boot-timeout',
  title: 'Server did not come up',
  headline: 'Gunicorn never became ready',
  readme: 'nothing answered in time and nothing crashed (e.g. Gunicorn bound to `127.0.0.1` inside the container)',
  fixtures: [{ path: '__fixtures__/apps/fail-boot-timeout', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'bootTimeout', rule)],
  words: asIs
})
