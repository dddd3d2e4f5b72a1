import { nativeBuildFailed as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'native-build-failed',
  title: 'Package needs a compiler',
  headline: 'a package did not compile',
  readme:
    'a package had to be compiled and could not: the missing compiler or header, the apt packages to add ' +
    'before the Dockerfile line, or the binary alternative (e.g. `psycopg2-binary`)',
  fixtures: [
    { path: '__fixtures__/build/cases/native-build-failed', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/native-header-missing', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [legacyRule('build', 'nativeBuildFailed', rule)],
  words: asIs
})
