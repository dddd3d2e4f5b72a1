import { crashLoop as rule } from '../rules/lifecycle.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'crash-loop',
  title: 'Workers crash after boot',
  headline: 'workers keep crashing',
  readme: 'workers exit after boot and are replaced, while single health requests still pass',
  fixtures: [{ path: '__fixtures__/apps/fail-crash-loop', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'crashLoop', rule)],
  words: asIs
})
