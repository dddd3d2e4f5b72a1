// The frames a build's output comes in besides the builder's own: a CI's or a tool's prefix on every line (GitHub
// Actions' timestamps, Cloud Build's `Step #1 - "build": `, Compose's `web-1  | `), and the builder's step prefixes
// (`#12 4.217 `, a summary block's `0.501 `). Taken off, the installer's own lines read the same in every frame.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/** Prefixes that wrap every line of a log, outermost first; each may be absent. */
const OUTER_PREFIXES = [
  // GitHub Actions' raw log (`2024-05-01T12:34:56.1234567Z `), a dev container's (`2025-03-09 15:44:11.997Z: `).
  /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?Z:? ?/,
  // A build system's time of day on every line (`22:30:19 Step 6/10 : RUN …`).
  /^\d\d:\d\d:\d\d(?:\.\d+)? /,
  // GitHub Actions' workflow commands, as the raw log keeps them.
  /^##\[(?:error|warning|notice|debug)\]/,
  // Cloud Build: `Step #1 - "build": ` (a named step) or `Step #0: `.
  /^Step #\d+(?: - "[^"]*")?: ?/,
  // Compose v2 (`web-1  | `) and v1 (`web_1  | `): a service's container log.
  /^[A-Za-z0-9][\w.-]*[-_]\d+\s+\| ?/
]

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

/** A line without colours, a carriage return or the prefixes a CI or Compose put before every line. */
export function unwrapLine(raw: string): string {
  let line = stripAnsi(raw).replace(/\r$/, '')
  // A terminal's progress redraws a line in place: what stays on screen is the text after the last `\r`.
  if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1)
  for (let changed = true; changed;) {
    changed = false
    for (const prefix of OUTER_PREFIXES) {
      const next = line.replace(prefix, '')
      if (next !== line) {
        line = next
        changed = true
      }
    }
  }
  return line
}

/**
 * A line as the step printed it: without BuildKit's `#12 4.217 ` (or a summary block's `4.217 `), the legacy
 * builder's ` ---> ` chatter emptied. The indentation after the prefix is kept (apt's and pip's blocks use it).
 */
export function stepText(line: string): string {
  if (/^ ---> |^Removing intermediate container /.test(line)) return ''
  return line.replace(/^#\d+ (?:\d+\.\d+(?: |$))?/, '').replace(/^\d+\.\d+(?: |$)/, '')
}

/** Every line of the output as the steps printed them, the builders' frames taken off: where evidence is read. */
export function outputText(lines: string[]): string[] {
  return lines.map(stepText).filter((line) => line.trim() !== '')
}
