// A start script the kernel could not run. Linux runs a script with the interpreter its `#!` line names: a file saved
// with Windows line endings names `/bin/sh\r`, which no image has; a file without that line (or with a byte order
// mark before it) is no program at all (`exec format error`); a file without its executable bit is refused. The
// container exits before Gunicorn starts, with one line from runc or the shell. The repository's file tells which.
import path from 'node:path'
import { contextPathOf } from '../container-paths.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

export type ScriptProblem = 'crlf' | 'no-shebang' | 'byte-order-mark' | 'interpreter-missing' | 'not-executable' | 'not-in-image' | 'not-a-program'

export interface UnrunnableScript {
  /** As the container named it: `./start.sh`, `/entrypoint.sh`. */
  script: string
  problem: ScriptProblem
  /** The interpreter its `#!` line names, e.g. `/bin/bash`. */
  interpreter?: string
  /** The repository file (relative to the repository root), when found. */
  file?: string
  /** The line that reported it. */
  line: string
}

/** What the runtime or the shell said, before the file is read. */
type Failure = 'no-such-file' | 'format' | 'denied' | 'crlf' | 'shell-not-found'

interface Refusal {
  script?: string
  failure: Failure
  line: string
}

// runc 1.1+ in the container's output: `exec ./start.sh: no such file or directory` (also `exec format error`,
// `permission denied`); older runc names no file: `standard_init_linux.go:228: exec user process caused: …`.
const RUNC_EXEC = /(?:^|[\s|])exec (\S+): (no such file or directory|exec format error|permission denied)\s*$/
const RUNC_USER_PROCESS = /exec user process caused:? "?(no such file or directory|exec format error|permission denied)"?/
// `docker run` refused it (runc checks the file before it starts the process).
const RUN_REFUSED = /exec: "([^"]+)": (permission denied|exec format error|stat \S+: no such file or directory)/
// env and bash show the carriage return the interpreter's name ends with: `/usr/bin/env: 'bash\r': No such file…`,
// `bash: ./start.sh: /bin/bash^M: bad interpreter: No such file or directory`.
const ENV_CARRIAGE_RETURN = /\/env: ['‘"]?[\w./-]+(?:\\r|\r)['’"]?: No such file or directory/
const BAD_INTERPRETER = /(?:^|\s)(\S+): (\/\S*?)(\^M|\r)?: bad interpreter: No such file or directory/
// A shell-form command: dash's `/bin/sh: 1: ./start.sh: not found` (for a file that exists: its interpreter does
// not), bash's `cannot execute: required file not found` and `Permission denied`.
// A carriage return in the interpreter's name, as a terminal shows it: the cursor went back to the line's start and the
// rest of the message overwrote it (`/usr/bin/env: 'bash\r': No such file…` is seen as `': No such file or directory`).
const CARRIAGE_RETURN_SEEN = /^\W{0,3}['‘"]: No such file or director/
// dash's `/app/prestart.sh: 2: <command>\r: not found` for a script it runs (`sh prestart.sh`, `. prestart.sh`), and as a
// terminal shows it, the return overwriting the line's start: `: not found2: /app/prestart.sh:`.
const CARRIAGE_RETURN_COMMAND = /^(\S+): \d+: (?:\S+: )?\S*\r: not found/
const CARRIAGE_RETURN_NOT_FOUND = /^: not found\S*\s.*?([\w./-]+\.sh)\b/
// supervisord's words for a program it could not start (its errno's name): `couldn't exec /app/start.sh: EACCES`.
const SUPERVISOR_REFUSED = /supervisor: couldn't exec (\S+): (EACCES|ENOENT|ENOEXEC)\b/
const SUPERVISOR_FAILURE: Record<string, Failure> = { EACCES: 'denied', ENOENT: 'no-such-file', ENOEXEC: 'format' }
const SHELL_REFUSED = /\bsh: (?:\d+: |line \d+: )?(\S+): (not found|Permission denied|cannot execute: required file not found)\s*$/

const FAILURE_OF: Record<string, Failure> = {
  'no such file or directory': 'no-such-file',
  'exec format error': 'format',
  'permission denied': 'denied'
}

/** The first line of the container's output that reports a start script the kernel or the shell refused. */
export function refusalIn(lines: readonly { text: string }[]): Refusal | undefined {
  for (const { text: raw } of lines) {
    // Most lines of a big log hold none of these words: a substring test before the patterns.
    if (raw.includes(': No such file or director') && CARRIAGE_RETURN_SEEN.test(stripLinePrefixes(raw).trim()))
      return { failure: 'crlf', line: raw.trim() }
    const seen = raw.includes(': not found') ? stripLinePrefixes(raw).trim() : undefined
    const returned = seen && (CARRIAGE_RETURN_COMMAND.exec(seen) ?? CARRIAGE_RETURN_NOT_FOUND.exec(seen))
    if (returned) return { script: returned[1], failure: 'crlf', line: raw.trim() }
    if (!raw.includes('exec') && !raw.includes('sh: ') && !raw.includes('/env: ') && !raw.includes('bad interpreter')) continue
    const line = raw.trim()
    let m = RUNC_EXEC.exec(line)
    if (m) return { script: m[1], failure: FAILURE_OF[m[2]], line }
    m = RUNC_USER_PROCESS.exec(line)
    if (m) return { failure: FAILURE_OF[m[1]], line }
    if (ENV_CARRIAGE_RETURN.test(line)) return { failure: 'crlf', line }
    m = BAD_INTERPRETER.exec(line)
    if (m) return { script: m[1], failure: m[3] ? 'crlf' : 'no-such-file', line }
    m = SUPERVISOR_REFUSED.exec(line)
    if (m) return { script: m[1], failure: SUPERVISOR_FAILURE[m[2]], line }
    m = SHELL_REFUSED.exec(line)
    if (m) return { script: m[1], failure: m[2] === 'Permission denied' ? 'denied' : 'shell-not-found', line }
  }
  return undefined
}

/** `docker run`'s error when runc refused the start script before starting it. */
export function refusalAtRun(message: string): Refusal | undefined {
  const m = RUN_REFUSED.exec(message)
  if (!m) return undefined
  const failure = m[2].startsWith('stat ') ? 'no-such-file' : FAILURE_OF[m[2]]
  return { script: m[1], failure, line: message }
}

/** Docker's words for a file that is not in the image at all (as opposed to one whose interpreter is missing). */
export function notInImage(refusal: Refusal): boolean {
  return refusal.failure === 'no-such-file' && refusal.line.includes(`stat `)
}

/** Which problem the refusal and the repository's copy of the script show; undefined when nothing says it is the script. */
export function scriptProblem(refusal: Refusal, text: string | undefined): Pick<UnrunnableScript, 'problem' | 'interpreter'> | undefined {
  if (refusal.failure === 'denied') return { problem: 'not-executable' }
  if (notInImage(refusal)) return { problem: 'not-in-image' }
  if (refusal.failure === 'crlf') return { problem: 'crlf' }
  if (text === undefined) {
    if (refusal.failure === 'format') return { problem: 'not-a-program' }
    // `/venv/bin/gunicorn: no such file or directory`: the interpreter its `#!` line names is gone; a shell's
    // `not found` may be a file that was never there.
    return refusal.failure === 'no-such-file' ? { problem: 'interpreter-missing' } : undefined
  }
  const firstLine = text.split('\n', 1)[0]
  if (firstLine.endsWith('\r')) return { problem: 'crlf' }
  if (firstLine.startsWith('\uFEFF')) return { problem: 'byte-order-mark' }
  if (!firstLine.startsWith('#!')) return refusal.failure === 'format' ? { problem: 'no-shebang' } : undefined
  const interpreter = /^#!\s*(\S+)/.exec(firstLine)?.[1]
  return refusal.failure === 'format' ? { problem: 'not-a-program' } : { problem: 'interpreter-missing', interpreter }
}

/**
 * The repository file a script path in the container comes from: a relative path against the WORKDIR (else the
 * build context's root), an absolute one by its longest tail that exists under the build context.
 */
export function scriptInRepository(script: string, workdir: string | undefined, exists: (contextRelative: string) => boolean): string | undefined {
  const absolute = script.startsWith('/') ? script : path.posix.join(workdir ?? '/', script)
  return contextPathOf(absolute, { workdirs: workdir ? [workdir] : [], exists, wholePath: true })
}

/** The image's own start program, when the log names none (old runc): the ENTRYPOINT's, else the command's. */
export function startProgram(started: readonly string[] | undefined): string | undefined {
  const program = started?.[0]
  // A shell-form command's program is the shell: the script is its `-c` string's first word.
  if (program && /(^|\/)(ba)?sh$/.test(program) && started?.[1] === '-c') return started[2]?.trim().split(/\s+/)[0]
  return program
}
