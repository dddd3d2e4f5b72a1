// `npm run corpus`: replays every public corpus log (__fixtures__/corpus) through the CLI twin of the action,
// exactly as production runs it (`image` + `command`), and scores the diagnosis against the thread's cause.
// Prints accuracy per part (held-out test part, test-part logs from before the split, development part), per reason
// and each miss; writes the figures to CORPUS.md. `npm run corpus -- --part dev` replays the development part only
// (what rule writing may look at); a file-name fragment as argument replays the matching logs.
// Needs dist/ (npm run bundle) and the offline base image (npm run test-env).
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { REASON_IDS } from '../src/diagnosis/registry.ts'

const run = promisify(execFile)
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const CORPUS = path.join(ROOT, '__fixtures__/corpus')
// One tag per run: two replays at once (parallel worktrees) must not remove each other's image.
const IMAGE = `gunicorn-smoke-corpus-replay:run-${process.pid}`
const BASE = process.env.CORPUS_BASE_IMAGE ?? 'gunicorn-smoke-base:bookworm'
// CORPUS_CLI: a bundle built elsewhere, so iterating never touches dist/: `node scripts/bundle.mjs /tmp/x/dist` with
// action.yml linked beside it (`ln -s $PWD/action.yml /tmp/x/`), the CLI reads it from there.
const CLI = process.env.CORPUS_CLI ?? 'dist/cli.js'
const PARALLEL = 2
// Short: a replay that keeps its port open without answering ends at this timeout.
const TIMEOUT_SEC = 8

function replayCommand(entry) {
  const args = ['python3', '/replay/replay.py', entry.file, '--stream', entry.stream ?? 'stderr']
  if (!entry.running) args.push('--exit', String(entry.exit_code ?? 1))
  else if (entry.http_status !== undefined) args.push('--status', String(entry.http_status))
  return args.join(' ')
}

/** One replay through `node dist/cli.js`; the JSON report says what the action would have said. */
async function replayOnce(entry, emptyRepo) {
  const cli = [CLI, emptyRepo, '--image', IMAGE, '--command', replayCommand(entry)]
  cli.push('--timeout', String(TIMEOUT_SEC), '--health-path', '/', '--format', 'json')
  const started = Date.now()
  let stdout
  let stderr
  try {
    ;({ stdout, stderr } = await run('node', cli, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }))
  } catch (error) {
    // A failed smoke run exits 1 with the report on stdout, which is the normal case here.
    ;({ stdout, stderr } = error)
  }
  const ms = Date.now() - started
  try {
    const report = JSON.parse(stdout)
    return { reason: report.reason ?? 'pass', summary: report.diagnosis?.summary ?? report.summary, ms }
  } catch {
    const lastLine = String(stderr ?? '')
      .trim()
      .split('\n')
      .pop()
    return { reason: 'no-report', summary: `the CLI wrote no JSON report: ${lastLine}`, ms }
  }
}

/** A run that produced no report at all (the engine hiccuped) is tried once more before it counts. */
async function replay(entry, emptyRepo) {
  const first = await replayOnce(entry, emptyRepo)
  return first.reason === 'no-report' ? replayOnce(entry, emptyRepo) : first
}

async function pool(items, size, worker) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await worker(items[index], index)
      }
    })
  )
  return results
}

function percent(right, total) {
  return total === 0 ? '–' : `${Math.round((100 * right) / total)}%`
}

function reasonTable(rows) {
  const byReason = new Map()
  for (const row of rows) {
    const tally = byReason.get(row.entry.reason) ?? { right: 0, total: 0 }
    tally.total++
    if (row.ok) tally.right++
    byReason.set(row.entry.reason, tally)
  }
  const lines = ['| reason | logs | right | accuracy |', '| --- | --- | --- | --- |']
  for (const [reason, tally] of [...byReason].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
    lines.push(`| ${reason} | ${tally.total} | ${tally.right} | ${percent(tally.right, tally.total)} |`)
  }
  return lines
}

