import { appNotFound as rule } from '../rules/configuration.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'app-not-found',
  title: 'Application object not found',
  headline: 'application not found',
  namesCulprit: true,
  readme: 'exit 4: the `module:attribute` of the app is wrong',
  fixtures: [{ path: '__fixtures__/apps/fail-app-not-found', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'appNotFound', rule)],
  words: asIs
})
