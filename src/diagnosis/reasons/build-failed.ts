import { buildFailed as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'build-failed',
  title: 'Image build failed',
  headline: 'the image did not build',
  readme: '`docker build` failed (legacy builder or BuildKit): the failing step, its output and its Dockerfile line',
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [legacyRule('build', 'buildFailed', rule)],
  words: asIs
})
