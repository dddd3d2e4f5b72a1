// `gunicorn --print-config APP` prints every effective setting as sorted, padded `name = value` lines
// (all versions from 20.1). Values are Python reprs: `['0.0.0.0:8000']`, `None`, `{}`.

const SETTING_LINE = /^([a-z_][a-z0-9_]*)\s+= ?(.*)$/

export function parsePrintConfig(stdout: string): Record<string, string> {
  const settings: Record<string, string> = {}
  let last: string | undefined
  for (const rawLine of stdout.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    const m = SETTING_LINE.exec(line)
    if (m) {
      last = m[1]
      settings[last] = m[2].trimEnd()
    } else if (last !== undefined && line.trim() !== '' && /^\s/.test(line)) {
      // A value whose repr spans lines (rare: a multi-line string default).
      settings[last] += `\n${line}`
    }
  }
  return settings
}

/**
 * How many workers Gunicorn will start. `workers` in the printed config already reflects WEB_CONCURRENCY when
 * --print-config ran with the container's environment; otherwise WEB_CONCURRENCY is Gunicorn's default.
 */
export function expectedWorkerCount(settings: Record<string, string>, env: Record<string, string | undefined> = {}): number | undefined {
  const printed = parsePositiveInt(settings.workers)
  if (printed !== undefined) return printed
  const fromEnv = parsePositiveInt(env.WEB_CONCURRENCY)
  if (fromEnv !== undefined) return fromEnv
  return Object.keys(settings).length > 0 ? 1 : undefined
}

/** `['0.0.0.0:8000', 'unix:/tmp/g.sock']` → the addresses. */
export function printedBinds(settings: Record<string, string>): string[] {
  const value = settings.bind
  if (!value) return []
  return [...value.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2])
}

function parsePositiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}
