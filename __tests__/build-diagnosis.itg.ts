// Builds every case of __fixtures__/build/cases on the real engine, with the legacy builder and with BuildKit
// (buildx from scripts/test-env.sh), through the smoke run's build phase, and checks the verdict: reason, the
// packages and names, and the file:line of every annotation. The cases build FROM gunicorn-smoke-pip:<base>
// (Debian's pip and an offline wheelhouse), built once here when missing; layers are reused between runs.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { runIdentity } from '../src/docker/args.js'
import { Docker, dockerCommandRunner, type CommandRunner } from '../src/docker/docker.js'
import { parseSettings } from '../src/setup/inputs.js'
import { runSmoke } from '../src/smoke/index.js'
import { assertBuildxInstalled, BUILDERS, type Builder } from './helpers/builders.js'
import { BUILD_CASES, type BuildCase } from './helpers/build-cases.js'
import { BASES, leftovers } from './helpers/docker.js'
import { ROOT } from './helpers/run-action.js'
import { silentUi } from './helpers/silent-ui.js'

/** The real CLI, with the environment that selects the builder. */
function runnerFor(builder: Builder): CommandRunner {
  return {
    run: (args, env) => dockerCommandRunner.run(args, env),
    stream: (args, options) => dockerCommandRunner.stream(args, { ...options, env: builder.env })
  }
}

const rows = BASES.flatMap((base) =>
  BUILDERS.flatMap((builder) =>
    BUILD_CASES.map((buildCase): [string, string, string, Builder, BuildCase] => [base, builder.name, buildCase.name, builder, buildCase])
  )
)

beforeAll(() => {
  assertBuildxInstalled()
  for (const base of BASES) {
    const image = `gunicorn-smoke-pip:${base}`
    try {
      execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' })
    } catch {
      execFileSync('docker', ['build', '--quiet', '--build-arg', `SUITE=${base}`, '--tag', image, path.join(ROOT, '__fixtures__', 'build', 'pip')], {
        stdio: 'ignore'
      })
    }
  }
}, 300_000)

describe('build diagnosis on the real engine', () => {
  it.each(rows)(
    '%s, %s builder: %s',
    async (base, _builderName, _caseName, builder, buildCase) => {
      const workspace = path.join(ROOT, '__fixtures__', 'build', 'cases', buildCase.name)
      const inputs: Record<string, string> = { dockerfile: 'Dockerfile', 'build-args': `BASE_IMAGE=gunicorn-smoke-pip:${base}` }
      const settings = parseSettings((name) => inputs[name] ?? '', workspace)
      const identity = runIdentity(`build-diagnosis-${base}-${builder.name}-${buildCase.name}`)
      const report = await runSmoke(settings, { docker: new Docker(runnerFor(builder)), ui: silentUi, identity, metadata: {} })

      const expected = buildCase.expect(base)
      expect(report.result).toBe('fail')
      expect(report.reason).toBe(expected.reason)
      for (const culprit of expected.culprits) expect(`${report.summary} ${report.diagnosis?.remedy}`).toMatch(culprit)
      expect(report.annotations.map((a) => `${a.file}:${a.line}`)).toEqual(expected.pointers)
      if (expected.pythonLookedUp) expect(report.summary).toMatch(expected.pythonLookedUp)
      expect(report.diagnosis?.evidence.join('\n')).not.toMatch(/DEPRECATED|BuildKit is currently disabled/)
      // The builder is the one asked for: BuildKit numbers its steps (`#8 [4/5] RUN …`), the legacy builder does not.
      expect(report.log.some((line) => /^#\d+ \[/.test(line.text))).toBe(builder.name === 'buildkit')
      expect(leftovers(identity.runKey).containers).toEqual([])
    },
    120_000
  )
})
