#!/usr/bin/env node
// How long the verdict takes once a worker is known to be stuck or an app answers wrongly, on prebuilt images
// of the fixtures (no build in any number), through the CLI bundle:
//   worker-hang      the boot timeout (container start + `timeout`) → verdict (process exit): the stack request
//                    (SIGSEGV, waiting for faulthandler's dump), teardown and the report;
//                    and the dump's first line → verdict;
//   asgi-under-wsgi  the first `Error handling request` line → verdict;
//   disallowed-host  the last `Booting worker` line → verdict (Django logs nothing; an upper bound of
//                    first wrong answer → verdict).
//
//   node bench/hang-verdict.mjs [--reps 3] [--bases bookworm,trixie,forky] [--json bench/hang-verdict.json]
//
// GSMOKE_CLI runs a CLI bundle built elsewhere (`node scripts/bundle.mjs DIR`); default dist/cli.js.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = process.env.GSMOKE_CLI ?? path.join(ROOT, 'dist', 'cli.js')
const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    bases: { type: 'string', default: 'bookworm,trixie,forky' },
    json: { type: 'string', default: path.join(ROOT, 'bench', 'hang-verdict.json') }
  }
})
const REPS = Math.max(1, Number(args.reps))
const HANG_TIMEOUT_S = 10

const SCENARIOS = [
  { name: 'worker-hang', fixture: 'fail-worker-hang', options: ['--timeout', String(HANG_TIMEOUT_S)] },
  { name: 'asgi-under-wsgi', fixture: 'fail-asgi-under-wsgi', options: ['--timeout', '60'] },
  { name: 'disallowed-host', fixture: 'fail-disallowed-host', options: ['--timeout', '60'] }
]

function runOnce(base, scenario) {
  const context = path.join(ROOT, '__fixtures__', 'apps', scenario.fixture)
  const image = `gsmoke-bench-hang-${scenario.fixture}:${base}`
  execFileSync('docker', ['build', '-q', '-t', image, '--build-arg', `BASE_IMAGE=gunicorn-smoke-base:${base}`, context], { stdio: 'ignore' })
  const spawnedAt = Date.now()
  const result = spawnSync('node', [CLI, context, '--image', image, '--stability-window', '0', '--format', 'json', ...scenario.options], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const exitedAt = Date.now()
  const report = JSON.parse(result.stdout)
  const lines = report.log
  const startLine = lines.find((l) => l.text.includes('Starting gunicorn'))
  const startRow = report.checks.find((c) => c.id === 'start')
  const containerStartedAt = startLine && startRow?.durationMs !== undefined ? startLine.at - startRow.durationMs : undefined
  const at = (pattern) => lines.find((l) => pattern.test(l.text))?.at
  const lastAt = (pattern) => [...lines].reverse().find((l) => pattern.test(l.text))?.at
  const figures = { reason: report.reason, wallMs: exitedAt - spawnedAt }
  if (scenario.name === 'worker-hang') {
    figures.deadlineToVerdictMs = containerStartedAt !== undefined ? exitedAt - (containerStartedAt + HANG_TIMEOUT_S * 1000) : undefined
    const dump = at(/^Fatal Python error/)
    figures.dumpToVerdictMs = dump !== undefined ? exitedAt - dump : undefined
  } else if (scenario.name === 'asgi-under-wsgi') {
    const first = at(/Error handling request/)
    figures.firstWrongAnswerToVerdictMs = first !== undefined ? exitedAt - first : undefined
  } else {
    const lastBoot = lastAt(/Booting worker with pid/)
    figures.lastBootToVerdictMs = lastBoot !== undefined ? exitedAt - lastBoot : undefined
  }
  return figures
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

const results = { date: new Date().toISOString(), load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), runs: {} }
for (const base of args.bases.split(',')) {
  for (const scenario of SCENARIOS) {
    const runs = []
    for (let i = 0; i < REPS; i++) runs.push(runOnce(base, scenario))
    results.runs[`${base}/${scenario.name}`] = runs
    const keys = Object.keys(runs[0]).filter((k) => k.endsWith('Ms'))
    const summary = keys.map((k) => `${k} ${median(runs.map((r) => r[k]))} ms`).join(', ')
    console.log(`${base} ${scenario.name}: ${runs.map((r) => r.reason).join('/')}; median ${summary}`)
  }
  for (const scenario of SCENARIOS) spawnSync('docker', ['rmi', `gsmoke-bench-hang-${scenario.fixture}:${base}`], { stdio: 'ignore' })
}
fs.writeFileSync(args.json, `${JSON.stringify(results, null, 1)}\n`)
