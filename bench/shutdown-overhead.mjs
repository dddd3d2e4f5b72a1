#!/usr/bin/env node
// What the graceful-shutdown check adds to a healthy run: the same prebuilt image of __fixtures__/apps/ok-graceful-shutdown
// through the CLI bundle, alternating `--shutdown-check false` and the default (SIGTERM with a request to the health
// path in flight), `--stability-window 1`. Only the tail of each run is compared: from the moment the CLI says it starts
// the stability window (the same step in both modes) to the CLI's exit. The boot before it varies by seconds on a
// loaded machine and is the same work in both modes, so comparing whole runs measured that noise, not the check.
// Added = median tail with the check − median tail without; the app's own shutdown = median time from the signal to
// the container's exit (the report's `shutdown.exited.afterMs`). The target: added ≤ the app's own shutdown + 300 ms.
//
//   node bench/shutdown-overhead.mjs [--reps 5] [--bases bookworm,trixie,forky] [--json bench/shutdown-overhead.json] [--write]
//
// --write puts the table between the shutdown-overhead markers of BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process'
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
    reps: { type: 'string', default: '5' },
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

/** The step both modes share right before the part that differs: the stability window starts. */
const STABILITY_LINE = /^› Watching for \d+ s that no worker exits/m

function runOnce(image, check) {
  const options = ['--image', image, '--stability-window', '1', '--shutdown-check', check ? 'true' : 'false', '--json']
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, FIXTURE, ...options], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let stabilityAt
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (stabilityAt === undefined && STABILITY_LINE.test(stderr)) stabilityAt = performance.now()
    })
    child.on('error', reject)
    child.on('close', () => {
      const endedAt = performance.now()
      const report = JSON.parse(stdout)
      if (report.result !== 'pass') return reject(new Error(`${image}: the run did not pass (${report.reason}: ${report.summary})`))
      if (stabilityAt === undefined) return reject(new Error(`${image}: the CLI never said it started the stability window`))
      resolve({
        durationMs: report.durationMs,
        tailMs: endedAt - stabilityAt,
        shutdownMs: report.shutdown?.exited?.afterMs,
        signalToHandledMs: report.shutdown?.handled?.afterMs,
        requestMs: report.shutdown?.request?.durationMs
      })
    })
  })
}

async function measure(base) {
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
      without.push(await runOnce(image, false))
      withCheck.push(await runOnce(image, true))
    }
    const added = median(withCheck.map((r) => r.tailMs)) - median(without.map((r) => r.tailMs))
    const appShutdown = median(withCheck.map((r) => r.shutdownMs))
    // Before the signal the check waits for the request to reach a worker (at most 150 ms, less when it answers first).
    const inFlightWait = median(withCheck.map((r) => Math.min(r.requestMs, 150)))
    return {
      base,
      without,
      withCheck,
      addedMs: added,
      appShutdownMs: appShutdown,
      inFlightWaitMs: inFlightWait,
      withinTarget: added <= appShutdown + 300
    }
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
  results: []
}
for (const base of BASES) measured.results.push(await measure(base))
fs.writeFileSync(args.json, JSON.stringify(measured, null, 2) + '\n')

const ms = (value) => `${Math.round(value)} ms`
const rows = measured.results.map(
  (r) =>
    `| ${r.base} | ${ms(median(r.without.map((x) => x.tailMs)))} | ${ms(median(r.withCheck.map((x) => x.tailMs)))} | ` +
    `**${ms(r.addedMs)}** | ${ms(r.appShutdownMs)} | ${ms(r.inFlightWaitMs)} | ${ms(r.addedMs - r.appShutdownMs)} | ${r.withinTarget ? 'yes' : 'no'} |`
)
const table = [
  '<!-- shutdown-overhead:start -->',
  '## Graceful-shutdown check: what it adds to a healthy run',
  '',
  `\`node bench/shutdown-overhead.mjs --reps ${REPS} --write\` (${measured.at}, load ${measured.load} at the start): the prebuilt image of`,
  '`__fixtures__/apps/ok-graceful-shutdown` through the CLI bundle, alternating runs without the check (`shutdown-check: false`,',
  'the running container removed with `docker rm --force`) and with it (SIGTERM, a request to the health path in flight),',
  "`stability-window: 1`. Tail = from the CLI's `› Watching for 1 s` line (the same step in both modes) to its exit, so the",
  "boot's noise is left out. Added = median tail with − median tail without; the app's own shutdown = median time from the",
  "`docker kill` to the container's exit; in-flight wait = the time the check gives the request before the signal.",
  'Target: added ≤ own shutdown + 300 ms.',
  '',
  "| base | tail without (median) | tail with (median) | added | app's own shutdown | in-flight wait | added − own shutdown | within target |",
  '|---|---|---|---|---|---|---|---|',
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
