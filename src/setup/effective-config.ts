// How many workers Gunicorn is configured to run, as Gunicorn itself computes it: `gunicorn --print-config`
// in the built image with the same command and environment (it reads gunicorn.conf.py, GUNICORN_CMD_ARGS and
// WEB_CONCURRENCY exactly as the real boot does). Falls back to the command line and the environment.
import fs from 'node:fs'
import path from 'node:path'
import { split as shellSplit } from 'shlex'
import { RUN_LABEL, runEnvironment, type RunIdentity } from '../docker/args.js'
import type { Docker, ImageInfo } from '../docker/docker.js'
import { parsePrintConfig } from '../gunicorn/print-config.js'
import type { Settings } from './inputs.js'

/** The argv the container will run: the image's ENTRYPOINT (unless a manifest's command replaces it) + the `command` input, else its CMD. */
export function startCommand(settings: Settings, imageInfo: ImageInfo | undefined): string[] {
  const entrypoint = settings.command && settings.host?.replacesEntrypoint ? [] : (imageInfo?.entrypoint ?? [])
  const cmd = settings.command ?? imageInfo?.cmd ?? []
  return [...entrypoint, ...cmd]
}

/** The Gunicorn argv inside a start command, unwrapping `sh -c "…"`, a launcher (`uv run`) and `python -m gunicorn`. */
export function gunicornArgv(argv: string[]): string[] | undefined {
  const shell = shellCommandOf(argv)
  if (shell !== undefined) {
    // Only the part after the last `exec`/`&&` runs the server, e.g. `sh -c "migrate && exec gunicorn app:app"`.
    const last = shell
      .split(/&&|;/)
      .pop()!
      .trim()
      .replace(/^exec\s+/, '')
    return gunicornArgv(safeSplit(last))
  }
  const from = launcherOf(argv).length
  const module = argv.findIndex((arg, i) => i >= from && arg === '-m' && argv[i + 1] === 'gunicorn')
  const python = argv.slice(from, module).findLastIndex((arg) => /(^|\/)python[\d.]*$/.test(arg))
  if (module >= 0 && python >= 0) return [argv[from + python], ...argv.slice(module)]
  const index = argv.findIndex((arg, i) => i >= from && /(^|\/)gunicorn$/.test(arg))
  if (index >= 0) return argv.slice(index)
  return undefined
}

// The tools that run a command inside the project's environment, and their options that take a value.
const LAUNCHER = /(^|\/)(uv|poetry|pipenv)$/
const LAUNCHER_VALUE_OPTIONS = new Set([
  '--with',
  '--with-requirements',
  '--python',
  '-p',
  '--extra',
  '--group',
  '--only-group',
  '--no-group',
  '--package',
  '--project',
  '--directory',
  '--env-file',
  '--index',
  '-C'
])

/** `uv run [options]`, `poetry run`, `pipenv run`: the words before the command they run (none when there is no launcher). */
export function launcherOf(argv: string[]): string[] {
  if (!LAUNCHER.test(argv[0] ?? '') || argv[1] !== 'run') return []
  let i = 2
  while (i < argv.length && argv[i].startsWith('-')) i += LAUNCHER_VALUE_OPTIONS.has(argv[i]) ? 2 : 1
  return argv.slice(0, i)
}

/** The script of `sh -c "…"` (bash, dash), else undefined. */
function shellCommandOf(argv: string[]): string | undefined {
  return argv.length >= 3 && /(^|\/)(ba|da)?sh$/.test(argv[0]) && argv[1] === '-c' ? argv[2] : undefined
}

/**
 * The command that asks Gunicorn for its configuration as the start command would run it: a shell command keeps its
 * shell (so `$PORT` still expands), a launcher keeps its environment (`uv run gunicorn … --print-config`), anything
 * else runs Gunicorn directly (not an entrypoint script, which may migrate a database first).
 */
export function printConfigCommand(start: string[]): { entrypoint: string; args: string[] } | undefined {
  const argv = gunicornArgv(start)
  if (!argv) return undefined
  const shell = shellCommandOf(start)
  if (shell !== undefined) return { entrypoint: start[0], args: ['-c', `${shell} --print-config`] }
  const launcher = launcherOf(start)
  if (launcher.length > 0) return { entrypoint: launcher[0], args: [...launcher.slice(1), ...argv, '--print-config'] }
  return { entrypoint: argv[0], args: [...argv.slice(1), '--print-config'] }
}

export async function effectiveWorkerCount(
  docker: Docker,
  settings: Settings,
  identity: RunIdentity,
  image: string,
  imageInfo: ImageInfo | undefined,
  onConfig?: (config: Record<string, string>) => void
): Promise<number | undefined> {
  const command = printConfigCommand(startCommand(settings, imageInfo))
  if (!command) return undefined
  const { entrypoint, args } = command
  const envArgs = ['--env', `PORT=${settings.port}`, ...settings.env.flatMap(([name]) => ['--env', name])]
  const result = await docker.runToCompletion(
    [
      'run',
      '--rm',
      '--name',
      `${identity.containerName}-config`,
      '--label',
      `${RUN_LABEL}=${identity.runKey}`,
      '--network',
      'none',
      ...envArgs,
      '--entrypoint',
      entrypoint,
      image,
      ...args
    ],
    runEnvironment(settings)
  )
  const config = result.exitCode === 0 ? parsePrintConfig(result.stdout) : {}
  if (result.exitCode === 0) onConfig?.(config)
  const workers = Number(config.workers)
  return Number.isInteger(workers) && workers > 0 ? workers : staticWorkerCount(settings, imageInfo)
}

