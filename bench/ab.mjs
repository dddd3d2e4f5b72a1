// A/B of two bundles in the same run conditions: `node bench/ab.mjs --before REV [--rounds 4]` builds the
// bundle of REV in a temporary worktree, then alternates `bench/run.mjs --action-only --reps 1` between it and
// the current dist/ (which goes first alternates each round) and writes the medians of the action's own
// figures side by side to bench/ab-results.md. The machine's load hits both equally; absolute figures are in
// BENCHMARKS.md.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    only: { type: 'string', default: 'failing,healthy,overhead,memory' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'ab-results.md') }
  }
})
if (!args.before) throw new Error('Give the commit to compare with: --before REV.')
const rounds = Math.max(1, Number(args.rounds))
const git = (...argv) => execFileSync('git', ['-C', ROOT, ...argv], { encoding: 'utf8' }).trim()
const log = (message) => process.stderr.write(`${message}\n`)

const beforeSha = git('rev-parse', '--short', args.before)
const afterSha = git('rev-parse', '--short', 'HEAD')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-ab-'))
const worktree = path.join(work, 'before')
git('worktree', 'add', '--detach', worktree, args.before)
try {
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(worktree, 'node_modules'))
  // Bundled inside the worktree, so the bundle finds its action.yml one level up as dist/ does.
  execFileSync(process.execPath, ['scripts/bundle.mjs', path.join(worktree, 'ab-dist')], { cwd: worktree, stdio: 'ignore' })
  const bundles = { before: path.join(worktree, 'ab-dist', 'index.js'), after: path.join(ROOT, 'dist', 'index.js') }
  const samples = { before: [], after: [] }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['before', 'after'] : ['after', 'before']
    for (const side of order) {
      const json = path.join(work, `${side}-${round}.json`)
      log(`round ${round + 1}/${rounds}: ${side}`)
      execFileSync(process.execPath, ['bench/run.mjs', '--action-only', '--reps', '1', '--only', args.only, '--json', json], {
        cwd: ROOT,
        env: { ...process.env, GSMOKE_BUNDLE: bundles[side] },
        stdio: ['ignore', 'ignore', 'inherit']
      })
      samples[side].push(JSON.parse(fs.readFileSync(json, 'utf8')))
    }
  }
  fs.writeFileSync(args.out, render(samples, { beforeSha, afterSha, rounds }))
  log(`Wrote ${path.relative(ROOT, args.out)}.`)
} finally {
  execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', worktree])
  fs.rmSync(work, { recursive: true, force: true })
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function render(samples, { beforeSha, afterSha, rounds }) {
  const measures = [
    ['Failing boot: verdict after the last log line', 'ms', (r) => r.results.failing?.[0]?.action?.afterLastLogLineMs],
    ['Failing boot: container start → verdict', 'ms', (r) => r.results.failing?.[0]?.action?.fromContainerStartMs],
    ['Healthy boot: detection lag', 'ms', (r) => r.results.healthy?.[0]?.action?.lagMs],
    ['Overhead outside build, boot and stability window', 'ms', (r) => r.results.overhead?.[0]?.overheadMs],
    ['… of which the boot profile measures', 'ms', (r) => r.results.overhead?.[0]?.profileMs],
    [
      'Overhead without the boot profile',
      'ms',
      (r) => (r.results.overhead ? r.results.overhead[0].overheadMs - r.results.overhead[0].profileMs : undefined)
    ],
    ['Peak RSS with 40 MB of worker log', 'MB', (r) => r.results.memory?.[0]?.maxRssMb]
  ]
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  const lines = [
    '# A/B benchmark of two bundles',
    '',
    `Written by \`node bench/ab.mjs --before ${beforeSha} --rounds ${rounds}\` on ${new Date().toISOString()} (load average at the end: ${load}).`,
    `Each round runs \`bench/run.mjs --action-only --reps 1\` once per bundle, alternating which goes first; medians over ${rounds} rounds.`,
    '',
    `| measure | before (${beforeSha}) | after (${afterSha}) | change |`,
    '|---|---|---|---|'
  ]
  for (const [label, unit, pick] of measures) {
    const before = median(samples.before.map(pick))
    const after = median(samples.after.map(pick))
    const change = before && after !== undefined ? `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(0)}%` : '—'
    const shown = (v) => (v === undefined ? '—' : `${v.toFixed(0)} ${unit}`)
    lines.push(`| ${label} | ${shown(before)} | ${shown(after)} | ${change} |`)
  }
  return `${lines.join('\n')}\n`
}
