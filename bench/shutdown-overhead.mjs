#!/usr/bin/env node
// What the graceful-shutdown check adds to a healthy run: the same prebuilt image of __fixtures__/apps/ok-graceful-shutdown
// through the CLI bundle, alternating `--shutdown-check false` and the default (SIGTERM with a request to the health
// path in flight), `--stability-window 1`. Added time = median run with the check − median run without; the app's own
// shutdown = median time from the signal to the container's exit (the report's `shutdown.exited.afterMs`). The target:
// added ≤ the app's own shutdown + 300 ms. Run durations are the report's `durationMs` (this machine's clock).
//
//   node bench/shutdown-overhead.mjs [--reps 3] [--bases bookworm,trixie,forky] [--json bench/shutdown-overhead.json] [--write]
//
// --write puts the table between the shutdown-overhead markers of BENCHMARKS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = process.env.GSMOKE_CLI ?? path.join(ROOT, 'dist', 'cli.js')
const FIXTURE = path.join(ROOT, '__fixtures__', 'apps', 'ok-graceful-shutdown')
const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    bases: { type: 'string', default: 'bookworm,trixie,forky' },
    json: { type: 'string', default: path.join(ROOT, 'bench', 'shutdown-overhead.json') },
    write: { type: 'boolean', default: false }
  }
})
const REPS = Math.max(1, Number(args.reps))
const BASES = args.bases.split(',').filter(Boolean)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function runOnce(image, check) {
  const options = ['--image', image, '--stability-window', '1', '--shutdown-check', check ? 'true' : 'false', '--json']
  const result = spawnSync(process.execPath, [CLI, FIXTURE, ...options], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const report = JSON.parse(result.stdout)
  if (report.result !== 'pass') throw new Error(`${image}: the run did not pass (${report.reason}: ${report.summary})`)
  return { durationMs: report.durationMs, shutdownMs: report.shutdown?.exited?.afterMs, signalToHandledMs: report.shutdown?.handled?.afterMs }
}

function measure(base) {
  const image = `gsmoke-bench-shutdown:${base}`
  execFileSync(
    'docker',
    [
      'build',
      '--quiet',
      '--label',
      'io.github.gunicorn-smoke.bench=shutdown',
      '--build-arg',
      `BASE_IMAGE=gunicorn-smoke-base:${base}`,
      '--tag',
      image,
      FIXTURE
    ],
    {
      stdio: 'ignore'
    }
  )
  try {
    const without = []
    const withCheck = []
    for (let rep = 0; rep < REPS; rep++) {
      without.push(runOnce(image, false))
      withCheck.push(runOnce(image, true))
    }
    const added = median(withCheck.map((r) => r.durationMs)) - median(without.map((r) => r.durationMs))
    const appShutdown = median(withCheck.map((r) => r.shutdownMs))
    return { base, without, withCheck, addedMs: added, appShutdownMs: appShutdown, withinTarget: added <= appShutdown + 300 }
  } finally {
    execFileSync('docker', ['rmi', '--force', image], { stdio: 'ignore' })
  }
}

const measured = {
  at: new Date().toISOString(),
  load: os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  reps: REPS,
  results: BASES.map(measure)
}
fs.writeFileSync(args.json, JSON.stringify(measured, null, 2) + '\n')

const ms = (value) => `${Math.round(value)} ms`
const rows = measured.results.map(
  (r) =>
    `| ${r.base} | ${ms(median(r.without.map((x) => x.durationMs)))} | ${ms(median(r.withCheck.map((x) => x.durationMs)))} | ` +
    `**${ms(r.addedMs)}** | ${ms(r.appShutdownMs)} | ${ms(r.addedMs - r.appShutdownMs)} | ${r.withinTarget ? 'yes' : 'no'} |`
)
const table = [
  '<!-- shutdown-overhead:start -->',
  '## Graceful-shutdown check: what it adds to a healthy run',
  '',
  `\`node bench/shutdown-overhead.mjs --reps ${REPS} --write\` (${measured.at}, load ${measured.load}): the prebuilt image of`,
  '`__fixtures__/apps/ok-graceful-shutdown` through the CLI bundle, alternating runs without the check (`shutdown-check: false`,',
  'the container removed with `docker rm --force`) and with it (SIGTERM, a request to the health path in flight), `stability-window: 1`.',
  "Added = median run with the check − median run without; the app's own shutdown = median time from the signal to the container's",
  "exit (Gunicorn's master loop wakes about once a second, so most of it is Gunicorn's). Target: added ≤ own shutdown + 300 ms.",
  '',
  "| base | run without (median) | run with (median) | added | app's own shutdown | added − own shutdown | within target |",
  '|---|---|---|---|---|---|---|',
  ...rows,
  '<!-- shutdown-overhead:end -->'
].join('\n')
console.log(table)
if (args.write) {
  const file = path.join(ROOT, 'BENCHMARKS.md')
  const text = fs.readFileSync(file, 'utf8')
  const section = /<!-- shutdown-overhead:start -->[\s\S]*<!-- shutdown-overhead:end -->/
  fs.writeFileSync(file, section.test(text) ? text.replace(section, table) : `${text.trimEnd()}\n\n${table}\n`)
}
