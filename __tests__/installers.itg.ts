// uv, Poetry, Pipenv and pip's hash checking on the real engine, with the legacy builder and with BuildKit, through
// the smoke run's build phase: reason, culprit, every annotation's file:line, nothing left behind. Poetry and Pipenv
// are Debian's (forky: Poetry 2.3, Pipenv 2026.8) in gunicorn-smoke-installers:<suite>, built here when missing
// (__fixtures__/build/installers/base), so their messages are their own. uv is not packaged: its cases replay public
// logs through a stand-in `uv` (__fixtures__/build/installers/uv-replay/NOTES.md).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { runIdentity } from '../src/docker/args.js'
import { Docker, dockerCommandRunner, type CommandRunner } from '../src/docker/docker.js'
import { parseSettings } from '../src/setup/inputs.js'
import { runSmoke } from '../src/smoke/index.js'
import { assertBuildxInstalled, BUILDERS, type Builder } from './helpers/builders.js'
import { BASES, createdSince, leftovers, snapshot } from './helpers/docker.js'
import { CASES, FIXTURES, INSTALLER_SUITES, installers, UV_CASES } from './helpers/installer-cases.js'
import { ROOT, runAction } from './helpers/run-action.js'
import { silentUi } from './helpers/silent-ui.js'

/** The real CLI, with the environment that selects the builder. */
function runnerFor(builder: Builder): CommandRunner {
  return {
    run: (args, env) => dockerCommandRunner.run(args, env),
    stream: (args, options) => dockerCommandRunner.stream(args, { ...options, env: builder.env })
  }
}

const rows = [
  ...INSTALLER_SUITES.flatMap((base) => BUILDERS.flatMap((builder) => CASES.map((c) => [base, builder.name, c.name, builder, c] as const))),
  ...BASES.flatMap((base) => BUILDERS.flatMap((builder) => UV_CASES.map((c) => [base, builder.name, c.name, builder, c] as const)))
]

beforeAll(() => {
  assertBuildxInstalled()
  for (const base of INSTALLER_SUITES) {
    for (const [image, dir, arg] of [
      [`gunicorn-smoke-pip:${base}`, path.join(ROOT, '__fixtures__', 'build', 'pip'), `SUITE=${base}`],
      [installers(base), path.join(FIXTURES, 'base'), `SUITE=${base}`]
    ]) {
      try {
        execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' })
      } catch {
        execFileSync('docker', ['build', '--quiet', '--build-arg', arg, '--tag', image, dir], { stdio: 'ignore' })
      }
    }
  }
}, 900_000)

describe('uv, Poetry, Pipenv and hashed requirements on the real engine', () => {
  it.each(rows)(
    '%s, %s builder: %s',
    async (base, builderName, _name, builder, installerCase) => {
      const workspace = path.join(FIXTURES, installerCase.dir)
      const args = { BASE_IMAGE: installerCase.image(base), ...installerCase.args?.(base) }
      const inputs: Record<string, string> = {
        dockerfile: installerCase.dockerfile ?? 'Dockerfile',
        'build-args': Object.entries(args)
          .map(([key, value]) => `${key}=${value}`)
          .join('\n')
      }
      const settings = parseSettings((name) => inputs[name] ?? '', workspace)
      const identity = runIdentity(`installers-${base}-${builderName}-${installerCase.dir}-${installerCase.dockerfile ?? ''}`)
      const report = await runSmoke(settings, { docker: new Docker(runnerFor(builder)), ui: silentUi, identity, metadata: {} })

      expect(report.result).toBe('fail')
      expect(report.reason).toBe(installerCase.reason)
      for (const culprit of installerCase.culprits) expect(`${report.summary} ${report.diagnosis?.remedy}`).toMatch(culprit)
      expect(report.annotations.map((a) => `${a.file}:${a.line}`)).toEqual(installerCase.pointers)
      expect(report.log.some((line) => /^#\d+ \[/.test(line.text))).toBe(builderName === 'buildkit')
      expect(leftovers(identity.runKey).containers).toEqual([])
    },
    300_000
  )
})

// Bookworm's Poetry 1.3 reads the example too (checked with the CLI); its installer image takes minutes of apt to build.
describe.each(INSTALLER_SUITES)('the Poetry example on %s', (base) => {
  it('builds from pyproject.toml and poetry.lock with poetry install, boots and passes, leaving nothing behind', async () => {
    const before = snapshot()
    const run = await runAction({
      context: 'examples/poetry-app',
      'build-args': `BASE_IMAGE=${installers(base)}`,
      'stability-window': '1',
      comment: 'never'
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs['health-status']).toBe('200')
    expect(run.outputs.workers).toBe('2/2')
    expect(createdSince(before)).toEqual({ containers: [], volumes: [], networks: [] })
  }, 300_000)
})
