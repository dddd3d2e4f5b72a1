// The Docker Compose v2 CLI (`docker compose`), through the same command runner as the Docker wrapper: start the
// dependencies of one isolated project, read their state, health and logs, and take the project down.
import { dockerCommandRunner, DockerError, firstLine, type CommandRunner } from '../docker/docker.js'

/** A container of the project as `docker compose ps --format json` lists it. */
export interface ComposeContainer {
  service: string
  name: string
  state: string
  health: string
  exitCode: number
}

/** The project name of a run: one per run key, so parallel runs and their networks never meet. */
export function composeProject(runKey: string): string {
  return `gunicorn-smoke-${runKey.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`
}

export const MISSING_COMPOSE =
  "The compose file's dependencies need Docker Compose v2 (`docker compose`), which this runner does not have: " +
  "install the Compose plugin, or set the input 'compose-dependencies' to false."

export class ComposeCli {
  constructor(
    readonly project: string,
    private readonly file: string | undefined,
    private readonly runner: CommandRunner = dockerCommandRunner
  ) {}

  private args(...rest: string[]): string[] {
    return ['compose', ...(this.file ? ['--file', this.file] : []), '--project-name', this.project, ...rest]
  }

  /** Fails with one sentence when `docker compose` is not installed. */
  async version(): Promise<string> {
    const result = await this.runner.run(['compose', 'version', '--short'])
    if (result.exitCode !== 0 || !result.stdout.trim()) throw new DockerError(MISSING_COMPOSE)
    return result.stdout.trim()
  }

  /** `up --detach --wait`: the services and their own dependencies, started and awaited; the exit code. */
  up(services: string[], timeoutSec: number, onLine: (line: string) => void, signal?: AbortSignal): Promise<number> {
    const args = this.args('up', '--detach', '--wait', '--wait-timeout', String(Math.max(1, Math.ceil(timeoutSec))), ...services)
    return this.runner.stream(args, { onStdout: onLine, onStderr: onLine, signal })
  }

  async containers(): Promise<ComposeContainer[]> {
    const result = await this.runner.run(this.args('ps', '--all', '--format', 'json'))
    if (result.exitCode !== 0) return []
    const text = result.stdout.trim()
    // Compose 2.21+ prints one JSON object a line; older releases one JSON array.
    const rows = (
      text.startsWith('[')
        ? JSON.parse(text)
        : text
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line))
    ) as Array<Record<string, unknown>>
    return rows.map((row) => ({
      service: String(row.Service ?? ''),
      name: String(row.Name ?? ''),
      state: String(row.State ?? ''),
      health: String(row.Health ?? ''),
      exitCode: Number(row.ExitCode ?? 0)
    }))
  }

  /** The last lines of a service's log, without Compose's `service  | ` prefix. */
  async logs(service: string, lines: number): Promise<string[]> {
    const result = await this.runner.run(this.args('logs', '--no-color', '--no-log-prefix', '--tail', String(lines), service))
    // Compose's own warnings (an unset variable) go to stderr; the service's output, both its streams, to stdout.
    return result.stdout.split('\n').filter((line) => line.trim() !== '')
  }

  /** `docker wait`: the containers' exit codes once all have exited (at once for exited ones); undefined when cut short. */
  async waitExit(containers: string[], signal: AbortSignal): Promise<number[] | undefined> {
    const codes: number[] = []
    const exitCode = await this.runner.stream(['wait', ...containers], { onStdout: (line) => codes.push(Number(line.trim())), signal })
    return exitCode === 0 && codes.length === containers.length ? codes : undefined
  }

  /** The healthcheck's last output, from the container's state. */
  async lastHealthOutput(container: string): Promise<string | undefined> {
    const result = await this.runner.run(['inspect', '--format', '{{json .State.Health}}', container])
    if (result.exitCode !== 0) return undefined
    const health = JSON.parse(result.stdout) as { Log?: Array<{ Output?: string }> } | null
    return health?.Log?.[health.Log.length - 1]?.Output
  }

  /** Removes the project's containers, networks and volumes (named and anonymous); works without the file. */
  async down(): Promise<void> {
    const result = await this.runner.run(['compose', '--project-name', this.project, 'down', '--volumes', '--remove-orphans', '--timeout', '3'])
    if (result.exitCode !== 0)
      throw new DockerError(`Could not remove the compose project ${this.project}: ${firstLine(result.stderr) || 'no answer'}.`)
  }

  /** Whether anything of the project exists (a container, network or volume carrying its label). */
  async exists(): Promise<boolean> {
    const label = `label=com.docker.compose.project=${this.project}`
    const listed = await Promise.all([
      this.runner.run(['ps', '--all', '--quiet', '--filter', label]),
      this.runner.run(['network', 'ls', '--quiet', '--filter', label]),
      this.runner.run(['volume', 'ls', '--quiet', '--filter', label])
    ])
    return listed.some((result) => result.stdout.trim() !== '')
  }
}
