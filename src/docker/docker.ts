// A thin wrapper over the Docker CLI, run through @actions/exec. It builds argument lists (pure, testable
// without Docker in args.ts) and turns failures into one-sentence errors built from Docker's stderr.
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import { getExecOutput } from '@actions/exec'
import { imageInfoArgs, imageSizeArgs, memoryStatsArgs, topArgs } from './args.js'

export class DockerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DockerError'
  }
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface StreamOptions {
  onStdout?: (line: string) => void
  onStderr?: (line: string) => void
  env?: Record<string, string>
  /** Aborting kills the client (a cancelled job must not leave a build or a log follower running). */
  signal?: AbortSignal
}

/** The two ways the wrapper runs the CLI; injectable so callers can be tested without a daemon. */
export interface CommandRunner {
  run(args: string[], env?: Record<string, string>): Promise<ExecResult>
  stream(args: string[], options: StreamOptions): Promise<number>
}

export const dockerCommandRunner: CommandRunner = {
  async run(args, env) {
    const result = await getExecOutput('docker', args, { ignoreReturnCode: true, silent: true, env: mergedEnv(env) })
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
  },
  // Streaming uses spawn directly: @actions/exec cannot be cancelled, and a long `docker build` or
  // `docker logs --follow` must stop when the job is cancelled.
  stream(args, options) {
    return new Promise((resolve, reject) => {
      const child = spawn('docker', args, { env: mergedEnv(options.env) ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal })
      const stdout = readline.createInterface({ input: child.stdout, crlfDelay: Infinity })
      const stderr = readline.createInterface({ input: child.stderr, crlfDelay: Infinity })
      stdout.on('line', (line) => options.onStdout?.(line))
      stderr.on('line', (line) => options.onStderr?.(line))
      let outputsOpen = 2
      let exitCode: number | undefined
      const finish = (): void => {
        if (outputsOpen === 0 && exitCode !== undefined) resolve(exitCode)
      }
      stdout.on('close', () => (outputsOpen--, finish()))
      stderr.on('close', () => (outputsOpen--, finish()))
      child.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          reject(new DockerError('Docker is not installed: the docker command was not found on PATH.'))
        else if (error.name === 'AbortError') exitCode ??= 130
        else reject(error)
      })
      child.on('close', (code, signal) => {
        exitCode = code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1)
        finish()
      })
    })
  }
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal]
}

function mergedEnv(extra?: Record<string, string>): Record<string, string> | undefined {
  if (!extra) return undefined
  const base: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) base[key] = value
  return { ...base, ...extra }
}

export interface ContainerState {
  running: boolean
  exitCode?: number
  oomKilled: boolean
  status: string
  error?: string
}

export interface ImageInfo {
  workdir?: string
  cmd?: string[]
  entrypoint?: string[]
  exposedPorts: string[]
  /** The Dockerfile's STOPSIGNAL, e.g. `SIGINT`. */
  stopSignal?: string
  /** The image's size in bytes (the boot profile's image size, without a second inspection). */
  sizeBytes?: number
}

export class Docker {
  constructor(private readonly runner: CommandRunner = dockerCommandRunner) {}

  /** Fails with one sentence when the CLI is missing or the daemon is unreachable. */
  async serverVersion(): Promise<string> {
    let result: ExecResult
    try {
      result = await this.runner.run(['version', '--format', '{{.Server.Version}}'])
    } catch (error) {
      if (isNotFound(error)) throw new DockerError('Docker is not installed: the docker command was not found on PATH.')
      throw error
    }
    if (result.exitCode !== 0 || !result.stdout.trim()) {
      const why = firstLine(result.stderr) || 'no answer'
      throw new DockerError(`The Docker daemon is not reachable (${why}).`)
    }
    return result.stdout.trim()
  }

  /** The Buildx plugin's version line, or undefined when `docker buildx` is not installed. */
  async buildxVersion(): Promise<string | undefined> {
    const result = await this.runner.run(['buildx', 'version'])
    return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : undefined
  }

  async build(args: string[], options: StreamOptions): Promise<number> {
    return this.runner.stream(args, options)
  }

  /** Starts a container detached and returns its id. */
  async run(args: string[], env?: Record<string, string>): Promise<string> {
    const result = await this.runner.run(args, env)
    if (result.exitCode !== 0) throw new DockerError(`docker run failed: ${firstLine(result.stderr) || `exit code ${result.exitCode}`}.`)
    return result.stdout.trim().split('\n').pop() ?? ''
  }

  /** The host address a container port is published on, e.g. 127.0.0.1:49153. */
  async hostPort(container: string, port: number): Promise<number> {
    const result = await this.runner.run(['port', container, `${port}/tcp`])
    const match = result.stdout.match(/127\.0\.0\.1:(\d+)/)
    if (result.exitCode !== 0 || !match) {
      throw new DockerError(`Could not find the host port published for container port ${port}: ${firstLine(result.stderr) || 'none'}.`)
    }
    return Number(match[1])
  }

  /** Follows stdout and stderr until the container is removed or exits. */
  followLogs(container: string, onLine: (stream: 'stdout' | 'stderr', text: string) => void, signal?: AbortSignal): Promise<number> {
    return this.runner.stream(['logs', '--follow', container], {
      onStdout: (line) => onLine('stdout', line),
      onStderr: (line) => onLine('stderr', line),
      signal
    })
  }

