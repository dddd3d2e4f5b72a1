// What the diagnosis knows about a run, and the lookups every rule shares: the repository's files,
// traceback frames mapped back to repository paths, and the Gunicorn line that ended the boot.

import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { FailedOutcome, HealthResult, LogLine, ShutdownResult, SourceLocation, WebSocketResult } from '../core/model.js'
import type { BootState } from '../gunicorn/boot-tracker.js'
import type { EventOf, GunicornEvent, TracebackFrame } from '../gunicorn/log-parser.js'
import type { StartCommandElsewhere } from '../setup/start-command-search.js'
import { recordTexts } from '../gunicorn/structured-lines.js'
import { linesIndentedAfter } from './continuations.js'
import { contextPathOf, lastCommandLine } from './container-paths.js'
import { embeddedExceptions } from './embedded-exceptions.js'

export interface DiagnosisContext {
  outcome: FailedOutcome
  lines: LogLine[]
  events: GunicornEvent[]
  state: BootState
  container: {
    exitCode?: number
    oomKilled?: boolean
    memoryLimit?: string
    running: boolean
    /** Docker's `oom` events for the container during the run (the cgroup hit its limit; cgroup v1 and v2). */
    oomEvents?: number
  }
  health?: HealthResult
  websocket?: WebSocketResult
  settings: {
    port: number
    timeoutSec: number
    healthPath: string
    healthStatus: string
    hostHeader?: string
    /** The host the run boots like, when it sets PORT: its name, the value and the words it logs when nothing listens there. */
    host?: { name: string; port: number; assigned: boolean; words?: string }
    /** The `read-only` and `user` inputs: the container ran with a read-only root, as this user. */
    readOnly?: boolean
    user?: string
    /** Gunicorn's `loglevel` when it is above `info`: its `Starting gunicorn` and `Booting worker` lines are not logged. */
    logLevel?: string
  }
  paths: {
    repoRoot: string
    /** Absolute. */
    contextDir: string
    /** The image's WORKDIR, e.g. /app. */
    workdir?: string
    /** The Dockerfile, absolute; defaults to <contextDir>/Dockerfile. */
    dockerfile?: string
  }
  /** The image's own start command, and one the repository keeps elsewhere (a compose file, a Procfile). */
  image?: {
    entrypoint?: string[]
    cmd?: string[]
    /** The `command` input (or a Procfile the run used) replaced the image's CMD. */
    commandGiven: boolean
    /** The argv the container ran: the ENTRYPOINT (unless a manifest's `command` replaced it), then the command or CMD. */
    started?: string[]
    startCommandElsewhere?: StartCommandElsewhere
  }
  /** The run asked a worker stuck while booting for its stack (SIGSEGV, printed by faulthandler). */
  stackRequest?: StackRequest
  /** The graceful-shutdown check of a run that was healthy until the stop signal. */
  shutdown?: ShutdownResult
  env: {
    /** Names given to the container. */
    provided: string[]
    /** Names a host blueprint fills, e.g. render.yaml `sync: false`. */
    hostFilled?: string[]
  }
}

export interface StackRequest {
  pid: number
  /** Log lines up to this seq were there before the signal: a dump after it is the answer. */
  afterSeq: number
  /** How long the worker had been booting when it was asked. */
  stuckForMs: number
  /** How the signal was sent, e.g. `docker exec sh -c kill`. */
  via: string
}

export type Traceback = EventOf<'traceback'>

const COMMON_WORKDIRS = ['/app', '/code', '/srv', '/usr/src/app', '/opt/app', '/home/app', '/workspace', '/src']
// The standard library wherever Python is installed (`/usr/lib/python3.12/`, pyenv's or a host's own build:
// `/opt/render/project/python/Python-3.14.3/lib/python3.14/`), installed packages, the interpreter's own frames.
export const LIBRARY_PATH = /(site-packages|dist-packages)\/|^<frozen |\/lib(?:64)?\/python\d(?:\.\d+)?\/|^\/usr\/(local\/)?bin\/|^<string>$/

