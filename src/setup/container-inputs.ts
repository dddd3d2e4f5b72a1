// The inputs that make the container look like the host's: a read-only root with the paths the host leaves
// writable, the user it runs as, and how the host stops it (signal, grace) for the graceful-shutdown check.
import { InputError, parseEnum, parseNumber, shown } from './input-values.js'

export interface ContainerSettings {
  /** `read-only`: `docker run --read-only` (Kubernetes `readOnlyRootFilesystem`). */
  readOnly: boolean
  /** `user`: `docker run --user`, a uid[:gid] or a name (Kubernetes `runAsUser`). */
  user?: string
  /** `writable-paths`: a tmpfs at each (a Kubernetes `emptyDir`); none means none. */
  writablePaths: string[]
  /** `stop-signal`, canonical (`SIGTERM`); undefined: the image's STOPSIGNAL, else SIGTERM. */
  stopSignal?: string
  /** `stop-grace`: seconds the host waits after the stop signal before it kills the container. */
  stopGraceSec: number
  /** `shutdown-check`: off, or the path of the request kept in flight while the stop signal arrives. */
  shutdownCheck: false | { path: string }
}

type Get = (name: string) => string

/**
 * 30 s: Kubernetes' default terminationGracePeriodSeconds, Heroku's and Render's grace, and Gunicorn's own
 * default graceful_timeout, so a default Gunicorn fits it. Docker's `docker stop` and Cloud Run give 10 s: set
 * `stop-grace: 10` for those. The grace is only waited out when Gunicorn handles the signal and still does not
 * exit; a signal nobody handles is decided within seconds.
 */
export const DEFAULT_STOP_GRACE_SEC = 30

/** What a stop signal can be: the ones hosts use (TERM, INT for Fly, QUIT, KILL) and Gunicorn's others. */
const SIGNALS = ['TERM', 'INT', 'QUIT', 'KILL', 'HUP', 'USR1', 'USR2', 'WINCH'] as const
const USER_PART = '(?:\\d+|[A-Za-z_][A-Za-z0-9_.-]*)'
const USER = new RegExp(`^${USER_PART}(?::${USER_PART})?$`)
const WRITABLE_PATH = /^\/[A-Za-z0-9._@/-]*$/

/** A `docker run --user` value: a uid or name, optionally with a gid or group. */
export function isContainerUser(text: string): boolean {
  return USER.test(text)
}

export function parseContainerSettings(get: Get, healthPath: string): ContainerSettings {
  const readOnly = parseEnum('read-only', get('read-only') || 'false', ['true', 'false'] as const) === 'true'
  const user = get('user') || undefined
  if (user && !USER.test(user)) {
    throw new InputError(`The input 'user' must be a uid, uid:gid or user name such as '10001' or 'app:app', got '${shown(user)}'.`)
  }
  const writablePaths = parseWritablePaths(get('writable-paths'))
  const stopSignal = get('stop-signal') ? parseStopSignal('stop-signal', get('stop-signal')) : undefined
  const stopGraceSec = parseNumber('stop-grace', get('stop-grace') || String(DEFAULT_STOP_GRACE_SEC), 1, 3600)
  return { readOnly, user, writablePaths, stopSignal, stopGraceSec, shutdownCheck: parseShutdownCheck(get('shutdown-check'), healthPath) }
}

/** `SIGTERM`, `TERM`, `sigterm` → `SIGTERM`; the `name` says which input or file it came from. */
export function parseStopSignal(name: string, text: string): string {
  const bare = text.trim().toUpperCase().replace(/^SIG/, '')
  if (!(SIGNALS as readonly string[]).includes(bare)) {
    throw new InputError(`The input '${name}' must be a signal name such as 'SIGTERM' or 'SIGINT', got '${shown(text)}'.`)
  }
  return `SIG${bare}`
}

/** One absolute path a line (or comma-separated), each mounted as a tmpfs. */
function parseWritablePaths(text: string): string[] {
  const paths = text
    .split(/[\r\n,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean)
  const bad = paths.find((entry) => !WRITABLE_PATH.test(entry) || entry.split('/').includes('..'))
  if (bad) throw new InputError(`The input 'writable-paths' takes absolute paths in the container such as '/tmp', got '${shown(bad)}'.`)
  return [...new Set(paths)]
}

/** `true` (default): the in-flight request goes to the health path; a path: to that route; `false`: no check. */
function parseShutdownCheck(text: string, healthPath: string): ContainerSettings['shutdownCheck'] {
  const value = text.trim()
  if (!value || value.toLowerCase() === 'true') return { path: healthPath }
  if (value.toLowerCase() === 'false') return false
  if (!value.startsWith('/') || /\s/.test(value)) {
    throw new InputError(`The input 'shutdown-check' must be 'true', 'false' or a path such as '/slow', got '${shown(value)}'.`)
  }
  return { path: value }
}
