// "Where is the culprit": the image command line, a gunicorn.conf.py setting line, the user's frame.
// Rules ask these and pick the first that applies; none of them invents a location that is not in the repo.
import { readdirSync, type Dirent } from 'node:fs'
import path from 'node:path'
import type { FaultFrame } from '../../gunicorn/faulthandler.js'
import type { SourceLocation } from '../../core/model.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import type { RuleContext, Traceback } from '../context.js'

/** A line of a repository file, with its text. */
export interface FoundLine {
  file: string
  line: number
  text: string
}

/** The CMD/ENTRYPOINT line of the Dockerfile the run built (`paths.dockerfile`, else <context>/Dockerfile). */
export function commandLine(rc: RuleContext): FoundLine | undefined {
  return rc.dockerCommandLine()
}

/** The line of gunicorn.conf.py that sets `setting` (a name, or a pattern for the whole line). */
export function configSetting(rc: RuleContext, setting: string | RegExp): FoundLine | undefined {
  const config = rc.gunicornConfigFile()
  if (!config) return undefined
  const pattern = typeof setting === 'string' ? new RegExp(`^\\s*${setting}\\s*=`) : setting
  const found = rc.repo.findLine(config, pattern)
  return found ? { file: config, ...found } : undefined
}

/**
 * The first line matching `pattern` in the shell script the image's command runs (`CMD ["./start.sh"]`,
 * `ENTRYPOINT ["/app/docker-entrypoint.sh"]`, `CMD sh scripts/start.sh`), comments skipped.
 */
export function startScriptLine(rc: RuleContext, pattern: RegExp): FoundLine | undefined {
  const image = rc.ctx.image
  // What the container ran when the run knows it: a given command or a manifest's ENTRYPOINT replacement means the
  // Dockerfile's own CMD/ENTRYPOINT scripts never started.
  const words = image?.started ?? [...(image?.entrypoint ?? []), ...(image?.cmd ?? []), ...commandWords(commandLine(rc)?.text)]
  // `sh -c "./migrate.sh && exec gunicorn …"` holds the script inside one argv word.
  const scripts = new Set(
    words
      .flatMap((word) => word.split(/[\s;&|()]+/))
      .map((word) => scriptFile(rc, word))
      .filter((file): file is string => file !== undefined)
  )
  for (const file of scripts) {
    const found = rc.repo.findLine(file, new RegExp(`^(?!\\s*#).*${pattern.source}`))
    if (found) return { file, ...found }
  }
  return undefined
}

/** The `web:` line of the Procfile beside the Dockerfile (or at the root) when it matches `pattern`. */
export function procfileLine(rc: RuleContext, pattern: RegExp): FoundLine | undefined {
  for (const file of new Set([rc.inContext('Procfile'), 'Procfile'])) {
    const found = rc.repo.findLine(file, new RegExp(`^web:.*${pattern.source}`))
    if (found) return { file, ...found }
  }
  return undefined
}

/** The words of a CMD/ENTRYPOINT line, exec form or shell form. */
function commandWords(text: string | undefined): string[] {
  const body = text?.replace(/^\s*(CMD|ENTRYPOINT)\s+/i, '') ?? ''
  return body.split(/[\s"',[\]]+/).filter(Boolean)
}

/** A command word that names a script of the repository: a container path, or one relative to the WORKDIR. */
function scriptFile(rc: RuleContext, word: string): string | undefined {
  if (!/\.(sh|bash)$/.test(word) && !/^\.\//.test(word)) return undefined
  if (word.startsWith('/')) return rc.mapContainerPath(word)
  const file = rc.inContext(word.replace(/^\.\//, ''))
  return rc.repo.isFile(file) ? file : undefined
}

/** The deepest frame of the user's code in a traceback, when it maps to a repository file. */
export function frameLocation(rc: RuleContext, tb: Traceback | undefined): SourceLocation | undefined {
  return rc.userFrame(tb)?.location
}

/** The location of the first line that is there. */
export function firstLocation(...candidates: (FoundLine | undefined | false)[]): SourceLocation | undefined {
  const found = candidates.find((candidate): candidate is FoundLine => Boolean(candidate))
  return found ? { file: found.file, line: found.line } : undefined
}

/** A faulthandler frame in the user's code, with the line's text as the repository has it. */
export interface FaultUserFrame {
  frame: FaultFrame
  location: SourceLocation
  /** The line without its trailing comment, e.g. `time.sleep(3600)`. */
  code?: string
}

/** The innermost frame (faulthandler prints the most recent call first) that maps to a repository file. */
export function faultUserFrame(rc: RuleContext, frames: readonly FaultFrame[]): FaultUserFrame | undefined {
  for (const frame of frames) {
    const file = rc.mapContainerPath(frame.file)
    if (!file) continue
    const text = rc.repo.read(file)?.split('\n')[frame.line - 1]
    const code = text?.replace(/\s+#[^'"]*$/, '').trim()
    return { frame, location: { file, line: frame.line, containerPath: frame.file }, code: code || undefined }
  }
  return undefined
}

/** The first line matching `pattern` in the build context's Python files (settings modules are found this way). */
export function pythonLine(rc: RuleContext, pattern: RegExp, maxFiles = 300): FoundLine | undefined {
  const root = rc.repo.absolute(rc.contextRel || '.')
  const queue = ['']
  let seen = 0
  while (queue.length > 0 && seen < maxFiles) {
    const dir = queue.shift()!
    let entries: Dirent[]
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) queue.push(relative)
      if (!entry.isFile() || !entry.name.endsWith('.py')) continue
      seen++
      const file = rc.inContext(relative)
      const found = rc.repo.findLine(file, pattern)
      if (found) return { file, ...found }
    }
  }
  return undefined
}

const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages', 'dist-packages', 'migrations'])

/**
 * A setting as Gunicorn's debug dump of its configuration shows it (`  bind: ['*:80']`, `  default_proc_name: app.wsgi`),
 * whatever frame the log came in: the value as Gunicorn holds it, as written.
 */
export function dumpedSetting(rc: RuleContext, name: string): { value: string; line: string } | undefined {
  const key = `${name}: `
  for (const line of rc.ctx.lines) {
    if (!line.text.includes(key)) continue
    // Indented under `Current configuration:` (by two, or more where a paste indented every line).
    const text = stripLinePrefixes(line.text).trim()
    if (/^\s/.test(stripLinePrefixes(line.text)) && text.startsWith(key) && text.length > key.length)
      return { value: text.slice(key.length).trim(), line: text }
  }
  return undefined
}
