// The two builders users meet, for integration tests: Docker's legacy builder, and BuildKit through the buildx
// plugin that scripts/test-env.sh installs into a Docker config directory of the tests' own (as on GitHub's
// runners, where `docker build` is buildx).
import fs from 'node:fs'
import path from 'node:path'

export const BUILDX_CONFIG = process.env.GUNICORN_SMOKE_BUILDX_CONFIG ?? '/var/lib/gunicorn-smoke/buildx'

export type BuilderName = 'legacy' | 'buildkit'

export interface Builder {
  name: BuilderName
  /** Environment for `docker build` that selects this builder. */
  env: Record<string, string>
}

export const BUILDERS: readonly Builder[] = [
  { name: 'legacy', env: { DOCKER_BUILDKIT: '0' } },
  { name: 'buildkit', env: { DOCKER_CONFIG: BUILDX_CONFIG } }
]

/** Fails with the command that fixes it when scripts/test-env.sh has not installed buildx. */
export function assertBuildxInstalled(): void {
  const plugin = path.join(BUILDX_CONFIG, 'cli-plugins', 'docker-buildx')
  if (!fs.existsSync(plugin)) throw new Error(`${plugin} is missing: run scripts/test-env.sh (it installs buildx for the BuildKit tests).`)
}
