// Frames the hosts and shippers put around a program's lines, each in its own documented format: a corpus log read
// in one of them must be diagnosed as it is read bare (scripts/corpus-framings.mjs, __tests__/corpus-framings.test.ts).
const iso = (i: number): string => new Date(Date.UTC(2026, 4, 1, 10, 0, 0, i * 7)).toISOString()
const json = (value: unknown): string => JSON.stringify(value)
/** Each frame rewrites one line (its index given for the clock); every frame is a host's or shipper's own format. */
export const FRAMES: Record<string, (line: string, index: number) => string> = {
  'kubectl logs --timestamps': (line, i) => `${iso(i).replace('Z', '123456Z')} ${line}`,
  'docker json-file': (line, i) => json({ log: `${line}\n`, stream: 'stderr', time: iso(i) }),
  'Cloud Logging JSON': (line, i) => json({ textPayload: line, insertId: `a${i}`, severity: 'ERROR', timestamp: iso(i) }),
  Heroku: (line, i) => `${iso(i).replace('Z', '+00:00')} app[web.1]: ${line}`,
  journald: (line, i) => `May 01 10:00:${String(i % 60).padStart(2, '0')} web-01 gunicorn[2231]: ${line}`,
  Compose: (line) => `web-1  | ${line}`,
  'fly.io': (line, i) => `${iso(i).slice(0, -1)} app[148e272c7d3e89] ams [info] ${line}`,
  'CloudWatch (ECS console)': (line, i) => `${iso(i)}\t${line}`,
  'Markdown quote': (line) => `> ${line}`,
  'four-space indent': (line) => `    ${line}`,
  // A paste from Windows, or `docker logs` of a container started with a terminal
  'CRLF line ends': (line) => `${line}\r`
}

/** The log with every line in the frame. */
export function framed(log: string, frame: (line: string, index: number) => string): string {
  return `${log.replace(/\n$/, '').split('\n').map(frame).join('\n')}\n`
}

/** Gunicorn's INFO record: a line holding one only (a paste that collapsed several records into one line is kept). */
const INFO_RECORD = /\[\d+\] \[INFO\] /g

/** The log as Gunicorn prints it at `loglevel = "warning"`: its INFO lines (start, listening, boots, exits) left out. */
export function atLogLevelWarning(log: string): string {
  return `${log
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => (line.match(INFO_RECORD) ?? []).length !== 1)
    .join('\n')}\n`
}
