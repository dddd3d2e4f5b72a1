// `npm run corpus:framings`: how much of the corpus's development part stays right when its logs reach us in
// another frame, as the hosts and shippers print them (a timestamp column, a JSON record per line, a journal's
// program tag, Compose's service column, a paste quoted in Markdown). Logs are diagnosed in-process (the same
// readers as the corpus unit test), each as collected and then in every frame; a log right as collected and wrong in
// a frame is a reading that depends on the shape, not the message. The development part only: the test part is held out.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diagnose } from '../src/diagnosis/index.ts'
import { corpusContext, corpusLog, loadCorpus } from '../__tests__/corpus/corpus-index.ts'
import { FRAMES, framed } from '../__tests__/corpus/frames.ts'

const only = process.argv[2]
const main = import.meta.url === `file://${process.argv[1]}`
const repoRoot = mkdtempSync(path.join(tmpdir(), 'corpus-framings-'))
const right = (entry, text) => {
  const diagnosis = diagnose(corpusContext(entry, repoRoot, text))
  return diagnosis.reason === entry.reason && (entry.culprit === undefined || diagnosis.summary.includes(entry.culprit))
}
if (main)
  try {
    const dev = loadCorpus().filter((entry) => entry.part === 'dev' && !entry.known_miss)
    const baseline = dev.filter((entry) => right(entry, corpusLog(entry)))
    console.log(`development part: ${baseline.length} of ${dev.length} right as collected; in each frame:`)
    for (const [name, frame] of Object.entries(FRAMES)) {
      if (only && !name.includes(only)) continue
      const lost = baseline.filter((entry) => {
        return !right(entry, framed(corpusLog(entry), frame))
      })
      const kept = baseline.length - lost.length
      console.log(
        `${name.padEnd(28)} ${String(kept).padStart(3)} of ${baseline.length} (${Math.round((100 * kept) / baseline.length)}%)${lost.length ? `  lost: ${lost.map((e) => e.file.slice(0, 3)).join(' ')}` : ''}`
      )
    }
  } finally {
    rmSync(repoRoot, { recursive: true, force: true })
  }
