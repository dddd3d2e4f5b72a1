// Entry point of the action: main and post share this bundle (action.yml runs it twice) and each step's run()
// sets the exit code. It is enforced here too: a Node process whose event loop drains while a promise is pending
// exits 0, which would be a false pass.
import * as core from '@actions/core'
import { run as runMain } from './main.js'
import { run as runPost } from './post.js'
import { isPost } from './setup/action-state.js'

let settled = false
process.on('beforeExit', () => {
  if (settled) return
  settled = true
  core.setFailed('gunicorn-smoke stopped before reaching a verdict (internal error): failing rather than passing silently.')
  process.exit(1)
})

const run = isPost() ? runPost : runMain
run().then(
  () => {
    if (typeof process.exitCode === 'number') return exit(process.exitCode)
    core.setFailed('gunicorn-smoke ended without a verdict (internal error): failing rather than passing silently.')
    exit(1)
  },
  (error: unknown) => {
    core.setFailed(`gunicorn-smoke failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
    exit(1)
  }
)

/** Exits now rather than when the event loop drains: nothing left open may hold the verdict back. */
function exit(code: number): void {
  settled = true
  process.exit(code)
}