// `raise SomeError("words")` (or `'words'`): the class and the literal it is raised with.
const RAISE_WITH_WORDS = /^raise\s+(?:[\w.]+\.)?(\w+)\(\s*f?(["'])(.+?)\2\s*[,)]/

/** Read-only view of the repository, paths relative to the repository root. */
export class RepoFiles {
  private readonly cache = new Map<string, string | undefined>()

  constructor(readonly repoRoot: string) {}

  absolute(relative: string): string {
    return path.resolve(this.repoRoot, relative)
  }

  isFile(relative: string): boolean {
    try {
      return statSync(this.absolute(relative)).isFile()
    } catch {
      return false
    }
  }

  read(relative: string): string | undefined {
    if (!this.cache.has(relative)) {
      let text: string | undefined
      try {
        text = this.isFile(relative) ? readFileSync(this.absolute(relative), 'utf8') : undefined
      } catch {
        text = undefined
      }
      this.cache.set(relative, text)
    }
    return this.cache.get(relative)
  }

  /** First line (1-based) matching, with its text. */
  findLine(relative: string, pattern: RegExp): { line: number; text: string } | undefined {
    const text = this.read(relative)
    if (text === undefined) return undefined
    const lines = text.split('\n')
    const index = lines.findIndex((line) => pattern.test(line))
    return index === -1 ? undefined : { line: index + 1, text: lines[index] }
  }
}

/** `file:line` of a user frame: the repository's path when the file is there, else the container's. */
export const frameAt = (frame: UserFrame | undefined): string | undefined =>
  frame && `${frame.location?.file ?? frame.frame.file}:${frame.frame.line}`

export interface UserFrame {
  frame: TracebackFrame
  /** Set when the file exists in the repository. */
  location?: SourceLocation
  /** The frame's lines as printed: `File "…", line N, in f` and its code. */
  text: string[]
}

/** Derived facts shared by the rules; built once per diagnosis. */
export class RuleContext {
  readonly repo: RepoFiles
  readonly tracebacks: Traceback[]
  /** Relative (to the repo root, POSIX) path of the build context: '' when it is the root. */
  readonly contextRel: string

  readonly ctx: DiagnosisContext

  constructor(ctx: DiagnosisContext) {
    // Rules read the program's text: a JSON record's message and exception fields, not the record.
    const lines = recordTexts(ctx.lines)
    this.ctx = lines === ctx.lines ? ctx : { ...ctx, lines }
    this.repo = new RepoFiles(ctx.paths.repoRoot)
    const parsed = ctx.events.filter((event): event is Traceback => event.kind === 'traceback')
    // Without a traceback the parser read (Gunicorn's own HaltServer aside), an exception line inside another's text.
    this.tracebacks = parsed.some((tb) => !tb.exception.type.endsWith('HaltServer')) ? parsed : [...parsed, ...embeddedExceptions(this.ctx.lines)]
    this.contextRel = toPosix(path.relative(ctx.paths.repoRoot, ctx.paths.contextDir))
  }

  ofKind<K extends GunicornEvent['kind']>(kind: K): EventOf<K>[] {
    return this.ctx.events.filter((event): event is EventOf<K> => event.kind === kind)
  }

  /** The first traceback that explains the failure: a worker's or the master's, not Gunicorn's own HaltServer. */
  primaryTraceback(match?: (tb: Traceback) => boolean): Traceback | undefined {
    const candidates = this.tracebacks.filter((tb) => !tb.exception.type.endsWith('HaltServer') && (!match || match(tb)))
    // A worker's traceback, else one with frames (a bare exception line repeats what a full traceback says).
    return candidates.find((tb) => tb.pid !== undefined) ?? candidates.find((tb) => tb.frames.length > 0) ?? candidates[0]
  }

  /** Path relative to the repository root for a path relative to the build context. */
  inContext(relative: string): string {
    return toPosix(path.posix.join(this.contextRel, relative))
  }

  /** Maps a container path back into the repository; undefined when no such file exists there. */
  mapContainerPath(containerPath: string): string | undefined {
    if (!containerPath.startsWith('/') || LIBRARY_PATH.test(containerPath)) return undefined
    const workdirs = this.ctx.paths.workdir ? [this.ctx.paths.workdir, ...COMMON_WORKDIRS] : COMMON_WORKDIRS
    const found = contextPathOf(containerPath, { workdirs, exists: (relative) => this.repo.isFile(this.inContext(relative)) })
    return found === undefined ? undefined : this.inContext(found)
  }

  /**
   * Tracebacks grouped as Python printed them: a first one, then those chained to it ("During handling of the
   * above exception…", "…was the direct cause…"). Each chain ends with the exception that was actually raised.
   */
  tracebackChains(): Traceback[][] {
    const chains: Traceback[][] = []
    for (const tb of this.tracebacks) {
      if (tb.chained && chains.length > 0) chains[chains.length - 1].push(tb)
      else chains.push([tb])
    }
    return chains
  }

  /** The deepest frame in the user's code (mapped into the repo when possible). */
  userFrame(tb: Pick<Traceback, 'frames'> | undefined): UserFrame | undefined {
    if (!tb) return undefined
    let fallback: UserFrame | undefined
    for (let i = tb.frames.length - 1; i >= 0; i--) {
      const frame = tb.frames[i]
      if (LIBRARY_PATH.test(frame.file)) continue
      const text = frameText(frame)
      const file = this.mapContainerPath(frame.file)
      if (file) return { frame, location: { file, line: frame.line, containerPath: frame.file }, text }
      fallback ??= { frame, text }
    }
    return fallback
  }

  /** `file:line` of the app's innermost frame: the repository's path when the file is there, else the container's. */
  userFrameAt(tb: Pick<Traceback, 'frames'> | undefined): string | undefined {
    return frameAt(this.userFrame(tb))
  }

  /** The Gunicorn line that ended the boot: `Reason: …`, HaltServer, `exited with code`, `Can't connect`. */
  gunicornOutcomeLine(): string | undefined {
    const priorities: GunicornEvent['kind'][] = ['shutdown', 'halt-server', 'cant-connect', 'worker-exit', 'worker-signal']
    for (const kind of priorities) {
      const events = this.ofKind(kind)
      const event = kind === 'shutdown' ? events.find((e) => (e as EventOf<'shutdown'>).reason) : events[0]
      if (event) return event.lines[0].text
    }
    return undefined
  }

  /**
   * The exception's message and the indented lines Python printed after it: libpq's hint (`Is the server running on
   * host "db"`), a RuntimeError whose message starts on the next line.
   */
  exceptionText(tb: Traceback): string {
    return [tb.exception.message, ...this.indentedAfter(tb.lines[tb.lines.length - 1])].join(' ').trim()
  }

  /**
   * The exception's message; for a class whose message Python does not print (`exception.JudgeClientError` alone), the
   * words its innermost `raise` line gives it (`raise JudgeClientError("env 'TOKEN' not found")`).
   */
  exceptionMessage(tb: Traceback): string {
    if (/\w/.test(tb.exception.message)) return tb.exception.message
    const raised = RAISE_WITH_WORDS.exec(tb.frames[tb.frames.length - 1]?.code ?? '')
    return raised && tb.exception.type.endsWith(raised[1]) ? raised[3] : tb.exception.message
  }

  /** The indented lines right after a line (at most three, without a shipper's prefix), trimmed. */
  indentedAfter(line: LogLine | undefined): string[] {
    return line ? linesIndentedAfter(this.ctx.lines, line) : []
  }

  /** Evidence for a traceback: the user frame, the exception line, then the Gunicorn outcome line. */
  tracebackEvidence(tb: Traceback, frame = this.userFrame(tb)): string[] {
    const evidence = [...(frame?.text ?? []), tb.exception.line]
    const outcome = this.gunicornOutcomeLine()
    if (outcome) evidence.push(outcome)
    return evidence
  }

  /** The Dockerfile path relative to the repo root, if it exists. */
  dockerfile(): string | undefined {
    const absolute = this.ctx.paths.dockerfile ?? path.join(this.ctx.paths.contextDir, 'Dockerfile')
    const relative = toPosix(path.relative(this.ctx.paths.repoRoot, absolute))
    return this.repo.isFile(relative) ? relative : undefined
  }

  /** The CMD/ENTRYPOINT line of the Dockerfile (last one wins in Docker, so the last is returned). */
  dockerCommandLine(): { file: string; line: number; text: string } | undefined {
    const file = this.dockerfile()
    const text = file ? this.repo.read(file) : undefined
    const command = text === undefined ? undefined : lastCommandLine(text)
    return file && command ? { file, ...command } : undefined
  }

  /** The Gunicorn config file used: `-c/--config X` in the Dockerfile command, else ./gunicorn.conf.py. */
  gunicornConfigFile(): string | undefined {
    const command = this.dockerCommandLine()?.text ?? ''
    const explicit = /(?:-c|--config)["',\s=]+["']?([^"'\s,\]]+)/.exec(command)?.[1]
    const names = explicit ? [explicit.replace(/^python:/, '').replace(/^\.\//, '')] : ['gunicorn.conf.py']
    for (const name of names) {
      const candidate = this.inContext(name)
      if (this.repo.isFile(candidate)) return candidate
    }
    return undefined
  }

  /** First requirements file in the build context. */
  requirementsFile(): string | undefined {
    for (const name of [
      'requirements.txt',
      'requirements/base.txt',
      'requirements/prod.txt',
      'requirements/production.txt',
      'pyproject.toml',
      'Pipfile',
      'setup.py'
    ]) {
      const candidate = this.inContext(name)
      if (this.repo.isFile(candidate)) return candidate
    }
    return undefined
  }

  /** Python module `a.b` → its file in the context (`a/b.py` or `a/b/__init__.py`). */
  moduleFile(moduleName: string): string | undefined {
    const base = moduleName.replace(/\./g, '/')
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
      const relative = this.inContext(candidate)
      if (this.repo.isFile(relative)) return relative
    }
    return undefined
  }

  /** Whether a module or package directory of that name exists anywhere near the context root. */
  localModuleExists(moduleName: string): string | undefined {
    const top = moduleName.split('.')[0]
    for (const candidate of [`${top}.py`, `${top}/__init__.py`, `src/${top}.py`, `src/${top}/__init__.py`]) {
      const relative = this.inContext(candidate)
      if (this.repo.isFile(relative)) return relative
    }
    const dir = this.repo.absolute(this.inContext(top))
    return existsSync(dir) && statSync(dir).isDirectory() ? this.inContext(top) : undefined
  }
}

export function frameText(frame: TracebackFrame): string[] {
  const head = `  File "${frame.file}", line ${frame.line}${frame.func ? `, in ${frame.func}` : ''}`
  return frame.code ? [head, `    ${frame.code}`] : [head]
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}
