// Writes that failed without stopping the app: a healthy run that logged one passes with a warning and its fix,
// never silently. Gunicorn 25.1+ opens a control socket under $HOME/.gunicorn/; a read-only root or a user
// without a writable home makes it log `Control server error` and serve on without it.
import type { LogLine } from '../core/model.js'
import type { Settings } from '../setup/inputs.js'

const CONTROL_SERVER_ERROR = /Control server error: (.*)$/

export function writeWarnings(lines: readonly LogLine[], settings: Pick<Settings, 'readOnly' | 'user'>): string[] {
  const line = lines.find((candidate) => CONTROL_SERVER_ERROR.test(candidate.text))
  if (!line) return []
  const error = CONTROL_SERVER_ERROR.exec(line.text)![1].trim()
  const why = /Errno 30/.test(error)
    ? 'the root filesystem is read-only'
    : /Errno 13/.test(error)
      ? `user ${settings.user ?? 'the image user'} may not write its home directory`
      : 'it could not be created'
  return [
    `Gunicorn's control socket failed (\`Control server error: ${error.slice(0, 100)}\`): ${why}. The app still serves, but ` +
      '`gunicornc` cannot reach it and the error repeats at every start. Start Gunicorn with `--no-control-socket` ' +
      '(`control_socket_disable = True`), or set `--control-socket` to a path under a writable directory such as `/tmp/gunicorn.ctl`.'
  ]
}
