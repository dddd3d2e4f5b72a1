import { healthCheckFailed as rule } from '../rules/http.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'health-check-failed',
  title: 'Health check failed',
  headline: 'health check failed',
  readme: 'the health path answered a wrong status',
  fixtures: [{ path: '__fixtures__/apps/fail-health-check-failed', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'healthCheckFailed', rule)],
  words: asIs
})
