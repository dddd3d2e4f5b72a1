#!/usr/bin/env node
// A failing app in a compose stack: the dependencies' start-up is reported apart from the app's boot, and the
// verdict still comes right after Gunicorn gives up (the target: ≤ 0.5 s, as without a stack).
//
//   node bench/compose-verdict.mjs [--reps 3] [--base bookworm] [--json bench/compose-verdict.json] [--trace]
//
// Runs the CLI twin (dist/cli.js --format json) on __fixtures__/compose/django-stack, whose db, migrate job and
// redis start under `docker compose up --wait`, with a settings module that does not exist, so every worker fails
// to boot. From the JSON report: the Services row's duration (dependency start-up); the verdict (the report's end)
// after Gunicorn gives up (the master's `Reason:` / `Shutting down: Master` line, as the action read it), or after
// the last line the action read when it decided before the master gave up; and when the CLI printed the report
// (what a user waits for: anything still on the path after the verdict, such as the project's `down`, shows here).
// --trace puts a shim before `docker` on PATH that times every Docker call, and lists the calls that ran after
// Gunicorn gave up (ms after the give-up line, duration).
// Needs scripts/test-env.sh and scripts/test-services.sh.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    base: { type: 'string', default: 'bookworm' },
    json: { type: 'string', default: path.join(ROOT, 'bench', 'compose-verdict.json') },
    trace: { type: 'boolean', default: false }
  }
})

/** A `docker` on PATH that appends `start end exit-code args` (ms since the epoch) to $COMPOSE_BENCH_TRACE. */
function traceShim() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-verdict-'))
  const real = process.env.PATH.split(path.delimiter)
    .map((entry) => path.join(entry, 'docker'))
    .find((file) => fs.existsSync(file))
  fs.writeFileSync(
    path.join(dir, 'docker'),
    `#!/bin/sh\nstart=$(date +%s%3N)\n${real} "$@"\ncode=$?\necho "$start $(date +%s%3N) $code $*" >>"$COMPOSE_BENCH_TRACE"\nexit $code\n`,
    { mode: 0o755 }
  )
  return dir
}
const shim = args.trace ? traceShim() : undefined

const median = (values) => {
  // A run whose log shows no master line giving up (the container exited first) has no figure.
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function once(i) {
  const trace = shim ? path.join(shim, `trace-${i}.txt`) : undefined
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'dist', 'cli.js'),
      path.join(ROOT, '__fixtures__', 'compose', 'django-stack'),
      '--build-args',
      `BASE_IMAGE=gunicorn-smoke-base:${args.base}`,
      '--command',
      'gunicorn shop.wsgi:application --bind 0.0.0.0:8000 --workers 2 --env DJANGO_SETTINGS_MODULE=shop.settings_missing',
      '--format',
      'json'
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: shim ? { ...process.env, PATH: `${shim}${path.delimiter}${process.env.PATH}`, COMPOSE_BENCH_TRACE: trace } : process.env
    }
  )
  let stdout = ''
  let printedAt
  child.stdout.on('data', (chunk) => {
    printedAt ??= Date.now()
    stdout += chunk
  })
  await new Promise((resolve) => child.on('close', resolve))
  const report = JSON.parse(stdout)
  const gaveUp = report.log.find((line) => /Reason: |Shutting down: Master|HaltServer/.test(line.text))
  const services = report.checks.find((check) => check.id === 'services')
  const verdictAt = Date.parse(report.startedAt) + report.durationMs
  const afterGaveUp =
    trace && gaveUp
      ? fs
          .readFileSync(trace, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' '))
          .filter(([, end]) => Number(end) > gaveUp.at)
          .map(
            ([start, end, , ...call]) => `${Number(start) - gaveUp.at} ms +${Number(end) - Number(start)} ms: docker ${call.slice(0, 6).join(' ')}`
          )
      : undefined
  return {
    reason: report.reason,
    dependencyStartMs: services?.durationMs,
    dependencies: report.dependencies,
    verdictAfterGaveUpMs: gaveUp ? verdictAt - gaveUp.at : undefined,
    // Without the master's line, the action decided on the workers' failures before Gunicorn gave up: the time
    // from the last line it read (a worker's `Worker exiting`) to the verdict.
    verdictAfterLastLineMs: report.log.length > 0 ? verdictAt - report.log[report.log.length - 1].at : undefined,
    printedAfterGaveUpMs: gaveUp && printedAt ? printedAt - gaveUp.at : undefined,
    printedAfterLastLineMs: report.log.length > 0 && printedAt ? printedAt - report.log[report.log.length - 1].at : undefined,
    ...(afterGaveUp ? { dockerCallsAfterGaveUp: afterGaveUp } : {})
  }
}

const runs = []
for (let i = 0; i < Number(args.reps); i++) {
  runs.push(await once(i))
  process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs[runs.length - 1])}\n`)
}
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))), base: args.base },
  reasons: [...new Set(runs.map((run) => run.reason))],
  dependencyStartMs: { median: median(runs.map((run) => run.dependencyStartMs)), all: runs.map((run) => run.dependencyStartMs) },
  verdictAfterGaveUpMs: { median: median(runs.map((run) => run.verdictAfterGaveUpMs)), all: runs.map((run) => run.verdictAfterGaveUpMs) },
  verdictAfterLastLineMs: { median: median(runs.map((run) => run.verdictAfterLastLineMs)), all: runs.map((run) => run.verdictAfterLastLineMs) },
  printedAfterLastLineMs: { median: median(runs.map((run) => run.printedAfterLastLineMs)), all: runs.map((run) => run.printedAfterLastLineMs) },
  printedAfterGaveUpMs: { median: median(runs.map((run) => run.printedAfterGaveUpMs)), all: runs.map((run) => run.printedAfterGaveUpMs) }
}
fs.writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n')
process.stdout.write(JSON.stringify(result, null, 2) + '\n')