/** Right answers: the reason, and the culprit where the index names one (counted apart too). */
function tally(rows) {
  const right = rows.filter((row) => row.ok).length
  const withCulprit = rows.filter((row) => row.entry.culprit !== undefined)
  const named = withCulprit.filter((row) => row.named).length
  const reasonRight = rows.filter((row) => row.reasonOk).length
  return (
    `${right} of ${rows.length} right (${percent(right, rows.length)}); reason right ${reasonRight} of ${rows.length} ` +
    `(${percent(reasonRight, rows.length)}), culprit named ${named} of ${withCulprit.length} (${percent(named, withCulprit.length)})`
  )
}

/** The logs whose own text shows the labelled cause (a blind reading); a culprit only the thread names is not asked for. */
function shownByLog(rows) {
  const shown = rows.filter((row) => row.entry.shows_cause !== 'no')
  const right = shown.filter((row) => (row.entry.shows_cause === 'reason-only' ? row.reasonOk : row.ok)).length
  return `${right} of ${shown.length} (${percent(right, shown.length)})`
}

/** The three parts: held out (test part, collected after the split), test-part logs read before it, development. */
function corpusParts(rows) {
  return {
    heldOut: rows.filter((row) => row.entry.part === 'test' && !row.entry.before_split),
    testBeforeSplit: rows.filter((row) => row.entry.part === 'test' && row.entry.before_split),
    dev: rows.filter((row) => row.entry.part !== 'test')
  }
}

