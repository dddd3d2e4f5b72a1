// uv, Poetry, Pipenv and pip's hash checking on the real engine, with the legacy builder and with BuildKit, through
// the smoke run's build phase: reason, culprit, every annotation's file:line, nothing left behind. Poetry and Pipenv
// are Debian's (forky: Poetry 2.3, Pipenv 2026.8) in gunicorn-smoke-installers:<suite>, built here when missing
// (__fixtures__/build/installers/base), so their messages are their own. uv is not packaged: its cases replay public
// logs through a stand-in `uv` (__fixtures__/build/installers/uv-replay/NOTES.md).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { runIdentity } from '../src/docker/args.js'
import { Docker, dockerCommandRunner, type CommandRunner } from '../src/docker/docker.js'
import { parseSettings } from '../src/inputs.js'
import { runSmoke } from '../src/smoke/index.js'
import type { ReasonId } from '../src/model.js'
import { assertBuildxInstalled, BUILDERS, type Builder } from './helpers/builders.js'
import { BASES, createdSince, leftovers, snapshot } from './helpers/docker.js'
import { ROOT, runAction } from './helpers/run-action.js'
import { silentUi } from './helpers/silent-ui.js'

const FIXTURES = path.join(ROOT, '__fixtures__', 'build', 'installers')
// The Debian suites that package Poetry 2 (trixie 2.1, forky 2.3) and Pipenv; bookworm's Poetry 1.3 reads neither
// PEP 621's [project] nor poetry.lock 2.1.
const INSTALLER_SUITES = BASES.filter((base) => base !== 'bookworm')

interface InstallerCase {
  name: string
  dir: string
  dockerfile?: string
  /** Build arguments beyond BASE_IMAGE. */
  args?: (base: string) => Record<string, string>
  image: (base: string) => string
  reason: ReasonId
  culprits: RegExp[]
  pointers: string[]
}

const installers = (base: string) => `gunicorn-smoke-installers:${base}`
const plain = (base: string) => `gunicorn-smoke-base:${base}`

const CASES: InstallerCase[] = [
  {
    name: 'poetry: pyproject.toml changed after locking',
    dir: 'poetry-lock-outdated',
    image: installers,
    reason: 'lock-file-outdated',
    culprits: [/`poetry\.lock` \(`poetry\.lock:1`\) is out of date with `pyproject\.toml`/, /`poetry lock`/],
    pointers: ['Dockerfile:6', 'poetry.lock:1']
  },
  {
    name: 'poetry: the readme was not copied',
    dir: 'poetry-readme-missing',
    image: installers,
    reason: 'build-file-missing',
    culprits: [/needs its readme `README\.md`/, /`\/app\/README\.md` does not exist/, /`poetry install --no-root`/, /`Dockerfile:6`/],
    pointers: ['Dockerfile:7', 'Dockerfile:6']
  },
  {
    name: 'poetry: not installed in the runtime stage',
    dir: 'poetry-not-in-stage',
    image: installers,
    args: (base) => ({ RUNTIME_IMAGE: plain(base) }),
    reason: 'installer-missing',
    culprits: [/`poetry` is not installed in the stage `runtime`/, /installed in the stage `builder` \(`Dockerfile:5`\)/],
    pointers: ['Dockerfile:14', 'Dockerfile:5']
  },
  {
    name: 'pipenv: Pipfile changed after locking',
    dir: 'pipenv-lock-outdated',
    image: installers,
    reason: 'lock-file-outdated',
    culprits: [
      /`Pipfile\.lock` \(`Pipfile\.lock:4`\) is out of date with `Pipfile` \(its hash `(ebffa69a1fa1|3cbc06)`, the Pipfile's `(f226f2c246fa|efb63f)`\)/,
      /`pipenv lock`/
    ],
    // Pipenv 2026 prints the whole hashes, 2024 their last six digits (both of the same two hashes).
    pointers: ['Dockerfile:6', 'Pipfile.lock:4']
  },
  {
    name: 'pip --require-hashes: a dependency without a pin',
    dir: 'hashes-transitive',
    image: installers,
    reason: 'unpinned-hashed-requirement',
    culprits: [/`hashdemo-util>=1\.0`, a dependency of `hashdemo-core==1\.0` from `requirements\.txt` line 2 \(`requirements\.txt:2`\)/],
    pointers: ['requirements.txt:2', 'Dockerfile:6']
  }
]

const UV_CASES: InstallerCase[] = [
  ['locked', 'lock-file-outdated', [/`uv\.lock` \(`uv\.lock:1`\) is out of date/, /`uv lock`/], ['Dockerfile.locked:8', 'uv.lock:1']],
  ['required-version', 'installer-missing', [/requires uv `>=0\.10, <0\.12` and the image runs uv `0\.12\.0`/], ['Dockerfile.required-version:8']],
  [
    'python-range',
    'package-not-found',
    [/`mypkg\[openai\]/, /requires Python `>=3\.12\.0,<3\.13`, not the project's Python range `>=3\.8`/],
    ['Dockerfile.python-range:8']
  ],
  ['conflict', 'dependency-conflict', [/`boto3==1\.34\.153` cannot be installed together with `botocore`/, /`uv lock`/], ['Dockerfile.conflict:8']]
].map(([caseName, reason, culprits, pointers]) => ({
  name: `uv (replayed public log): ${caseName as string}`,
  dir: 'uv-replay',
  dockerfile: `Dockerfile.${caseName as string}`,
  image: plain,
  reason: reason as ReasonId,
  culprits: culprits as RegExp[],
  pointers: pointers as string[]
}))

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
