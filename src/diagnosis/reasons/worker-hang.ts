import { workerHang as rule } from '../rules/hangs.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'worker-hang',
  title: 'Worker stuck while booting',
  headline: 'a worker is stuck while booting',
  readme:
    'a worker never finished booting: its stack (asked with SIGSEGV, printed by faulthandler) names the ' +
    'line it waits on, e.g. `app.py:4` (`time.sleep(3600)`)',
  fixtures: [
    { path: '__fixtures__/apps/fail-worker-hang', test: '__tests__/hang-crash.itg.ts' },
    { path: '__fixtures__/apps/fail-worker-timeout', test: '__tests__/diagnosis.itg.ts' }
  ],
  rules: [legacyRule('boot', 'workerHang', rule)],
  words: asIs
})
