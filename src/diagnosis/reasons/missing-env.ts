import { missingEnv as rule } from '../rules/environment.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'missing-env',
  title: 'Missing environment variable',
  headline: 'missing environment variable',
  namesCulprit: true,
  readme: "`KeyError: 'DATABASE_URL'` and friends: the variable the app needs",
  fixtures: [{ path: '__fixtures__/apps/fail-missing-env', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'missingEnv', rule)],
  words: asIs
})
