#!/usr/bin/env node
// A failing app in a compose stack: the dependencies' start-up is reported apart from the app's boot, and the
// verdict still comes right after Gunicorn gives up (the target: ≤ 0.5 s, as without a stack).
//
//   node bench/compose-verdict.mjs [--reps 3] [--base bookworm] [--json bench/compose-verdict.json]
//
// Runs the CLI twin (dist/cli.js --format json) on __fixtures__/compose/django-stack, whose db and redis start under
// `docker compose up --wait`, with a settings module that does not exist, so every worker fails to boot. From the
// JSON report: the Services row's duration (dependency start-up), the app's boot up to Gunicorn giving up (the
// master's `Reason:` / `Shutting down: Master` line, as the action read it), and the verdict (the report's end,
// taken before the project is taken down) after it. Needs scripts/test-env.sh and scripts/test-services.sh.
import { spawnSync } from 'node:child_process'
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
    json: { type: 'string', default: path.join(ROOT, 'bench', 'compose-verdict.json') }
  }
})

const median = (values) => {
  // A run whose log shows no master line giving up (the container exited first) has no figure.
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function once() {
  const run = spawnSync(
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
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  const report = JSON.parse(run.stdout)
  const gaveUp = report.log.find((line) => /Reason: |Shutting down: Master|HaltServer/.test(line.text))
  const services = report.checks.find((check) => check.id === 'services')
  const verdictAt = Date.parse(report.startedAt) + report.durationMs
  return {
    reason: report.reason,
    dependencyStartMs: services?.durationMs,
    dependencies: report.dependencies,
    verdictAfterGaveUpMs: gaveUp ? verdictAt - gaveUp.at : undefined
  }
}

const runs = []
for (let i = 0; i < Number(args.reps); i++) {
  runs.push(once())
  process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs[runs.length - 1])}\n`)
}
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))), base: args.base },
  reasons: [...new Set(runs.map((run) => run.reason))],
  dependencyStartMs: { median: median(runs.map((run) => run.dependencyStartMs)), all: runs.map((run) => run.dependencyStartMs) },
  verdictAfterGaveUpMs: { median: median(runs.map((run) => run.verdictAfterGaveUpMs)), all: runs.map((run) => run.verdictAfterGaveUpMs) }
}
fs.writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n')
process.stdout.write(JSON.stringify(result, null, 2) + '\n')
