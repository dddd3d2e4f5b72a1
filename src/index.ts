// Entry point of the action (main and post share this bundle). The exit code is always set explicitly:
// a Node process whose event loop drains while a promise is pending exits 0, which would be a false pass.
import * as core from '@actions/core'
import { runMain } from './main.js'
import { runPost } from './post.js'
import { isPost } from './state.js'

let settled = false
process.on('beforeExit', () => {
  if (settled) return
  settled = true
  core.setFailed('gunicorn-smoke stopped before reaching a verdict (internal error): failing rather than passing silently.')
  process.exit(1)
})

const step = isPost() ? runPost() : runMain()
step.then(
  (code) => {
    settled = true
    process.exit(code)
  },
  (error: unknown) => {
    settled = true
    core.setFailed(`gunicorn-smoke failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