  /** Resolves with the exit code once the container stops. */
  async wait(container: string): Promise<number | undefined> {
    const result = await this.runner.run(['wait', container])
    const code = Number(result.stdout.trim())
    return result.exitCode === 0 && Number.isFinite(code) ? code : undefined
  }

  async containerState(container: string): Promise<ContainerState | undefined> {
    const result = await this.runner.run(['inspect', '--format', '{{json .State}}', container])
    if (result.exitCode !== 0) return undefined
    const state = JSON.parse(result.stdout) as { Running: boolean; ExitCode: number; OOMKilled: boolean; Status: string; Error?: string }
    return {
      running: state.Running,
      exitCode: state.Running ? undefined : state.ExitCode,
      oomKilled: state.OOMKilled,
      status: state.Status,
      error: state.Error || undefined
    }
  }

  async imageInfo(image: string): Promise<ImageInfo | undefined> {
    const result = await this.runner.run(imageInfoArgs(image))
    if (result.exitCode !== 0) return undefined
    const { Config: config, Size: size } = JSON.parse(result.stdout) as {
      Config: {
        WorkingDir?: string
        Cmd?: string[] | null
        Entrypoint?: string[] | null
        ExposedPorts?: Record<string, unknown> | null
        StopSignal?: string
      }
      Size?: number
    }
    return {
      workdir: config.WorkingDir || undefined,
      cmd: config.Cmd ?? undefined,
      entrypoint: config.Entrypoint ?? undefined,
      exposedPorts: Object.keys(config.ExposedPorts ?? {}),
      stopSignal: config.StopSignal || undefined,
      sizeBytes: Number.isSafeInteger(size) && size! >= 0 ? size : undefined
    }
  }

  async imageExists(image: string): Promise<boolean> {
    return (await this.runner.run(['image', 'inspect', '--format', '{{.Id}}', image])).exitCode === 0
  }

  /** Runs a short-lived container to completion, e.g. `gunicorn --print-config`. */
  async runToCompletion(args: string[], env?: Record<string, string>): Promise<ExecResult> {
    return this.runner.run(args, env)
  }

  /**
   * How many times the kernel's OOM killer struck inside the container. On cgroup v1 a worker killed for memory
   * leaves the container running with OOMKilled false; Docker's event stream still records it.
   */
  async oomEvents(container: string, sinceMs: number): Promise<number | undefined> {
    const result = await this.runner.run([
      'events',
      '--since',
      String(Math.floor(sinceMs / 1000)),
      '--until',
      String(Math.ceil(Date.now() / 1000) + 1),
      '--filter',
      `container=${container}`,
      '--filter',
      'event=oom',
      '--format',
      '{{.Action}}'
    ])
    return result.exitCode === 0 ? result.stdout.split('\n').filter((line) => line.trim() === 'oom').length : undefined
  }

  /** `docker top` of the container with PID, parent PID, RSS (KiB) and argv columns, as Docker prints it. */
  async processTable(container: string): Promise<string> {
    const result = await this.runner.run(topArgs(container))
    if (result.exitCode !== 0)
      throw new DockerError(`Could not list the processes of container ${container}: ${firstLine(result.stderr) || 'no answer'}.`)
    return result.stdout
  }

  /** The image's size in bytes, or undefined when it cannot be inspected. */
  async imageSize(image: string): Promise<number | undefined> {
    const result = await this.runner.run(imageSizeArgs(image))
    const size = Number(result.stdout.trim())
    return result.exitCode === 0 && /^\d+$/.test(result.stdout.trim()) ? size : undefined
  }

  /** `docker stats`' MemUsage column, e.g. `186.3MiB / 400MiB`, or undefined. */
  async memoryUsage(container: string): Promise<string | undefined> {
    const result = await this.runner.run(memoryStatsArgs(container))
    return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : undefined
  }

  /**
   * Removes containers (and their anonymous volumes) by id or name; missing ones are not an error. Resolves with
   * how many Docker did not find (a container still being created shows up later).
   */
  async removeContainers(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0
    const result = await this.runner.run(['rm', '--force', '--volumes', ...ids])
    const lines = result.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    // Gone already, or going (a `--rm` container removing itself): both are what was asked for.
    const problems = lines.filter((line) => !/No such container|removal of container .* is already in progress/i.test(line))
    if (result.exitCode !== 0 && problems.length > 0) {
      throw new DockerError(`Could not remove container(s) ${ids.join(', ')}: ${problems[0]}.`)
    }
    return lines.filter((line) => /No such container/i.test(line)).length
  }

  /** Container ids carrying a label, running or not. */
  async containersWithLabel(label: string): Promise<string[]> {
    const result = await this.runner.run(['ps', '--all', '--quiet', '--filter', `label=${label}`])
    if (result.exitCode !== 0) throw new DockerError(`Could not list containers: ${firstLine(result.stderr)}.`)
    return result.stdout
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
  }

  /** Untags an image built for this run; --no-prune keeps its layers as build cache for the next run. */
  async removeImage(image: string): Promise<void> {
    const result = await this.runner.run(['image', 'rm', '--no-prune', image])
    if (result.exitCode !== 0 && !/No such image/i.test(result.stderr)) {
      throw new DockerError(`Could not remove image ${image}: ${firstLine(result.stderr)}.`)
    }
  }
}

function isNotFound(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error)
  return /ENOENT|Unable to locate executable|not found/i.test(text)
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  )
}
