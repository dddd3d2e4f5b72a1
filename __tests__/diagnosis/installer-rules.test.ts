// The installer diagnoses on real build output: every case of __fixtures__/build/installers built with the legacy
// builder and with BuildKit on trixie and forky (captured by scripts/capture-installer-logs.mjs), read back with
// the case's own Dockerfile and files: the same reason, culprits and annotations as on the engine.
import fs from 'node:fs'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { stageLines } from '../../src/diagnosis/rules/installers.js'
import { CASES, caseId, FIXTURES, UV_CASES, type InstallerCase } from '../helpers/installer-cases.js'

const rows = ['trixie', 'forky'].flatMap((suite) =>
  ['legacy', 'buildkit'].flatMap((builder) => [...CASES, ...UV_CASES].map((c) => [suite, builder, c.name, c] as const))
)

function diagnoseCaptured(suite: string, builder: string, c: InstallerCase) {
  const dir = path.join(FIXTURES, c.dir)
  const dockerfile = path.join(dir, c.dockerfile ?? 'Dockerfile')
  const dockerfileText = fs.readFileSync(dockerfile, 'utf8')
  const log = fs.readFileSync(path.join(FIXTURES, 'logs', suite, builder, `${caseId(c)}.log`), 'utf8')
  const failure = parseBuildFailure(log.split('\n'), dockerfileText)
  return explain('build', { failure, workspace: dir, contextDir: dir, dockerfile, dockerfileText })!
}

describe('installer diagnoses of captured builds', () => {
  it.each(rows)('%s, %s builder: %s', (suite, builder, _name, c) => {
    const { diagnosis, pointers } = diagnoseCaptured(suite, builder, c)
    expect(diagnosis.reason).toBe(c.reason)
    for (const culprit of c.culprits) expect(`${diagnosis.summary} ${diagnosis.remedy}`).toMatch(culprit)
    expect(pointers.map((p) => `${p.file}:${p.line}`)).toEqual(c.pointers)
    expect(diagnosis.evidence.length).toBeGreaterThan(0)
  })
})

describe('the stages of a Dockerfile', () => {
  it('names each line after its stage: AS names, else BuildKit-style stage-N', () => {
    const text = ['ARG X=1', 'FROM python:3.12 AS builder', 'RUN pip install uv', '', 'FROM python:3.12-slim', 'RUN uv sync'].join('\n')
    expect(stageLines(text).map((l) => l.stage)).toEqual(['', 'builder', 'builder', 'builder', 'stage-1', 'stage-1'])
  })
})
