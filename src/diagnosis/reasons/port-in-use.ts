import { portInUse as rule } from '../rules/network.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'port-in-use',
  title: 'Port already in use',
  headline: 'port already in use',
  readme: 'Gunicorn could not bind its address',
  fixtures: [{ path: '__fixtures__/apps/fail-port-in-use', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'portInUse', rule)],
  words: asIs
})
