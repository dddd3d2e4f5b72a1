// Every public corpus log is a unit test: the diagnosis must name the thread's cause and culprit. Logs today's
// rules get wrong are listed in the index as known misses; a known miss that starts passing fails too, so the
// list stays honest.
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diagnose, type FailedOutcome } from '../src/diagnosis/index.js'
import { CORPUS_DIR, corpusContext, loadCorpus } from './corpus/corpus-index.js'

const corpus = loadCorpus()
let repoRoot: string

beforeAll(() => {
  repoRoot = mkdtempSync(path.join(tmpdir(), 'corpus-repo-'))
})
afterAll(() => rmSync(repoRoot, { recursive: true, force: true }))

describe('the corpus index', () => {
  it('lists every log file exactly once, each with a source, a cause and the part its source hash puts it in', () => {
    const files = readdirSync(path.join(CORPUS_DIR, 'logs')).sort()
    expect(corpus.map((entry) => entry.file).sort()).toEqual(files)
    expect(corpus.length).toBeGreaterThanOrEqual(150)
    for (const entry of corpus) {
      expect(entry.source).toMatch(/^https?:\/\//)
      expect(entry.cause.length).toBeGreaterThan(10)
      // The replay prints the log on one of the container's two streams (a journal's lines go to stderr).
      expect(['stdout', 'stderr', undefined]).toContain(entry.stream)
      if (entry.known_miss) expect(entry.why?.length ?? 0).toBeGreaterThan(5)
      if (entry.outcome_dependent) expect(entry.part === 'test' && !entry.before_split).toBe(true)
      if (entry.shows_cause !== undefined)
        expect([entry.shows_cause, (entry.shows_cause_why?.length ?? 0) > 10]).toEqual([expect.stringMatching(/^(?:no|reason-only)$/), true])
      // The split is fixed by the source URL's hash: one third in the test part, never chosen by hand.
      expect(entry.part).toBe(createHash('sha256').update(entry.source).digest()[0] < 0x55 ? 'test' : 'dev')
    }
  })
})

describe.each(corpus.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
  const verdict = () => {
    const diagnosis = diagnose(corpusContext(entry, repoRoot))
    const named = entry.culprit === undefined || diagnosis.summary.includes(entry.culprit)
    return { reason: diagnosis.reason, named, summary: diagnosis.summary }
  }

  if (entry.known_miss) {
    it(`is still a known miss (${entry.why})`, () => {
      const got = verdict()
      // Passing now: remove known_miss from the index.
      expect({ reason: got.reason, named: got.named }).not.toEqual({ reason: entry.reason, named: true })
    })
  } else {
    it(`is diagnosed ${entry.reason}${entry.culprit ? ` naming ${entry.culprit}` : ''}`, () => {
      const got = verdict()
      expect(got.reason).toBe(entry.reason)
      expect(got.summary).toContain(entry.culprit ?? '')
    })
  }
})

// Evidence over outcome: where the log shows the cause, the diagnosis does not depend on how the run ended
// (timeout, crash loop, exit code, an answer). The structural reasons are what is left when nothing explains it.
const STRUCTURAL = ['boot-timeout', 'crash-loop', 'health-check-failed', 'unknown']
const OUTCOMES: FailedOutcome[] = ['gave-up', 'container-exited', 'boot-timeout', 'unstable', 'health-failed']
// A held-out log found right only for its recorded outcome is marked `outcome_dependent` (measured, not tuned to).
const withEvidence = corpus.filter((entry) => !entry.known_miss && !entry.outcome_dependent && !STRUCTURAL.includes(entry.reason))

describe.each(withEvidence.map((entry) => [entry.file, entry] as const))('%s, whatever the outcome', (_file, entry) => {
  it.each(OUTCOMES.flatMap((outcome) => [true, false].map((running) => [outcome, running] as const)))(
    'outcome %s, container running: %s',
    (outcome, running) => {
      const ctx = corpusContext({ ...entry, running, exit_code: running ? null : entry.exit_code }, repoRoot)
      expect(diagnose({ ...ctx, outcome }).reason).toBe(entry.reason)
    }
  )
})
