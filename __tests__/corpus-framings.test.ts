// A development-part corpus log must be diagnosed the same whatever frame its lines arrive in (a host's timestamp
// column, a JSON record per line, a journal's program tag, a Markdown quote or code block): the message is the
// evidence, not the shape around it. The held-out test part is not used here.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diagnose } from '../src/diagnosis/index.js'
import { corpusContext, corpusLog, loadCorpus } from './corpus/corpus-index.js'
import { FRAMES, atLogLevelWarning, framed } from './corpus/frames.js'

/** Logs that carry a frame of their own the added one cannot sit around, with why. */
const EXEMPT: Record<string, string> = {
  '503': 'kernel lines a paste wrapped mid-record: a second frame splits each record at its wrap',
  '516': 'the log starts at an indented source line with no frame: a prefix before it hides that it is code'
}

const dev = loadCorpus().filter((entry) => entry.part === 'dev' && !entry.known_miss && !EXEMPT[entry.file.slice(0, 3)])
let repoRoot: string
beforeAll(() => {
  repoRoot = mkdtempSync(path.join(tmpdir(), 'corpus-framings-'))
})
afterAll(() => rmSync(repoRoot, { recursive: true, force: true }))

describe.each(Object.entries(FRAMES))('every development-part log in the frame: %s', (_name, frame) => {
  it.each(dev.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const diagnosis = diagnose(corpusContext(entry, repoRoot, framed(corpusLog(entry), frame)))
    expect(diagnosis.reason).toBe(entry.reason)
    expect(diagnosis.summary).toContain(entry.culprit ?? '')
  })
})

/** Logs whose culprit or message only an INFO line holds, with why. */
const INFO_ONLY: Record<string, string> = {
  '040': "a journal collapsed into one line: the exception's record shares its line with an INFO record",
  '111': 'the loopback bind is named only by `Listening at`',
  '244': 'the loopback bind is named only by `Listening at`',
  '656': 'the loopback bind is named only by `Listening at`',
  '664': 'the port is named only by `Listening at`'
}

// `loglevel = "warning"`, common in production, prints no `Starting gunicorn`, `Booting worker` or `Worker exiting`:
// the cause must be read from what is left.
describe('every development-part log at loglevel warning (its INFO lines left out)', () => {
  const levelled = dev.filter(
    (entry) => !INFO_ONLY[entry.file.slice(0, 3)] && atLogLevelWarning(corpusLog(entry)).trimEnd() !== corpusLog(entry).trimEnd()
  )
  it('applies to most of them (the check is not vacuous)', () => expect(levelled.length).toBeGreaterThan(100))
  it.each(levelled.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const diagnosis = diagnose(corpusContext(entry, repoRoot, atLogLevelWarning(corpusLog(entry))))
    expect(diagnosis.reason).toBe(entry.reason)
    expect(diagnosis.summary).toContain(entry.culprit ?? '')
  })
})
