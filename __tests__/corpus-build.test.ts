// Every log of the build corpus (uv, Poetry, Pipenv, pip --require-hashes; __fixtures__/corpus/build) is a unit
// test: fed as `docker build` output to the build diagnosis, it must be given the thread's reason and name its
// culprit. Known misses are listed in the index with why; one that starts passing fails too.
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parseBuildFailure } from '../src/docker/build-output.js'
import { explain } from '../src/diagnosis/explain.js'

interface BuildCorpusEntry {
  file: string
  source: string
  tool: string
  reason: string
  culprit: string
  cause: string
  part: 'dev' | 'test'
  known_miss?: boolean
  why?: string
  /** A blind reading found the log alone does not show the labelled cause (`no`) or its culprit (`reason-only`). */
  shows_cause?: 'no' | 'reason-only'
  shows_cause_why?: string
}

const DIR = path.join(process.cwd(), '__fixtures__', 'corpus', 'build')
const corpus = (parseYaml(readFileSync(path.join(DIR, 'index.yaml'), 'utf8')) as { logs: BuildCorpusEntry[] }).logs
let repo: string

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'corpus-build-'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

function verdict(entry: BuildCorpusEntry): { reason: string; summary: string } {
  const lines = readFileSync(path.join(DIR, 'logs', entry.file), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
  const failure = parseBuildFailure(lines)
  const explained = explain('build', { failure, workspace: repo, contextDir: repo, dockerfile: path.join(repo, 'Dockerfile') })
  return { reason: explained?.diagnosis.reason ?? 'none', summary: explained?.diagnosis.summary ?? '' }
}

describe('the build corpus index', () => {
  it('lists every log once, with a source, a tool, a cause and the part its source hash puts it in', () => {
    expect(corpus.map((entry) => entry.file).sort()).toEqual(readdirSync(path.join(DIR, 'logs')).sort())
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    for (const entry of corpus) {
      expect(entry.source).toMatch(/^https?:\/\//)
      expect(['uv', 'poetry', 'pipenv', 'pip', 'apt', 'apk', 'docker']).toContain(entry.tool)
      expect(entry.cause.length).toBeGreaterThan(10)
      expect(entry.culprit.length).toBeGreaterThan(0)
      if (entry.shows_cause !== undefined)
        expect([entry.shows_cause, (entry.shows_cause_why?.length ?? 0) > 10]).toEqual([expect.stringMatching(/^(?:no|reason-only)$/), true])
      // The split was fixed by the source URL's hash before any rule was written: one third in the test part.
      expect(entry.part).toBe(createHash('sha256').update(entry.source).digest()[0] < 0x55 ? 'test' : 'dev')
    }
  })
})

describe.each(corpus.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
  if (entry.known_miss) {
    it(`is still a known miss (${entry.why})`, () => {
      const got = verdict(entry)
      expect(got.reason === entry.reason && got.summary.includes(entry.culprit)).toBe(false)
    })
  } else {
    it(`is ${entry.reason} naming ${entry.culprit}`, () => {
      const got = verdict(entry)
      expect(got.reason).toBe(entry.reason)
      expect(got.summary).toContain(entry.culprit)
    })
  }
})
