import { buildFileMissing as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'build-file-missing',
  title: 'File missing from the build context',
  headline: 'a copied file is missing',
  readme: '`COPY`/`ADD` of a file not in the build context: the `.dockerignore` line that excludes it, or the ' + 'closest existing name',
  fixtures: [
    { path: '__fixtures__/build/cases/copy-renamed', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/copy-dockerignored', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [legacyRule('build', 'buildFileMissing', rule)],
  words: asIs
})
