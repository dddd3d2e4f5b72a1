#!/usr/bin/env node
// `npm run bench:build`: how long after a failed `docker build` exits the verdict is there, on both builders.
// Each case of __fixtures__/build/cases runs through the smoke run's build phase (src/, loaded with tsx) on the
// real engine; the Docker runner records when the build process ended, the verdict time is when runSmoke returned.
// Writes bench/build-verdict.json and the "Failed build" section of BENCHMARKS.md (kept by bench/run.mjs).
//
//   node --import tsx bench/build-verdict.mjs [--reps 5] [--base bookworm]
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { runIdentity } from '../src/docker/args.ts'
import { Docker, dockerCommandRunner } from '../src/docker/docker.ts'
import { parseSettings } from '../src/setup/inputs.ts'
import { runSmoke } from '../src/smoke/index.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '5' }, base: { type: 'string', default: 'bookworm' } } })
const REPS = Math.max(1, Number(args.reps))
const BUILDX_CONFIG = process.env.GUNICORN_SMOKE_BUILDX_CONFIG ?? '/var/lib/gunicorn-smoke/buildx'
const BUILDERS = { legacy: { DOCKER_BUILDKIT: '0' }, buildkit: { DOCKER_CONFIG: BUILDX_CONFIG } }
const CASES = ['dependency-conflict', 'version-not-found', 'native-build-failed', 'copy-dockerignored']
const START = '<!-- build-verdict:start -->'
const END = '<!-- build-verdict:end -->'
const ui = { group: (_t, body) => body(), info() {}, warning() {}, debug() {}, buildOutput() {}, progress() {} }

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]

async function once(builder, name) {
  let buildEndedAt
  const runner = {
    run: (a, env) => dockerCommandRunner.run(a, env),
    stream: async (a, options) => {
      const code = await dockerCommandRunner.stream(a, { ...options, env: BUILDERS[builder] })
      if (a[0] === 'build') buildEndedAt = performance.now()
      return code
    }
  }
  const workspace = path.join(ROOT, '__fixtures__', 'build', 'cases', name)
  const inputs = { dockerfile: 'Dockerfile', 'build-args': `BASE_IMAGE=gunicorn-smoke-pip:${args.base}` }
  const settings = parseSettings((input) => inputs[input] ?? '', workspace)
  const started = performance.now()
  const report = await runSmoke(settings, { docker: new Docker(runner), ui, identity: runIdentity(`bench-build-${process.pid}`), metadata: {} })
  const verdictAt = performance.now()
  return {
    builder,
    case: name,
    reason: report.reason,
    buildMs: Math.round(buildEndedAt - started),
    verdictAfterExitMs: +(verdictAt - buildEndedAt).toFixed(2)
  }
}

async function main() {
  execFileSync('docker', ['image', 'inspect', `gunicorn-smoke-pip:${args.base}`], { stdio: 'ignore' })
  const results = []
  for (let rep = 0; rep < REPS; rep++)
    for (const builder of Object.keys(BUILDERS))
      for (const name of CASES) {
        const result = await once(builder, name)
        results.push(result)
        console.log(JSON.stringify(result))
      }
  const rows = Object.keys(BUILDERS).map((builder) => {
    const mine = results.filter((r) => r.builder === builder)
    const lags = mine.map((r) => r.verdictAfterExitMs)
    return `| ${builder} | ${CASES.length} cases × ${REPS} | ${median(mine.map((r) => r.buildMs))} ms | ${median(lags)} ms (${Math.min(...lags)} – ${Math.max(...lags)}) |`
  })
  const engine = execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).trim()
  const section = [
    START,
    '## Failed build: verdict after the build exits',
    '',
    `\`node --import tsx bench/build-verdict.mjs --reps ${REPS} --base ${args.base}\` (${new Date().toISOString()}, engine ${engine}, BuildKit through buildx from Debian trixie): each case of \`__fixtures__/build/cases\` through the build phase; the lag is from the \`docker build\` process's exit to the verdict (diagnosis, annotations, report). Cases: ${CASES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    '| builder | runs | failed build (median) | verdict after the build exits: median (min – max) |',
    '|---|---|---|---|',
    ...rows,
    END
  ].join('\n')
  const file = path.join(ROOT, 'BENCHMARKS.md')
  const text = fs.readFileSync(file, 'utf8')
  const kept = text.includes(START)
    ? text.slice(0, text.indexOf(START)) + section + text.slice(text.indexOf(END) + END.length)
    : `${text.trimEnd()}\n\n${section}\n`
  fs.writeFileSync(file, kept)
  fs.writeFileSync(path.join(ROOT, 'bench', 'build-verdict.json'), JSON.stringify({ reps: REPS, base: args.base, engine, results }, null, 2) + '\n')
  console.log(section)
}

await main()
