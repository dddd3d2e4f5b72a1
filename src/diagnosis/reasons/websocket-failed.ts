import { websocketFailed as rule } from '../rules/http.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'websocket-failed',
  title: 'WebSocket check failed',
  headline: 'WebSocket check failed',
  readme: 'the WebSocket route did not upgrade or answer',
  fixtures: [{ path: '__fixtures__/apps/ws-wrong-worker', test: '__tests__/websocket-action.itg.ts' }],
  rules: [legacyRule('boot', 'websocketFailed', rule)],
  words: asIs
})
