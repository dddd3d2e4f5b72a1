// What each stage of a run hands the diagnosis, besides the booted run's log (context.ts).
import type { BuildFailure } from '../docker/build-output.js'
import type { BaseComparison, BootProfile } from '../profile/figures.js'

/** A failed `docker build`: the failing step's output and the build context on disk. */
export interface BuildContext {
  failure: BuildFailure
  /** Absolute paths. */
  workspace: string
  contextDir: string
  dockerfile: string
  dockerfileText?: string
  /** The Python of the image the failing stage starts from, when it was looked up (pip does not always say). */
  pythonVersion?: string
}

/** `docker run` itself failed: the start command does not exist in the image, a bad network or limit, … */
export interface StartContext {
  /** Docker's error message. */
  message: string
  /** The `network` input, if set. */
  network?: string
  /** The Dockerfile the image was built from (repository-relative) and its text, and the `target` stage. */
  dockerfile?: { file: string; text: string; target?: string }
  /** The build context (absolute) and the repository root it lies in, for the files the command names. */
  context?: { dir: string; repoRoot: string }
}

/** A compose dependency of the web service that did not start or never turned healthy (src/compose/). */
export interface DependencyContext {
  /** The compose service, and its line in the compose file (relative to the repository root). */
  service: string
  location?: { file: string; line: number }
  /** `exited`: the container stopped; `unhealthy`: its healthcheck failed; `timeout`: still starting at the deadline. */
  state: 'exited' | 'unhealthy' | 'timeout' | 'failed'
  exitCode?: number
  /** What `docker compose up --wait` said last, e.g. `container app-db-1 is unhealthy`. */
  composeMessage?: string
  /** Compose's warnings, e.g. `The "POSTGRES_USER" variable is not set. Defaulting to a blank string.` */
  composeWarnings?: string[]
  /** The healthcheck's command and its last output. */
  healthcheck?: { test: string; output: string }
  /** The tail of the service's log. */
  log: string[]
}

/** A healthy run's boot profile beside the base commit's. */
export interface ProfileContext {
  profile: BootProfile
  comparison: BaseComparison
}

/** The start command `docker run` could not find in the image, if that is why it failed. */
export function missingExecutable(message: string): { name: string; isGunicorn: boolean } | undefined {
  const name = message.match(/exec: "?([^":\s]+)"?: executable file not found/)?.[1]
  return name === undefined ? undefined : { name, isGunicorn: /(^|\/)gunicorn$/.test(name) }
}
