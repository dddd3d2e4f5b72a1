// gevent patches the standard library's ssl when its worker starts; a module that imported ssl before that (the
// config file's logging setup, a server hook, --preload) keeps the unpatched class, and the first SSL context the
// app configures recurses through the two (gevent's issue 1016). Detection for the import-error reason.
import type { RuleContext, Traceback } from '../context.js'
import { exceptionIs } from './rule.js'

export interface SslPatchedLate {
  tb: Traceback
  /** gevent's own MonkeyPatchWarning, when the log has it. */
  warning?: string
  /** The modules the warning names as imported before the patch (`urllib3.util.ssl_`). */
  importedFirst: string[]
}

const WARNING = /Monkey-patching ssl after ssl has already been imported/
/** The stdlib's ssl.py setting a property of SSLContext (`options`, `verify_mode`, `minimum_version` …). */
const SSL_FRAME = (file: string) => /(^|\/)ssl\.py$/.test(file)

/** A RecursionError inside ssl.py's SSLContext, or one after gevent warned it patched ssl too late. */
export function sslPatchedLate(rc: RuleContext): SslPatchedLate | undefined {
  const warningLine = rc.ctx.lines.find((line) => line.text.includes('Monkey-patching ssl') && WARNING.test(line.text))
  const tb = rc.primaryTraceback(
    (t) => exceptionIs(t, 'RecursionError') && (t.frames.some((f) => SSL_FRAME(f.file)) || (warningLine !== undefined && t.frames.length === 0))
  )
  if (!tb) return undefined
  const listed = /Modules that had direct imports \(NOT patched\): \[(.*)\]/.exec(warningLine?.text ?? '')?.[1] ?? ''
  const importedFirst = [...listed.matchAll(/'([\w.]+) \(/g)].map((m) => m[1])
  return { tb, warning: warningLine?.text.trim(), importedFirst }
}
