import { aptPackageNotFound as rule } from '../rules/build.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'apt-package-not-found',
  title: 'Unknown apt package',
  headline: 'unknown apt package',
  readme: "`apt-get install` of a package Debian does not have (e.g. RPM's `libpq-devel`: Debian's name is `libpq-dev`)",
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [legacyRule('build', 'aptPackageNotFound', rule)],
  words: asIs
})