/**
 * The worker count read without running anything, in Gunicorn's order of precedence: the command line, then
 * GUNICORN_CMD_ARGS, then the config file (a literal `workers = N`, or the WEB_CONCURRENCY idiom), then
 * WEB_CONCURRENCY, then Gunicorn's default of 1.
 */
export function staticWorkerCount(settings: Settings, imageInfo: ImageInfo | undefined): number | undefined {
  const argv = gunicornArgv(startCommand(settings, imageInfo))
  if (!argv) return undefined
  const env = new Map(settings.env)
  const fromArgs = workersOnCommandLine(argv) ?? workersOnCommandLine(safeSplit(env.get('GUNICORN_CMD_ARGS') ?? ''))
  if (fromArgs !== undefined) return fromArgs
  const concurrency = positive(env.get('WEB_CONCURRENCY'))
  const fromConfig = workersInConfigFile(settings, argv, imageInfo?.workdir, concurrency)
  // The config computes it (cpu_count() and the like): only Gunicorn knows (--print-config, or the boots).
  if (fromConfig === 'computed') return undefined
  return fromConfig ?? concurrency ?? 1
}

function workersOnCommandLine(argv: string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const inline = argv[i].match(/^(?:--workers=|-w)(\d+)$/)
    if (inline) return Number(inline[1])
    if ((argv[i] === '-w' || argv[i] === '--workers') && /^\d+$/.test(argv[i + 1] ?? '')) return Number(argv[i + 1])
  }
  return undefined
}

/**
 * Gunicorn's graceful_timeout read without running anything: the command line, GUNICORN_CMD_ARGS, a literal in the
 * config file, else Gunicorn's default of 30 s; undefined when the config computes it.
 */
export function staticGracefulTimeout(settings: Settings, imageInfo: ImageInfo | undefined): number | undefined {
  const argv = gunicornArgv(startCommand(settings, imageInfo))
  if (!argv) return undefined
  const env = new Map(settings.env)
  const fromArgs =
    optionOnCommandLine(argv, '--graceful-timeout') ?? optionOnCommandLine(safeSplit(env.get('GUNICORN_CMD_ARGS') ?? ''), '--graceful-timeout')
  if (fromArgs !== undefined) return fromArgs
  const text = configFileText(settings, argv, imageInfo?.workdir)
  const literal = text?.match(/^graceful_timeout\s*=\s*(\d+)\s*(#.*)?$/m)
  if (literal) return Number(literal[1])
  return text !== undefined && /^graceful_timeout\s*=/m.test(text) ? undefined : 30
}

function optionOnCommandLine(argv: string[], option: string): number | undefined {
  const value = optionValue(argv, option)
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined
}

/** The value an option is given on a command line: `--option value` or `--option=value`. */
function optionValue(argv: string[], option: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith(`${option}=`)) return argv[i].slice(option.length + 1)
    if (argv[i] === option && argv[i + 1] !== undefined) return argv[i + 1]
  }
  return undefined
}

/**
 * Gunicorn's loglevel read without running anything: the command line, GUNICORN_CMD_ARGS, a literal in the config
 * file; undefined when none sets it (Gunicorn's default is `info`) or the config computes it.
 */
export function staticLogLevel(settings: Settings, imageInfo: ImageInfo | undefined): string | undefined {
  const argv = gunicornArgv(startCommand(settings, imageInfo))
  if (!argv) return undefined
  const fromArgs = optionValue(argv, '--log-level') ?? optionValue(safeSplit(new Map(settings.env).get('GUNICORN_CMD_ARGS') ?? ''), '--log-level')
  if (fromArgs !== undefined) return fromArgs
  return configFileText(settings, argv, imageInfo?.workdir)?.match(/^loglevel\s*=\s*['"](\w+)['"]\s*(?:#.*)?$/m)?.[1]
}

/** The config file as the image has it, read from the build context (the usual `COPY . .` into WORKDIR). */
function configFileText(settings: Settings, argv: string[], workdir: string | undefined): string | undefined {
  let configPath = 'gunicorn.conf.py'
  argv.forEach((arg, i) => {
    if ((arg === '-c' || arg === '--config') && argv[i + 1]) configPath = argv[i + 1]
    else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length)
  })
  configPath = configPath.replace(/^python:/, '')
  if (path.posix.isAbsolute(configPath)) {
    if (!workdir || !configPath.startsWith(`${workdir.replace(/\/$/, '')}/`)) return undefined
    configPath = configPath.slice(workdir.replace(/\/$/, '').length + 1)
  }
  try {
    return fs.readFileSync(path.join(settings.context, configPath), 'utf8')
  } catch {
    return undefined
  }
}

function workersInConfigFile(
  settings: Settings,
  argv: string[],
  workdir: string | undefined,
  concurrency: number | undefined
): number | 'computed' | undefined {
  const text = configFileText(settings, argv, workdir)
  if (text === undefined) return undefined
  const literal = text.match(/^workers\s*=\s*(\d+)\s*(#.*)?$/m)
  if (literal) return Number(literal[1])
  const idiom = text.match(/^workers\s*=\s*int\(\s*os\.environ\.get\(\s*["']WEB_CONCURRENCY["']\s*,\s*["']?(\d+)["']?\s*\)\s*\)/m)
  if (idiom) return concurrency ?? Number(idiom[1])
  return /^workers\s*=/m.test(text) ? 'computed' : undefined
}

function positive(text: string | undefined): number | undefined {
  return text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined
}

function safeSplit(text: string): string[] {
  try {
    return shellSplit(text)
  } catch {
    return []
  }
}
