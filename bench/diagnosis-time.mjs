#!/usr/bin/env node
// Time of the diagnosis itself (every rule of every reason, in registry order) on a big log: 100,000 lines of an
// app's own output, then a worker's `ModuleNotFoundError` (the evidence at the end), and the same noise with no cause
// at all (every rule reads every line and none answers: the slowest path). The parse is done once, outside the timing;
// this is what the verdict adds after the log has been read. Run with tsx (the rules are TypeScript):
//
//   node --import tsx bench/diagnosis-time.mjs [--root DIR] [--label NAME] [--reps 9] [--write]
//
// Results are merged by label into bench/diagnosis-time.json; --write renders them into BENCHMARKS.md (own section).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { execFileSync } from 'node:child_process'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: ROOT },
    label: { type: 'string' },
    reps: { type: 'string', default: '9' },
    write: { type: 'boolean', default: false }
  }
})
const JSON_FILE = path.join(ROOT, 'bench', 'diagnosis-time.json')
const START = '<!-- diagnosis-time:start -->'
const END = '<!-- diagnosis-time:end -->'
const LINES = 100_000
const REPS = Math.max(3, Number(args.reps))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]

const load = (relative) => import(pathToFileURL(path.join(args.root, relative)).href)
const { diagnose } = await load('src/diagnosis/index.ts')
const { toLogLines } = await load('src/gunicorn/log-parser.ts')
const { BootTracker } = await load('src/gunicorn/boot-tracker.ts')

const noise = Array.from(
  { length: LINES },
  (_, i) => `2024-05-01 10:00:00,${String(i % 1000).padStart(3, '0')} INFO app.request: handled GET /api/items/${i} in 12ms status=200 bytes=${i * 7}`
)
const boot = ['[2024-05-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 22.0.0', '[2024-05-01 10:00:00 +0000] [8] [INFO] Booting worker with pid: 8']
const cause = [
  '[2024-05-01 10:00:01 +0000] [8] [ERROR] Exception in worker process',
  'Traceback (most recent call last):',
  '  File "/app/app.py", line 3, in <module>',
  '    import stripe',
  "ModuleNotFoundError: No module named 'stripe'",
  '[2024-05-01 10:00:01 +0000] [8] [INFO] Worker exiting (pid: 8)'
]
const repoRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnosis-time-'))

function contextOf(text) {
  const lines = toLogLines(text)
  const tracker = new BootTracker()
  for (const line of lines) tracker.push(line)
  tracker.flush()
  return {
    outcome: 'container-exited',
    lines,
    events: [...tracker.events],
    state: tracker.state(),
    container: { running: false, exitCode: 3 },
    settings: { port: 8000, timeoutSec: 8, healthPath: '/', healthStatus: '200-399' },
    paths: { repoRoot, contextDir: repoRoot },
    env: { provided: [] }
  }
}

function measure(name, text, expected) {
  const ctx = contextOf(text)
  const times = []
  let reason
  for (let rep = 0; rep < REPS; rep++) {
    const started = performance.now()
    reason = diagnose(ctx).reason
    times.push(performance.now() - started)
  }
  if (reason !== expected) throw new Error(`${name}: diagnosed ${reason}, expected ${expected}`)
  return { name, medianMs: Math.round(median(times)), minMs: Math.round(Math.min(...times)), reason }
}

const cases = [
  measure('cause at the end', [...boot, ...noise, ...cause].join('\n'), 'missing-dependency'),
  measure('no cause at all', [...boot, ...noise].join('\n'), 'unknown')
]
fs.rmSync(repoRoot, { recursive: true, force: true })

const commit = execFileSync('git', ['-C', args.root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
const label = args.label ?? commit
const result = { label, commit, at: new Date().toISOString(), load: os.loadavg()[0].toFixed(2), reps: REPS, lines: LINES, cases }
console.log(JSON.stringify(result, null, 2))

const saved = fs.existsSync(JSON_FILE) ? JSON.parse(fs.readFileSync(JSON_FILE, 'utf8')) : {}
saved[label] = result
fs.writeFileSync(JSON_FILE, `${JSON.stringify(saved, null, 2)}\n`)

if (args.write) {
  const rows = Object.values(saved).flatMap((r) =>
    r.cases.map((c) => `| ${r.label} | ${r.at.slice(0, 16).replace('T', ' ')} | ${r.load} | ${c.name} | ${c.medianMs} ms | ${c.minMs} ms |`)
  )
  const section = [
    START,
    '',
    '## Diagnosis time on a big log',
    '',
    `\`node --import tsx bench/diagnosis-time.mjs [--root DIR --label NAME] --write\`: ${LINES.toLocaleString('en')} lines of an app's`,
    "output, then a worker's `ModuleNotFoundError`, and the same noise with no cause; the parse is outside the timing,",
    `so this is what every rule adds to the verdict. Median and minimum of ${REPS} runs, in process; the load is the`,
    "machine's 1-minute load average when it ran (2 cores).",
    '',
    '| label | when (UTC) | load | log | median | min |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    END
  ].join('\n')
  const file = path.join(ROOT, 'BENCHMARKS.md')
  const current = fs.readFileSync(file, 'utf8')
  const start = current.indexOf(START)
  const next =
    start >= 0
      ? current.slice(0, start) + section + current.slice(current.indexOf(END) + END.length)
      : `${current.replace(/\n*$/, '\n\n')}${section}\n`
  fs.writeFileSync(file, next)
}