function markdown(rows, totalMs) {
  const parts = corpusParts(rows)
  const lines = [
    '# Corpus replay',
    '',
    `Generated by \`npm run corpus\` (scripts/corpus.mjs) on ${new Date().toISOString().slice(0, 10)}: every log of`,
    '`__fixtures__/corpus` printed by the replay image (base `' +
      BASE +
      '`) and run through ' +
      (CLI === 'dist/cli.js' ? '`node dist/cli.js`' : 'the CLI bundled from `src/` (`CORPUS_CLI`)') +
      ' with',
    `\`image\` + \`command\`, \`timeout\` ${TIMEOUT_SEC} s, ${PARALLEL} at a time. Right = the reason id of the thread's cause and, where the`,
    'index names one, the culprit in the diagnosis summary. Provenance: `__fixtures__/corpus/PROVENANCE.md`.',
    'The parts are fixed by sha256(source URL): one third test, two thirds development; rules are written from the',
    'development part only. The 61 logs collected before the split were all read when the earlier rules were written,',
    'so their test-part share is reported apart; the headline is the held-out test part.',
    '',
    `**Held-out test part (headline): ${tally(parts.heldOut)}.**`,
    '',
    `Of the logs whose own text shows the labelled cause (a blind reading, \`shows_cause\` in the index, PROVENANCE.md): held-out`,
    `test part ${shownByLog(parts.heldOut)}, development part ${shownByLog(parts.dev)}.`,
    '',
    `Test-part logs from before the split: ${tally(parts.testBeforeSplit)}. Development part: ${tally(parts.dev)}.`,
    `All ${rows.length} logs: ${tally(rows)}; whole replay ${Math.round(totalMs / 1000)} s.`,
    '',
    ...unknownReasonsLine(rows),
    '### Held-out test part, by reason',
    '',
    ...reasonTable(parts.heldOut),
    '',
    '### Development part and the logs from before the split, by reason',
    '',
    ...reasonTable([...parts.dev, ...parts.testBeforeSplit])
  ]
  lines.push(
    '',
    '## Misses',
    '',
    'For each: its part, what the action said, and whether the unit test (`__tests__/corpus.test.ts`) lists it as a known miss, with why (from the index).',
    ''
  )
  lines.push('| log | part | expected | got | what the action said | unit test, and why |', '| --- | --- | --- | --- | --- | --- |')
  for (const row of rows.filter((r) => !r.ok)) {
    const expected = row.entry.culprit ? `${row.entry.reason} naming \`${row.entry.culprit}\`` : row.entry.reason
    const said = String(row.got.summary ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
      .slice(0, 160)
    const unit = row.entry.known_miss ? `known miss: ${String(row.entry.why ?? '').replace(/\|/g, '\\|')}` : 'passes there: replay-only miss'
    const part = row.entry.part === 'test' ? (row.entry.before_split ? 'test (before split)' : 'test (held out)') : 'dev'
    lines.push(`| ${row.entry.file} | ${part} | ${expected} | ${row.got.reason} | ${said} | ${unit} |`)
  }
  return `${lines.join('\n')}\n`
}

/** Reason ids of the registry: a corpus reason outside it cannot be answered by any rule yet. */
function knownReasons() {
  return new Set(REASON_IDS)
}

function unknownReasonsLine(rows) {
  const known = knownReasons()
  const outside = [...new Set(rows.map((row) => row.entry.reason).filter((reason) => !known.has(reason)))]
  if (outside.length === 0) return []
  const inside = rows.filter((row) => known.has(row.entry.reason))
  const right = inside.filter((row) => row.ok).length
  const count = rows.length - inside.length
  return [
    `Reasons the rule table does not have yet: ${outside.map((r) => `\`${r}\``).join(', ')} (${count} logs). On the reasons it has: **${right} of ${inside.length} (${percent(right, inside.length)})**.`,
    ''
  ]
}

/** The build corpus's section (scripts/corpus-build.mjs), kept as it is. */
function buildSection() {
  const current = existsSync(path.join(ROOT, 'CORPUS.md')) ? readFileSync(path.join(ROOT, 'CORPUS.md'), 'utf8') : ''
  const start = current.indexOf('<!-- build-corpus:start -->')
  return start >= 0 ? `\n${current.slice(start)}` : ''
}

async function main() {
  if (!existsSync(path.resolve(ROOT, CLI))) throw new Error(`${CLI} is missing: run \`npm run bundle\` first.`)
  const entries = parseYaml(readFileSync(path.join(CORPUS, 'index.yaml'), 'utf8')).logs
  const partFlag = process.argv.indexOf('--part')
  const part = partFlag >= 0 ? process.argv[partFlag + 1] : undefined
  const only = partFlag >= 0 ? undefined : process.argv[2]
  const inPart = part ? entries.filter((entry) => (entry.part === 'test' ? 'test' : 'dev') === part) : entries
  const selected = only ? inPart.filter((entry) => entry.file.includes(only)) : inPart
  console.log(`Building ${IMAGE} from ${BASE}…`)
  await run('docker', ['build', '-q', '-t', IMAGE, '-f', path.join(CORPUS, 'replay/Dockerfile'), '--build-arg', `BASE_IMAGE=${BASE}`, CORPUS])
  const emptyRepo = mkdtempSync(path.join(tmpdir(), 'corpus-replay-'))
  const started = Date.now()
  try {
    const rows = await pool(selected, PARALLEL, async (entry) => {
      const got = await replay(entry, emptyRepo)
      const reasonOk = got.reason === entry.reason
      const named = entry.culprit !== undefined && String(got.summary).includes(String(entry.culprit))
      const ok = reasonOk && (entry.culprit === undefined || named)
      console.log(`${ok ? 'ok  ' : 'MISS'} [${entry.part}] ${entry.file} → ${got.reason} (${got.ms} ms)${ok ? '' : `, expected ${entry.reason}`}`)
      return { entry, got, ok, reasonOk, named }
    })
    const report = markdown(rows, Date.now() - started)
    console.log(`\n${report}`)
    if (!only && !part) writeFileSync(path.join(ROOT, 'CORPUS.md'), `${report}${buildSection()}`)
  } finally {
    rmSync(emptyRepo, { recursive: true, force: true })
    await run('docker', ['image', 'rm', IMAGE]).catch(() => undefined)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`corpus replay failed: ${error.message}`)
    process.exit(1)
  }
)
