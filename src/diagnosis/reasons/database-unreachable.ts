import { databaseUnreachable as rule } from '../rules/environment.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'database-unreachable',
  title: 'Database unreachable at boot',
  headline: 'database unreachable at boot',
  readme: 'the app connects to its database at import and cannot',
  fixtures: [{ path: '__fixtures__/apps/fail-database-unreachable', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'databaseUnreachable', rule)],
  words: asIs
})
