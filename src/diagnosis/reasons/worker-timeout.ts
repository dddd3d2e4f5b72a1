import { workerTimeout as rule } from '../rules/resources.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'worker-timeout',
  title: 'Worker timeout during boot',
  headline: 'worker timeout',
  readme: "a worker took longer to boot than Gunicorn's `timeout`",
  fixtures: [{ path: '__fixtures__/apps/load-worker-timeout', test: '__tests__/concurrency.itg.ts' }],
  rules: [legacyRule('boot', 'workerTimeout', rule)],
  words: asIs
})
