// `[Errno 13] Permission denied: '<path>'` read as a write the process's user may not make, without a `user` input:
// the frames show a write (a log file handler, open() for writing, a directory made), or the paste kept only the
// exception line, where a path that is neither Python source nor a socket is most often a volume or a file another
// user owns (a host directory Docker created as root, a log file made during provisioning) under a non-root image.
import type { Traceback } from '../context.js'

/** Calls that create or write a file or directory, as a frame's code or function shows them. */
const WRITE_CALL =
  /\bFileHandler\b|\bopen\([^)]*,\s*(?:mode\s*=\s*)?['"][wax+]|\bos\.(?:mkdir|makedirs|mknod|chmod|chown|rename|replace)\(|\bmkstemp\(|\bNamedTemporaryFile\(|\bshutil\.(?:copy\w*|move)\(/
/** The standard library's file handlers open their file for appending (logging's FileHandler and its rotating kin). */
const LOG_HANDLER_FRAME = /\/logging\/(?:__init__|handlers)\.py$/

/** What Gunicorn binds or its control socket: refusals there are bind or socket failures, not a file the app writes. */
export const NOT_A_FILE_WRITE = /\.(?:py|pyc|sock|ctl)$|\/\.gunicorn(?:\/|$)/

/** The frames show a write (by the app, a library or the logging handler), outside Gunicorn's own modules. */
export function showsWrite(tb: Traceback): boolean {
  const innermost = tb.frames[tb.frames.length - 1]
  if (innermost && /\/gunicorn\//.test(innermost.file)) return false
  return tb.frames.some(
    (frame) => LOG_HANDLER_FRAME.test(frame.file) || WRITE_CALL.test(frame.code ?? '') || /^(?:mkdir|makedirs)$/.test(frame.func ?? '')
  )
}

/**
 * The path of a refused access the app (not Gunicorn's bind or socket) made, when the traceback shows it was a write
 * or shows no frames; or a read the app made at import: its own `open()` of a file, or the import of a module file
 * (`local_settings.py` on a volume) the process's user may not read.
 */
export function refusedAccess(tb: Traceback, path: string): 'write' | 'access' | undefined {
  // A module file, not Gunicorn's config file (`gunicorn.conf.py`), imported (or the paste kept no frame to say otherwise).
  const moduleRead =
    path.endsWith('.py') &&
    !/conf\.py$/.test(path) &&
    (tb.frames.length === 0 || tb.frames.some((frame) => frame.file.startsWith('<frozen importlib')))
  if (NOT_A_FILE_WRITE.test(path) && !moduleRead) return undefined
  if (tb.frames.length === 0) return 'access'
  if (showsWrite(tb)) return 'write'
  const innermost = tb.frames[tb.frames.length - 1]
  return moduleRead || (innermost && !/\/gunicorn\//.test(innermost.file) && /\bopen\(/.test(innermost.code ?? '')) ? 'access' : undefined
}
