import { outOfMemory as rule } from '../rules/resources.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'out-of-memory',
  title: 'Out of memory',
  headline: 'out of memory',
  readme: 'a worker or the container was killed for memory',
  fixtures: [{ path: '__fixtures__/apps/fail-out-of-memory', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'outOfMemory', rule)],
  words: asIs
})
