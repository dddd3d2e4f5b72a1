// How many workers Gunicorn is configured to run, as Gunicorn itself computes it: `gunicorn --print-config`
// in the built image with the same command and environment (it reads gunicorn.conf.py, GUNICORN_CMD_ARGS and
// WEB_CONCURRENCY exactly as the real boot does). Falls back to the command line and the environment.
import { split as shellSplit } from 'shlex'
import { RUN_LABEL, runEnvironment, type RunIdentity } from './docker/args.js'
import type { Docker, ImageInfo } from './docker/docker.js'
import { parsePrintConfig } from './gunicorn/print-config.js'
import type { Settings } from './inputs.js'

/** The argv the container will run: the `command` input, else the image's ENTRYPOINT + CMD. */
export function startCommand(settings: Settings, imageInfo: ImageInfo | undefined): string[] {
  const entrypoint = imageInfo?.entrypoint ?? []
  const cmd = settings.command ?? imageInfo?.cmd ?? []
  return [...entrypoint, ...cmd]
}

/** The Gunicorn argv inside a start command, unwrapping `sh -c "…"` and `python -m gunicorn`. */
export function gunicornArgv(argv: string[]): string[] | undefined {
  if (argv.length >= 3 && /(^|\/)(ba|da)?sh$/.test(argv[0]) && argv[1] === '-c') {
    // Only the part after the last `exec`/`&&` runs the server, e.g. `sh -c "migrate && exec gunicorn app:app"`.
    const last = argv[2]
      .split(/&&|;/)
      .pop()!
      .trim()
      .replace(/^exec\s+/, '')
    try {
      return gunicornArgv(shellSplit(last))
    } catch {
      return undefined
    }
  }
  const index = argv.findIndex((arg) => /(^|\/)gunicorn$/.test(arg))
  if (index >= 0) return argv.slice(index)
  const module = argv.findIndex((arg, i) => arg === '-m' && argv[i + 1] === 'gunicorn' && /python/.test(argv[0]))
  if (module >= 0) return [argv[0], ...argv.slice(module)]
  return undefined
}

export async function effectiveWorkerCount(
  docker: Docker,
  settings: Settings,
  identity: RunIdentity,
  image: string,
  imageInfo: ImageInfo | undefined
): Promise<number | undefined> {
  const start = startCommand(settings, imageInfo)
  const argv = gunicornArgv(start)
  if (!argv) return workersFromArgs([], settings)
  // A shell command (Procfile, render.yaml dockerCommand, `sh -c`) keeps its shell, so `$PORT` still expands.
  const viaShell = start.length >= 3 && /(^|\/)(ba|da)?sh$/.test(start[0]) && start[1] === '-c'
  const entrypoint = viaShell ? start[0] : argv[0]
  const args = viaShell ? ['-c', `${start[2]} --print-config`] : [...argv.slice(1), '--print-config']
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
  const workers = Number(config.workers)
  return Number.isInteger(workers) && workers > 0 ? workers : workersFromArgs(argv, settings)
}

/** `-w N` / `--workers N` / `--workers=N` on the command line, else WEB_CONCURRENCY, else Gunicorn's default 1. */
export function workersFromArgs(argv: string[], settings: Settings): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const inline = arg.match(/^(?:--workers=|-w)(\d+)$/)
    if (inline) return Number(inline[1])
    if ((arg === '-w' || arg === '--workers') && /^\d+$/.test(argv[i + 1] ?? '')) return Number(argv[i + 1])
  }
  const concurrency = settings.env.find(([name]) => name === 'WEB_CONCURRENCY')?.[1]
  if (concurrency && /^\d+$/.test(concurrency)) return Number(concurrency)
  return undefined
}
