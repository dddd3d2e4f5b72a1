// pip refusing to install, captured on forky (scripts/capture-pip-refusals.sh) and framed as each builder prints a
// step: the distribution's own Python (PEP 668), and an index the build cannot reach.
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { REPO } from './context-helper.js'

const captured = (name: string) =>
  readFileSync(path.join(REPO, '__fixtures__/logs/by-hand', `${name}-forky.log`), 'utf8')
    .replace(/\n$/, '')
    .split('\n')

const buildKit = (command: string, output: string[]) => [
  `#8 [4/6] RUN ${command}`,
  ...output.map((line) => `#8 1.204 ${line}`),
  `#8 ERROR: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`
]
const legacy = (command: string, output: string[]) => [
  `Step 4/6 : RUN ${command}`,
  ' ---> Running in 1f2e3d4c5b6a',
  ...output,
  `The command '/bin/sh -c ${command}' returned a non-zero code: 1`
]

function diagnoseBuild(lines: string[]) {
  const failure = parseBuildFailure(lines)
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pip-refusals-'))
  return explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })?.diagnosis
}

describe.each([
  ['BuildKit', buildKit],
  ['the legacy builder', legacy]
])('%s', (_builder, frame) => {
  it("pip refused the distribution's own Python: installer-missing with the ways out", () => {
    const diagnosis = diagnoseBuild(frame('pip install -r requirements.txt', captured('pip-externally-managed')))
    expect(diagnosis?.reason).toBe('installer-missing')
    expect(diagnosis?.summary).toContain("was refused the image's own Python (`externally-managed-environment`, PEP 668)")
    expect(diagnosis?.remedy).toContain('`RUN python3 -m venv /opt/venv`')
  })

  it('an index it cannot reach is not a package that does not exist', () => {
    const diagnosis = diagnoseBuild(frame('pip install flask==3.0.3', captured('pip-index-unreachable')))
    expect(diagnosis?.reason).toBe('package-not-found')
    expect(diagnosis?.summary).toBe(
      '`flask==3.0.3`: pip could not reach the package index `pypi.invalid` (`Name or service not known`), so it found no version of `flask`.'
    )
  })
})
