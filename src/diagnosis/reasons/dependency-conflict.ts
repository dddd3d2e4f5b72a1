import { dependencyConflict as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'dependency-conflict',
  title: 'Conflicting dependency pins',
  headline: 'conflicting dependency pins',
  readme:
    "pip's `ResolutionImpossible`: both packages, their pins and the requirement that clashes, each " +
    "pin's line in the requirements files (following `-r` and `-c`), annotated: move the pins together",
  fixtures: [
    { path: '__fixtures__/build/cases/dependency-conflict', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    {
      path: '__fixtures__/build/cases/dependency-conflict-constraint',
      test: '__tests__/build-diagnosis.itg.ts',
      via: '__tests__/helpers/build-cases.ts'
    }
  ],
  rules: [legacyRule('build', 'dependencyConflict', rule)],
  words: asIs
})
