import { workerClassUnavailable as rule } from '../rules/worker-class.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'worker-class-unavailable',
  title: 'Worker class not installed',
  headline: 'worker class unavailable',
  namesCulprit: true,
  readme:
    'the worker class (gevent, gevent-websocket, uvicorn, eventlet) cannot be imported, is too old for ' +
    'this Gunicorn (`gevent worker requires gevent 24.10.1 or higher`: missing or old, from the ' +
    'evidence), is gone (eventlet in Gunicorn 26: switch to gevent or pin `gunicorn<26`) or not there ' +
    'yet (the native `asgi` worker before 25), or breaks while Gunicorn sets it up',
  fixtures: [{ path: '__fixtures__/apps/fail-worker-class-unavailable', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'workerClassUnavailable', rule)],
  words: asIs
})
