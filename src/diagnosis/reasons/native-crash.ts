import { nativeCrash as rule } from '../rules/crashes.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'native-crash',
  title: 'Worker crashed in native code',
  headline: 'a native extension crashed the worker',
  readme:
    'a worker died of a signal in native code (`Fatal Python error: Segmentation fault`): the module ' +
    'whose import crashed, the extension modules loaded, or the two packages of a `size changed, may ' +
    'indicate binary incompatibility` warning',
  fixtures: [{ path: '__fixtures__/apps/fail-native-crash', test: '__tests__/hang-crash.itg.ts' }],
  rules: [legacyRule('boot', 'nativeCrash', rule)],
  words: asIs
})
