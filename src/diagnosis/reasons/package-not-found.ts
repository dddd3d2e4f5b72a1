import { packageNotFound as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'package-not-found',
  title: 'Package version not found',
  headline: 'pip could not find a package',
  readme:
    'pip found no such version: it does not exist (the versions pip saw), it exists only for other ' +
    "Pythons (`Requires-Python`, the image's Python), or the name is misspelled (the closest known name)",
  fixtures: [
    { path: '__fixtures__/build/cases/version-not-found', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/version-for-other-python', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/misspelled-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [legacyRule('build', 'packageNotFound', rule)],
  words: asIs
})
