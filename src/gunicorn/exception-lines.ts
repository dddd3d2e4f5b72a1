// How an exception's own line looks: `Name: message` after a traceback, or on its own when a paste kept only it.
export const EXCEPTION_LINE = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:: ?(.*))?$/
const EXCEPTION_NAME = /(Error|Exception|Exit|Interrupt|Iteration|Warning|Timeout|Fault|Failure|HaltServer)$/
/** Exception lines worth reading even without a traceback around them (a paste that kept only the last line). */
// Any `SomeError:`/`SomeException:` (the final line of a traceback the log lost the start of), the builtins that
// do not end so, and a module's own class (`somepkg.errors.ConfigurationMissing: …`).
export const BARE_EXCEPTION = /^(KeyError|[A-Z][A-Za-z0-9]*(?:Error|Exception)|[a-z_]\w*(?:\.\w+)*\.(?:[A-Z]\w*|\w+(?:Error|Exception))): (.+)$/

/** `KeyError`, `psycopg2.OperationalError`, `django.core.exceptions.ImproperlyConfigured`; not `Loaded: 3 models`. */
export function looksLikeExceptionName(name: string): boolean {
  // The socket module's exceptions are lower-case (`socket.gaierror: [Errno -2] Name or service not known`).
  if (/^socket\.(gaierror|herror|timeout)$/.test(name)) return true
  const lastSegment = name.slice(name.lastIndexOf('.') + 1)
  if (EXCEPTION_NAME.test(lastSegment)) return true
  return name.includes('.') && /^[A-Z]/.test(lastSegment)
}
