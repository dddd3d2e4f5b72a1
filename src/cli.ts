// Entry point of the `gunicorn-smoke` command. Like the action's, the exit code is always explicit.
import { runCli } from './cli-run.js'

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`gunicorn-smoke failed unexpectedly: ${String(error)}\n`)
    process.exit(1)
  }
)
