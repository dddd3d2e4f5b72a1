// Gunicorn's `loglevel` above `info` hides its own INFO lines: `Starting gunicorn`, `Listening at`, `Booting worker`,
// `Handling signal`, `Worker exiting`, `Shutting down: Master`. A run must not read their absence as Gunicorn not
// starting, no worker booting or a stop signal not handled.
import type { GunicornFacts } from '../core/model.js'

const ABOVE_INFO = new Set(['warning', 'error', 'critical'])

/** The level hides Gunicorn's INFO lines (a production config's `loglevel = "warning"`). */
export const hidesInfoLines = (level: string | undefined): boolean => level !== undefined && ABOVE_INFO.has(level.trim().toLowerCase())

/** The level as a field to spread into a report, only when it hides INFO lines (else the field is left out). */
export const quietLogLevel = (level: string | undefined): { logLevel?: string } => (hidesInfoLines(level) ? { logLevel: level } : {})

type Workers = Pick<GunicornFacts, 'workersBooted' | 'workersExpected' | 'logLevel'>

/** No boot is in the log because the loglevel hides the `Booting worker` lines. */
export const bootsUnlogged = (g: Workers): boolean => g.workersBooted === 0 && hidesInfoLines(g.logLevel)

/** Booted/expected: `2/2`, or `?/2` when the loglevel hides the boots. */
export const workersFigure = (g: Workers): string => `${bootsUnlogged(g) ? '?' : g.workersBooted}/${g.workersExpected ?? '?'}`

/** `2/2 workers`, or `2 workers (boots not logged at loglevel warning)`. */
export function workersPhrase(g: Workers): string {
  if (!bootsUnlogged(g)) return `${workersFigure(g)} workers`
  return `${g.workersExpected ?? '?'} workers (boots not logged at \`loglevel\` ${g.logLevel})`
}
