// The build diagnoses on real build output: every case of __fixtures__/build/cases built with the legacy builder
// and with BuildKit on the three bases (captured by scripts/capture-build-logs.sh).
import fs from 'node:fs'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import type { Diagnosis, SourceLocation } from '../../src/core/model.js'
import { ROOT } from '../helpers/run-action.js'
import { BUILD_CASES, type BuildCase } from '../helpers/build-cases.js'

const SUITES = ['bookworm', 'trixie', 'forky'] as const
const BUILDER_NAMES = ['legacy', 'buildkit'] as const

function diagnoseCaptured(suite: string, builder: string, name: string): Diagnosis & { pointers: SourceLocation[] } {
  const caseDir = path.join(ROOT, '__fixtures__', 'build', 'cases', name)
  const dockerfile = path.join(caseDir, 'Dockerfile')
  const dockerfileText = fs.readFileSync(dockerfile, 'utf8')
  const log = fs.readFileSync(path.join(ROOT, '__fixtures__', 'build', 'logs', suite, builder, `${name}.log`), 'utf8')
  const failure = parseBuildFailure(log.split('\n'), dockerfileText)
  const { diagnosis, pointers } = explain('build', { failure, workspace: caseDir, contextDir: caseDir, dockerfile, dockerfileText })!
  return { ...diagnosis, pointers }
}

const rows = SUITES.flatMap((suite) =>
  BUILDER_NAMES.flatMap((builder) => BUILD_CASES.map((buildCase): [string, string, string, BuildCase] => [suite, builder, buildCase.name, buildCase]))
)

describe('build diagnosis of captured builds', () => {
  it.each(rows)('%s, %s builder: %s', (suite, builder, _name, buildCase) => {
    const diagnosis = diagnoseCaptured(suite, builder, buildCase.name)
    const expected = buildCase.expect(suite)
    expect(diagnosis.reason).toBe(expected.reason)
    for (const culprit of expected.culprits) expect(`${diagnosis.summary} ${diagnosis.remedy}`).toMatch(culprit)
    expect(diagnosis.pointers.map((p) => `${p.file}:${p.line}`)).toEqual(expected.pointers)
    // Without the engine nobody asked the image for its Python: the summary says so without a version.
    if (expected.pythonLookedUp) expect(diagnosis.summary).toMatch(/not this image's Python\.$/)
    expect([...diagnosis.evidence, diagnosis.summary].join('\n')).not.toMatch(/DEPRECATED|legacy builder|BuildKit is currently disabled/)
  })
})
