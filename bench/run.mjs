#!/usr/bin/env node
// `npm run bench`: gunicorn-smoke against what users write today (`wait-on`, a `curl --retry` loop), side by side
// on the same engine, in the same run, alternating, and writes the numbers with the machine to BENCHMARKS.md.
//
//   node bench/run.mjs [--reps 5] [--base bookworm|trixie] [--only failing,healthy,overhead,memory,cold]
//                      [--out BENCHMARKS.md] [--json bench/results.json]
//
// It runs the bundle (dist/index.js, the action exactly as the runner starts it) with a prebuilt image, so the
// build is excluded everywhere. Timestamps all come from this machine's clock: the action's log-line times
// (`log[].at`, `health.firstHealthyAt` in its JSON report), Docker's log timestamps, and this process.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// GSMOKE_BUNDLE measures a bundle built elsewhere (`node scripts/bundle.mjs DIR`).
const ACTION = process.env.GSMOKE_BUNDLE ?? path.join(ROOT, 'dist', 'index.js')
const CLI = path.join(ROOT, 'dist', 'cli.js')
const WAIT_ON = path.join(ROOT, 'node_modules', 'wait-on', 'bin', 'wait-on')
const POLLER_TIMEOUT_S = 60

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    base: { type: 'string', default: 'bookworm' },
    only: { type: 'string', default: 'failing,healthy,overhead,memory,cold,profile' },
    out: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
    json: { type: 'string', default: path.join(ROOT, 'bench', 'results.json') },
    // Re-renders BENCHMARKS.md from a results file written by an earlier run, without measuring again.
    'render-only': { type: 'boolean', default: false },
    // Measures the action alone (no wait-on/curl runs): what bench/ab.mjs compares between two bundles.
    'action-only': { type: 'boolean', default: false }
  }
})
const REPS = Math.max(1, Number(args.reps))
const BASE_IMAGE = `gunicorn-smoke-base:${args.base}`
const ONLY = new Set(args.only.split(',').map((s) => s.trim()))
const TAG = `bench-${process.pid}`
const IMAGES = {
  failing: { tag: `gsmoke-test-${TAG}-fail`, dir: '__fixtures__/apps/fail-missing-dependency' },
  healthy: { tag: `gsmoke-test-${TAG}-ok`, dir: 'examples/flask-gevent' },
  noisy: { tag: `gsmoke-test-${TAG}-noisy`, dir: 'bench/apps/noisy-log' }
}

// ------------------------------------------------------------------ small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const docker = (...argv) => execFileSync('docker', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const log = (message) => process.stderr.write(`${message}\n`)

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
function stats(values) {
  const finite = values.filter(Number.isFinite)
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length, values }
}

/** The Docker Engine API over its socket: milliseconds per call, where the CLI takes tens. */
function engine(apiPath) {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'
  const socketPath = host.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock'
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path: apiPath, timeout: 2000 }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => {
        try {
          resolve(JSON.parse(body))
        } catch (error) {
          reject(error)
        }
      })
    })
    request.on('error', reject)
    request.on('timeout', () => request.destroy(new Error('engine API timeout')))
  })
}

/** The container's address on its bridge network, found through the engine API by name prefix. */
async function containerAddress(namePrefix) {
  const filters = encodeURIComponent(JSON.stringify({ name: [namePrefix] }))
  const containers = await engine(`/containers/json?filters=${filters}`)
  const networks = containers[0]?.NetworkSettings?.Networks ?? {}
  return Object.values(networks).find((network) => network.IPAddress)?.IPAddress || undefined
}

function httpStatus(host, port, urlPath, timeoutMs) {
  return new Promise((resolve) => {
    const request = http.get({ host, port, path: urlPath, agent: false, headers: { Connection: 'close' } }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode))
      response.on('error', () => resolve(undefined))
    })
    // A wall-clock limit: the socket timeout alone does not cover a connect that hangs.
    const timer = setTimeout(() => request.destroy(), timeoutMs)
    request.on('close', () => clearTimeout(timer))
    request.on('error', () => resolve(undefined))
  })
}

/**
 * The reference for "the app could first answer": GETs of the health path sent straight to the container's
 * address (no docker-proxy in between), one at a time, 5 ms apart. Before Gunicorn binds, each is refused at
 * once; after, it waits in Gunicorn's accept queue and is answered the moment a worker can answer. The time the
 * first 2xx arrives is the reference. One request at a time, so the reference never loads the app it measures.
 */
function sidePoller({ namePrefix, urlPath = '/health', containerPort = 8000 }) {
  let stopped = false
  let firstAnswerAt
  const done = (async () => {
    let host
    while (!stopped && host === undefined) {
      host = await containerAddress(namePrefix).catch(() => undefined)
      if (host === undefined) await sleep(5)
    }
    while (!stopped && firstAnswerAt === undefined) {
      const status = await httpStatus(host, containerPort, urlPath, 10_000)
      if (status >= 200 && status < 300) firstAnswerAt = Date.now()
      else await sleep(5)
    }
    return firstAnswerAt
  })()
  return {
    result: done,
    stop() {
      stopped = true
    }
  }
}

/** Spawns a process; resolves with its start, first-output and exit times, exit code and output. */
function timed(command, argv, options = {}) {
  return new Promise((resolve, reject) => {
    const startAt = Date.now()
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    let firstOutputAt
    const lines = []
    let partial = ''
    child.stdout.on('data', (chunk) => {
      firstOutputAt ??= Date.now()
      stdout += chunk
      partial += chunk
      let newline
      while ((newline = partial.indexOf('\n')) >= 0) {
        lines.push({ at: Date.now(), text: partial.slice(0, newline) })
        partial = partial.slice(newline + 1)
      }
    })
    child.stderr.on('data', (chunk) => {
      firstOutputAt ??= Date.now()
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', () => void (child.exitAt = Date.now()))
    child.on('close', (code) =>
      resolve({ startAt, firstOutputAt, exitAt: child.exitAt ?? Date.now(), exitCode: code, stdout, stderr, lines, pid: child.pid })
    )
  })
}

/** The bundled action run like the runner runs it, with a GITHUB_OUTPUT file and RUNNER_TEMP for its report. */
async function runAction(inputs, { runId, measureRss = false, workspace = ROOT, eventName = 'workflow_dispatch', payload } = {}) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-bench-'))
  const output = path.join(temp, 'output')
  const summary = path.join(temp, 'summary.md')
  const state = path.join(temp, 'state')
  for (const file of [output, summary, state]) fs.writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STATE: state,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: eventName,
    ...(payload ? { GITHUB_EVENT_PATH: writeJson(path.join(temp, 'event.json'), payload) } : {}),
    RUNNER_TEMP: temp,
    INPUT_COMMENT: 'never',
    // GSMOKE_HOST=none measures a run booted without a host (`host: none`); a bundle older than the input ignores it.
    ...(process.env.GSMOKE_HOST ? { INPUT_HOST: process.env.GSMOKE_HOST } : {}),
    // GSMOKE_SHUTDOWN_CHECK=false measures the overhead without the graceful-shutdown check (on by default).
    ...(process.env.GSMOKE_SHUTDOWN_CHECK ? { 'INPUT_SHUTDOWN-CHECK': process.env.GSMOKE_SHUTDOWN_CHECK } : {}),
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {})
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = measureRss
    ? await timed('/usr/bin/time', ['-f', 'GSMOKE_MAXRSS_KB=%M', process.execPath, ACTION], { env, cwd: ROOT })
    : await timed(process.execPath, [ACTION], { env, cwd: ROOT })
  const outputs = parseFileCommands(fs.readFileSync(output, 'utf8'))
  const report =
    outputs['report-path'] && fs.existsSync(outputs['report-path']) ? JSON.parse(fs.readFileSync(outputs['report-path'], 'utf8')) : undefined
  const maxRssKb = Number(run.stderr.match(/GSMOKE_MAXRSS_KB=(\d+)/)?.[1])
  fs.rmSync(temp, { recursive: true, force: true })
  return { ...run, outputs, report, maxRssKb: Number.isFinite(maxRssKb) ? maxRssKb : undefined }
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value))
  return file
}

let profileRepo
/**
 * The boot profile's cost and `compare: base`'s added time, on the two-commit fixture (scripts/make-profile-repo.sh):
 * a run without the comparison (its build cached) and one with it, alternating which goes first. The profile's
 * cost is what the report says the measurement took; the comparison's added time is relative to the plain run,
 * i.e. to a second cached build and boot.
 */
async function profileCost(rep) {
  if (!profileRepo) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-bench-profile-'))
    const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'make-profile-repo.sh'), dir], { encoding: 'utf8' })
    profileRepo = { dir, work: path.join(dir, 'work'), base: out.match(/^base=(\w+)$/m)[1], head: out.match(/^head=(\w+)$/m)[1] }
  }
  const inputs = { 'build-args': `BASE_IMAGE=${BASE_IMAGE}`, 'stability-window': '1' }
  const event = {
    workspace: profileRepo.work,
    eventName: 'pull_request',
    payload: { pull_request: { number: 1, head: { sha: profileRepo.head }, base: { sha: profileRepo.base } } }
  }
  const plain = () => runAction({ ...inputs, compare: 'none' }, { runId: `${TAG}-p${rep}`, ...event })
  const compared = () => runAction({ ...inputs, compare: 'base' }, { runId: `${TAG}-c${rep}`, ...event })
  const [first, second] = rep % 2 === 0 ? [await plain(), await compared()] : [await compared(), await plain()].reverse()
  return {
    profileMs: first.report?.profile?.measuredInMs,
    plainMs: first.exitAt - first.startAt,
    compareMs: second.exitAt - second.startAt,
    addedMs: second.exitAt - second.startAt - (first.exitAt - first.startAt),
    baseCompared: Boolean(second.report?.comparison?.profile)
  }
}

/** The runner's file-command format: `name<<delimiter`, the value, `delimiter`. */
function parseFileCommands(text) {
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i].match(/^([^=<]+)<<(.+)$/)
    if (!heredoc) continue
    const body = []
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i])
    values[heredoc[1]] = body.join('\n')
  }
  return values
}

/** When the container actually started: the `Starting gunicorn` line minus the time the action measured to it. */
function containerStartFromReport(report) {
  const start = report.checks.find((check) => check.id === 'start')
  const line = report.log.find((l) => /Starting gunicorn/.test(l.text))
  return start?.durationMs !== undefined && line ? line.at - start.durationMs : undefined
}

const GAVE_UP = /Shutting down: Master|Reason: |HaltServer/

/** Docker's own timestamp (RFC 3339 with nanoseconds) of the first line where Gunicorn gives up. */
function gaveUpAtFromDockerLogs(container) {
  // Gunicorn logs to stderr, which `docker logs` passes on as its own stderr.
  const logs = spawnSync('docker', ['logs', '--timestamps', container], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const all = `${logs.stdout}\n${logs.stderr}`
  const times = all
    .split('\n')
    .filter((line) => GAVE_UP.test(line))
    .map((line) => Date.parse(line.slice(0, line.indexOf(' '))))
    .filter(Number.isFinite)
  return times.length ? Math.min(...times) : undefined
}

/** A container started the way the pollers' users start it: `docker run -d -p 127.0.0.1::8000`. */
function startContainer(image, name) {
  const before = Date.now()
  docker('run', '--detach', '--name', name, '--label', 'io.github.gunicorn-smoke.bench=1', '--publish', '127.0.0.1::8000', image)
  const port = Number(docker('port', name, '8000/tcp').match(/127\.0\.0\.1:(\d+)/)?.[1])
  return { before, port }
}

const removeContainer = (name) => {
  try {
    docker('rm', '--force', '--volumes', name)
  } catch {
    // already gone
  }
}

function waitOn(port, { interval } = {}) {
  const argv = [WAIT_ON, '--timeout', `${POLLER_TIMEOUT_S}s`, `http-get://127.0.0.1:${port}/health`]
  if (interval) argv.splice(1, 0, '--interval', String(interval))
  return timed(process.execPath, argv)
}

/**
 * What a workflow writes by hand: curl retrying once a second for up to 60 s. `--retry-all-errors` is needed:
 * without it curl gives up at once on the empty reply docker-proxy returns while nothing listens in the container.
 */
function curlLoop(port) {
  const script = `curl --fail --silent --show-error --retry ${POLLER_TIMEOUT_S} --retry-delay 1 --retry-all-errors --retry-max-time ${POLLER_TIMEOUT_S} --max-time 5 --output /dev/null http://127.0.0.1:${port}/health`
  return timed('sh', ['-c', script])
}

// ------------------------------------------------------------------ scenarios

async function failingBoot(rep) {
  const image = IMAGES.failing.tag
  const result = {}
  const order = args['action-only'] ? ['action'] : rep % 2 === 0 ? ['action', 'pollers'] : ['pollers', 'action']
  for (const who of order) {
    if (who === 'action') {
      const run = await runAction({ image, timeout: String(POLLER_TIMEOUT_S), 'stability-window': '0' }, { runId: `bench${Date.now()}` })
      const report = run.report
      if (!report || report.result !== 'fail') throw new Error(`failing boot: the action did not fail as expected (${run.stdout.slice(-400)})`)
      // The action usually decides before Gunicorn's master prints `Shutting down` / `Reason:` (it knows once every
      // worker failed), so that line is often not in its log; its last received line is reported as well.
      const gaveUpAt = report.log.find((line) => GAVE_UP.test(line.text))?.at
      const containerStart = containerStartFromReport(report)
      result.action = {
        reason: report.reason,
        fromContainerStartMs: containerStart !== undefined ? run.exitAt - containerStart : undefined,
        afterGaveUpLineMs: gaveUpAt !== undefined ? run.exitAt - gaveUpAt : undefined,
        afterLastLogLineMs: run.exitAt - report.log[report.log.length - 1].at,
        wallMs: run.exitAt - run.startAt
      }
    } else {
      const name = `gsmoke-test-${TAG}-failing-${rep}`
      try {
        const { before, port } = startContainer(image, name)
        const [waited, curled] = await Promise.all([waitOn(port), curlLoop(port)])
        const gaveUpAt = gaveUpAtFromDockerLogs(name)
        result.gunicornGaveUpAfterMs = gaveUpAt ? gaveUpAt - before : undefined
        result.waitOn = {
          exitCode: waited.exitCode,
          fromContainerStartMs: waited.exitAt - before,
          afterGaveUpMs: gaveUpAt ? waited.exitAt - gaveUpAt : undefined
        }
        result.curl = {
          exitCode: curled.exitCode,
          fromContainerStartMs: curled.exitAt - before,
          afterGaveUpMs: gaveUpAt ? curled.exitAt - gaveUpAt : undefined
        }
      } finally {
        removeContainer(name)
      }
    }
  }
  return result
}

async function healthyBoot(rep) {
  const image = IMAGES.healthy.tag
  const result = {}
  const order = args['action-only'] ? ['action'] : rep % 2 === 0 ? ['action', 'pollers'] : ['pollers', 'action']
  for (const who of order) {
    if (who === 'action') {
      const runId = `bench${Date.now()}`
      const side = sidePoller({ namePrefix: `gunicorn-smoke-${runId}-1-` })
      const run = await runAction({ image, 'stability-window': '0' }, { runId })
      side.stop()
      const firstAnswerAt = await side.result
      const report = run.report
      if (!report || report.result !== 'pass') throw new Error(`healthy boot: the action did not pass (${run.stdout.slice(-400)})`)
      result.action = {
        lagMs: firstAnswerAt !== undefined ? report.health.firstHealthyAt - firstAnswerAt : undefined,
        bootTimeMs: report.bootTimeMs,
        sideFound: firstAnswerAt !== undefined
      }
    } else {
      const name = `gsmoke-test-${TAG}-healthy-${rep}`
      try {
        const side = sidePoller({ namePrefix: name })
        const { port } = startContainer(image, name)
        const [waited, curled] = await Promise.all([waitOn(port), curlLoop(port)])
        side.stop()
        const firstAnswerAt = await side.result
        if (waited.exitCode !== 0) throw new Error(`healthy boot: wait-on failed: ${waited.stderr}`)
        result.waitOn = { lagMs: firstAnswerAt !== undefined ? waited.exitAt - firstAnswerAt : undefined }
        if (curled.exitCode !== 0) throw new Error(`healthy boot: the curl loop failed: ${curled.stderr}`)
        result.curl = { lagMs: firstAnswerAt !== undefined ? curled.exitAt - firstAnswerAt : undefined }
      } finally {
        removeContainer(name)
      }
    }
  }
  return result
}

async function overhead() {
  const run = await runAction({ image: IMAGES.healthy.tag, 'stability-window': '0' }, { runId: `bench${Date.now()}` })
  if (run.report?.result !== 'pass') throw new Error(`overhead: the action did not pass (${run.stdout.slice(-400)})`)
  const wallMs = run.exitAt - run.startAt
  // Where the time outside the boot goes, from the moments the action's log lines arrived.
  const lineAt = (pattern) => run.lines.find((line) => pattern.test(line.text))?.at
  const starting = lineAt(/^Starting Gunicorn/)
  const waiting = lineAt(/^Waiting for /)
  const healthyAt = run.report.health.firstHealthyAt
  return {
    wallMs,
    bootTimeMs: run.report.bootTimeMs,
    overheadMs: wallMs - run.report.bootTimeMs,
    beforeDockerRunMs: starting - run.startAt,
    dockerRunAndPortMs: waiting - starting,
    afterHealthyMs: run.exitAt - healthyAt,
    // The boot profile's own measurement (0 for bundles that predate it), part of the time after healthy.
    profileMs: run.report.profile?.measuredInMs ?? 0
  }
}

async function memory() {
  const run = await runAction({ image: IMAGES.noisy.tag, 'stability-window': '8', timeout: '120' }, { runId: `bench${Date.now()}`, measureRss: true })
  if (run.report?.result !== 'pass') throw new Error(`memory: the action did not pass (${run.stdout.slice(-400)})`)
  const logBytes = run.report.log.reduce((sum, line) => sum + line.text.length + 1, 0)
  return {
    maxRssMb: run.maxRssKb / 1024,
    logTotalLines: run.report.logTotalLines,
    keptLogMb: logBytes / 1024 / 1024,
    wallMs: run.exitAt - run.startAt
  }
}

async function coldStart() {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-bench-cold-'))
  try {
    // The action with no Dockerfile in its workspace: it loads everything, parses inputs and prints ::error::.
    const action = await timed(process.execPath, [ACTION], {
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: empty, INPUT_COMMENT: 'never' },
      cwd: empty
    })
    const cli = await timed(process.execPath, [CLI, '--help'], { cwd: empty })
    return {
      actionFirstOutputMs: action.firstOutputAt - action.startAt,
      actionExitMs: action.exitAt - action.startAt,
      cliFirstOutputMs: cli.firstOutputAt - cli.startAt,
      cliExitMs: cli.exitAt - cli.startAt
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true })
  }
}

// ------------------------------------------------------------------ report

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown'
  let dockerVersion = 'unknown'
  let curlVersion = 'not installed'
  try {
    dockerVersion = docker('version', '--format', '{{.Server.Version}}')
  } catch {}
  try {
    curlVersion = execFileSync('curl', ['--version'], { encoding: 'utf8' }).split(' ')[1]
  } catch {}
  const waitOnVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'wait-on', 'package.json'), 'utf8')).version
  return {
    date: new Date().toISOString(),
    os: `${os.type()} ${os.release()}`,
    cpu: `${os.cpus().length} × ${cpu}`,
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    docker: dockerVersion,
    waitOn: waitOnVersion,
    curl: curlVersion,
    loadAverage: os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' '),
    baseImage: BASE_IMAGE,
    gunicorn: (() => {
      try {
        return docker('run', '--rm', BASE_IMAGE, 'gunicorn', '--version').replace(/^gunicorn \(version ([^)]+)\)$/, '$1')
      } catch {
        return 'unknown'
      }
    })()
  }
}

const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a')
const s = (value) => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a')
const spread = (st, fmt = ms) => `${fmt(st.median)} (${fmt(st.min)} – ${fmt(st.max)}, n=${st.n})`
const verdict = (ok) => (ok ? '✅ met' : '❌ missed')

function render(machineInfo, results, bundle, reps = REPS) {
  const lines = []
  lines.push('# Benchmarks', '')
  lines.push(
    'Written by `npm run bench` (`bench/run.mjs`): gunicorn-smoke against what workflows use today, on the same Docker engine, in the same run,',
    'alternating which goes first. The action is the bundle (`dist/index.js`) started the way the runner starts it, with a prebuilt image',
    '(`image` input), so no `docker build` is in any number. Figures are medians with the range (min – max) over the repetitions.',
    ''
  )
  lines.push('## Machine', '')
  lines.push('| | |', '|---|---|')
  for (const [key, value] of Object.entries({
    Date: machineInfo.date,
    OS: machineInfo.os,
    CPU: machineInfo.cpu,
    nproc: machineInfo.nproc,
    Memory: `${machineInfo.memoryGb} GB`,
    Node: machineInfo.node,
    'Docker engine': machineInfo.docker,
    ...(machineInfo.loadAverage ? { 'Load average at start (1, 5, 15 min)': machineInfo.loadAverage } : {}),
    'wait-on': machineInfo.waitOn,
    curl: machineInfo.curl,
    'Base image': `\`${machineInfo.baseImage}\` (Gunicorn ${machineInfo.gunicorn})`
  }))
    lines.push(`| ${key} | ${value} |`)
  lines.push(
    '',
    `Command: \`npm run bench\` (= \`npm run bundle && node bench/run.mjs --reps ${reps} --base ${machineInfo.baseImage.split(':')[1]}\`; \`node bench/run.mjs --render-only\` re-renders this file from \`bench/results.json\`).`,
    ''
  )

  const summary = []
  if (results.failing) {
    const f = results.failing
    const action = stats(f.map((r) => r.action.fromContainerStartMs))
    const gaveUp = stats(f.map((r) => r.gunicornGaveUpAfterMs))
    // The action's verdict after Gunicorn gave up: measured from Gunicorn's give-up line when it is in the action's
    // log, else from the last line the action received (earlier than the give-up, so this is an upper bound).
    const actionLag = stats(f.map((r) => r.action.afterGaveUpLineMs ?? r.action.afterLastLogLineMs))
    const waitOn = stats(f.map((r) => r.waitOn.fromContainerStartMs))
    const waitOnLag = stats(f.map((r) => r.waitOn.afterGaveUpMs))
    const curl = stats(f.map((r) => r.curl.fromContainerStartMs))
    const curlLag = stats(f.map((r) => r.curl.afterGaveUpMs))
    const ratioWaitOn = waitOn.median / action.median
    const ratioCurl = curl.median / action.median
    const lagWaitOnRatio = waitOnLag.median / actionLag.median
    summary.push([`Failing boot: verdict after Gunicorn gives up`, '≤ 0.5 s', s(actionLag.median), verdict(actionLag.median <= 500)])
    summary.push([
      `Failing boot: verdict sooner than \`wait-on\` (container start → verdict)`,
      '≥ 20×',
      `${ratioWaitOn.toFixed(1)}×`,
      verdict(ratioWaitOn >= 20)
    ])
    summary.push([
      `Failing boot: verdict sooner than \`curl --retry\` (container start → verdict)`,
      '≥ 20×',
      `${ratioCurl.toFixed(1)}×`,
      verdict(ratioCurl >= 20)
    ])
    lines.push('## Failing boot: time to a verdict', '')
    lines.push(
      `Fixture \`${IMAGES.failing.dir}\`: four workers, each fails to import \`stripe\`; Gunicorn halts with \`Worker failed to boot\`.`,
      `The pollers wait for \`/health\` with a ${POLLER_TIMEOUT_S} s timeout: \`wait-on --timeout ${POLLER_TIMEOUT_S}s http-get://127.0.0.1:PORT/health\` (default 250 ms interval) and`,
      `\`curl --fail --retry ${POLLER_TIMEOUT_S} --retry-delay 1 --retry-all-errors --retry-max-time ${POLLER_TIMEOUT_S}\` (without \`--retry-all-errors\` curl stops at the first empty reply from docker-proxy); both poll the same container, which this script starts`,
      'with `docker run -d -p 127.0.0.1::8000` (timed from just before that command). For the action, "container start" is the `docker run` it issues',
      '(the `Starting gunicorn` line minus the time the report gives for it), and the verdict is the moment the process exits, after it removed the',
      'container and wrote its outputs.',
      '',
      '"Gunicorn gave up" is the master\'s first `Shutting down: Master` / `Reason:` / `HaltServer` line: its Docker timestamp in the pollers\'',
      `containers (${spread(gaveUp, s)} after \`docker run\`). The action usually decides *before* that line (once every worker has failed to boot`,
      'the outcome is certain) and removes the container, so its log rarely has it: its lag is then counted from the last line it received, which',
      'came before Gunicorn gave up, so the figure is an upper bound. It includes the 300 ms the pipeline waits for the lines after the first',
      'fatal one, inspecting and removing the container, the report and the process exit.',
      ''
    )
    lines.push('| | container start → verdict | verdict after Gunicorn gave up | verdict |', '|---|---|---|---|')
    lines.push(`| gunicorn-smoke (action) | ${spread(action, s)} | ${spread(actionLag, s)} | \`${f[0].action.reason}\` |`)
    lines.push(`| wait-on | ${spread(waitOn, s)} | ${spread(waitOnLag, s)} | timeout, exit ${f[0].waitOn.exitCode} |`)
    lines.push(`| curl --retry | ${spread(curl, s)} | ${spread(curlLag, s)} | gave up, exit ${f[0].curl.exitCode} |`)
    lines.push(
      '',
      `Measured from Gunicorn giving up, the action's verdict is ${Number.isFinite(lagWaitOnRatio) ? `${Math.round(lagWaitOnRatio)}×` : 'n/a'} sooner than wait-on's.`,
      ''
    )
  }
  if (results.healthy) {
    const h = results.healthy
    const action = stats(h.map((r) => r.action.lagMs))
    const waitOn = stats(h.map((r) => r.waitOn.lagMs))
    const curl = stats(h.map((r) => r.curl.lagMs))
    const boot = stats(h.map((r) => r.action.bootTimeMs))
    summary.push(['Healthy boot: detection lag (median)', '≤ 50 ms', ms(action.median), verdict(action.median <= 50)])
    lines.push('## Healthy boot: detection lag', '')
    lines.push(
      `Fixture \`${IMAGES.healthy.dir}\` (Flask on two gevent workers). "The app could first answer" is measured independently: this script fires a`,
      "GET straight at the container's bridge address (found through the engine API; no docker-proxy), one at a time, 5 ms apart: before Gunicorn",
      'binds each is refused at once, after that it waits in the accept queue and is answered as soon as a worker can answer. The reference is',
      'the arrival of the first 2xx. The lag is the time the action got its first healthy answer (`health.firstHealthyAt`) minus that;',
      'for `wait-on` (default 250 ms interval) and the curl loop it is the moment the process exited. A lag near 0 or slightly negative means the',
      "action's own probe was already waiting in Gunicorn's accept queue when the worker came up.",
      ''
    )
    lines.push('| | detection lag |', '|---|---|')
    lines.push(`| gunicorn-smoke (action) | ${spread(action)} |`)
    lines.push(`| wait-on (250 ms interval) | ${spread(waitOn)} |`)
    lines.push(`| curl --retry (1 s delay) | ${spread(curl)} |`)
    lines.push('', `The app's boot time as the action reports it (from its \`docker run\` to the first healthy answer): ${spread(boot)}.`, '')
  }
  if (results.overhead || results.cold) {
    lines.push('## Overhead', '')
  }
  if (results.overhead) {
    const o = results.overhead
    const over = stats(o.map((r) => r.overheadMs))
    summary.push(['Overhead outside build, boot and stability window', '≤ 1 s', ms(over.median), verdict(over.median <= 1000)])
    lines.push(
      `The action's wall time (process start → exit) with \`image\` and \`stability-window: 0\`, minus the app's boot time as the report gives it`,
      "(`bootTimeMs`, from the action's `docker run` to the first healthy answer). What is left is Node start-up, input parsing, `docker image inspect`",
      "(which also tells that Docker answers), `docker port`, the boot profile, --print-config's last 300 ms (the app's container is removed meanwhile),",
      'the report, outputs and job summary, and the removal of a print-config container still running (while the report goes out).',
      ''
    )
    lines.push('| | median (min – max) |', '|---|---|')
    lines.push(`| wall time | ${spread(stats(o.map((r) => r.wallMs)))} |`)
    lines.push(`| boot time (in the report) | ${spread(stats(o.map((r) => r.bootTimeMs)))} |`)
    lines.push(`| **overhead** | ${spread(over)} |`)
    lines.push(
      `| of which: process start → \`docker run\` issued (Node, inputs, \`image inspect\`) | ${spread(stats(o.map((r) => r.beforeDockerRunMs)))} |`
    )
    lines.push(
      `| of which: first healthy answer → exit (boot profile, worker count, \`docker rm\`, log drain, report) | ${spread(stats(o.map((r) => r.afterHealthyMs)))} |`
    )
    lines.push(`| (inside the boot time: \`docker run\` + \`docker port\`) | ${spread(stats(o.map((r) => r.dockerRunAndPortMs)))} |`)
    lines.push('')
  }
  if (results.cold) {
    const c = results.cold
    const action = stats(c.map((r) => r.actionFirstOutputMs))
    const cli = stats(c.map((r) => r.cliFirstOutputMs))
    summary.push(['Cold start of `dist/index.js` (to first output)', '≤ 200 ms', ms(action.median), verdict(action.median <= 200)])
    summary.push(['Cold start of `dist/cli.js --help`', '≤ 200 ms', ms(cli.median), verdict(cli.median <= 200)])
    lines.push(
      'Cold start: `node dist/index.js` in an empty workspace (loads the whole bundle, parses the inputs, prints its `::error::`) and',
      '`node dist/cli.js --help`, from spawn to the first byte of output.',
      ''
    )
    lines.push('| | first output | exit |', '|---|---|---|')
    lines.push(`| \`dist/index.js\` | ${spread(action)} | ${spread(stats(c.map((r) => r.actionExitMs)))} |`)
    lines.push(`| \`dist/cli.js --help\` | ${spread(cli)} | ${spread(stats(c.map((r) => r.cliExitMs)))} |`)
    lines.push('')
  }
  lines.push('Bundle size:', '', '| file | bytes | gzip |', '|---|---|---|')
  for (const file of bundle) lines.push(`| \`${file.name}\` | ${file.bytes.toLocaleString('en')} | ${file.gzip.toLocaleString('en')} |`)
  lines.push('')
  if (results.memory) {
    const m = results.memory
    const rss = stats(m.map((r) => r.maxRssMb))
    summary.push(['Peak RSS with 40 MB of worker log', '≤ 200 MB', `${rss.median.toFixed(0)} MB`, verdict(rss.median <= 200)])
    lines.push('## Memory', '')
    lines.push(
      'Fixture `bench/apps/noisy-log`: one worker prints 40 MiB of SQL echo (about 230 000 lines) to stderr while it boots, then serves `/health`.',
      "Peak RSS of the action's Node process (`/usr/bin/time -f %M`, the kernel's high-water mark; the `docker` clients it runs stay near 25 MB), with `stability-window: 8` so that the whole log is read.",
      ''
    )
    lines.push('| | median (min – max) |', '|---|---|')
    lines.push(`| peak RSS | ${spread(rss, (v) => `${v.toFixed(0)} MB`)} |`)
    lines.push(`| log lines the action read | ${spread(stats(m.map((r) => r.logTotalLines)), (v) => Math.round(v).toLocaleString('en'))} |`)
    lines.push(`| log kept in the report | ${spread(stats(m.map((r) => r.keptLogMb)), (v) => `${v.toFixed(2)} MB`)} |`)
    lines.push(`| wall time | ${spread(stats(m.map((r) => r.wallMs)), s)} |`)
    lines.push('')
  }
  const parserRow = parserThroughputRow()
  if (parserRow) summary.push(parserRow)
  if (results.profile) {
    const p = results.profile
    const cost = stats(p.map((r) => r.profileMs))
    const added = stats(p.map((r) => r.addedMs))
    const plain = stats(p.map((r) => r.plainMs))
    summary.push(['Boot profile: added time per healthy run', '≤ 300 ms', ms(cost.median), verdict(cost.median <= 300)])
    summary.push([
      '`compare: base`: added time, relative to a second cached build and boot',
      'reported',
      `${s(added.median)} (${(added.median / plain.median).toFixed(2)}×)`,
      '—'
    ])
    lines.push('## Boot profile and `compare: base`', '')
    lines.push(
      'The two-commit fixture of `scripts/make-profile-repo.sh` on a `pull_request` event, built (cached) and booted with `stability-window: 1`:',
      "a plain run and one with `compare: base`, alternating which goes first. The profile's cost is the time its measurement took",
      "(the report's `profile.measuredInMs`: `docker top` and `docker image inspect` at once, then the cgroup files); the at-boot sample",
      'runs during the stability window and adds nothing. The comparison adds a second build (cached) and boot of the base commit.',
      ''
    )
    lines.push('| | median (min – max) |', '|---|---|')
    lines.push(`| profile measurement | ${spread(cost)} |`)
    lines.push(`| plain run (cached build, boot, 1 s window) | ${spread(plain, s)} |`)
    lines.push(`| added by \`compare: base\` | ${spread(added, s)} (${(added.median / plain.median).toFixed(2)}× a plain run) |`)
    lines.push(`| base compared in every run | ${p.every((r) => r.baseCompared) ? 'yes' : 'no'} |`)
    lines.push('')
  }
  const head = ['## Summary', '', '| measure | target | result | |', '|---|---|---|---|', ...summary.map((row) => `| ${row.join(' | ')} |`), '']
  const missed = summary.filter((row) => row[3].includes('missed')).map((row) => row[0])
  if (missed.length) {
    head.push('### Where the missed targets lose their time (and what in the pipeline would win it back)', '')
    const notes = {
      'Failing boot: verdict after':
        '`src/pipeline.ts` `decidedByLog()` lets the lines after the first fatal one arrive for `SETTLE_MS` (150 ms) unless the container already exited; then step 5 inspects the container (its exit code is evidence) and removes it. What is left is Docker CLI round trips on a busy machine.',
      'Failing boot: verdict sooner':
        'The ratio from container start is capped by Gunicorn itself: it needs the time shown above to give up, before any tool can know.',
      Overhead:
        'Before `docker run`: Node start-up and loading the bundle, `docker image inspect`, then `docker run` and `docker port` (`runSmoke` in `src/smoke/run-smoke.ts`; each CLI call costs 100–300 ms on a loaded 2-core machine). ' +
        'After health: the boot profile (`docker top`), at most 300 ms waiting for the `--print-config` worker count while the app container is removed (`src/smoke/teardown.ts`), and the removal of a print-config container still running (`stability-window: 0` leaves it no time to finish in the background).',
      'Cold start':
        'Node itself takes 110–130 ms to start here (`node -e ""`); the rest is compiling the bundle, most of it undici, which `@actions/core` and `@actions/github` load at import. The GitHub client is already imported lazily, when a comment is posted.'
    }
    for (const [prefix, note] of Object.entries(notes)) if (missed.some((name) => name.startsWith(prefix))) head.push(`- **${prefix}…** ${note}`)
    head.push(
      '',
      `The machine was shared with other test runs while this ran${machineInfo.loadAverage ? ' (see the load average)' : ''}: every Docker CLI call and Node start is slower than on an idle runner.`,
      ''
    )
  }
  const body = [...lines.splice(lines.indexOf('## Machine')), ...profileNoiseSection(), ...hangVerdictSection()]
  return [
    ...lines,
    ...head,
    ...body,
    '<details><summary>Raw numbers (every repetition)</summary>',
    '',
    '```json',
    JSON.stringify(results, null, 1),
    '```',
    '',
    '</details>',
    ''
  ].join('\n')
}

/** The boot profile's noise and cost, measured by `bench/profile-noise.mjs` into bench/profile-noise.json. */
function profileNoiseSection() {
  const file = path.join(ROOT, 'bench', 'profile-noise.json')
  if (!fs.existsSync(file)) return []
  const sets = Object.values(JSON.parse(fs.readFileSync(file, 'utf8')))
  const range = (st, fmt) => `${fmt(st.median)} (${fmt(st.min)} – ${fmt(st.max)}, spread ${st.spreadPercent}%)`
  const mb = (value) => `${value.toFixed(1)} MB`
  return [
    '## Boot profile: noise and cost',
    '',
    '`node bench/profile-noise.mjs --image IMAGE --name NAME --json bench/profile-noise.json`: boots the same image 5 times and measures',
    "each boot with the action's own `measureProfile` (src/profile/measure.ts). Spread = (max − min) / median. `base` and `head` are the",
    'two commits of `scripts/make-profile-repo.sh` (head: +150 MiB at import, 1.5 s slower import); `flask-gevent-4` is',
    '`__fixtures__/apps/ok-flask-4-workers`. The same sets ran twice, at two load averages of this shared 2-core machine.',
    '',
    '| set | load (1 min) | largest worker RSS | container memory | first worker booted | healthy | profile cost |',
    '|---|---|---|---|---|---|---|',
    ...sets.map(
      (set) =>
        `| ${set.name} | ${set.loadAverage[0]} | ${range(set.workerMb, mb)} | ${range(set.memoryMb, mb)} | ${range(set.firstWorkerMs, ms)} | ${range(set.healthyMs, ms)} | ${range(set.measuredInMs, ms)} |`
    ),
    ''
  ]
}

/** Time to a verdict once a worker is stuck or an app answers wrongly, measured by `bench/hang-verdict.mjs`. */
function hangVerdictSection() {
  const file = path.join(ROOT, 'bench', 'hang-verdict.json')
  if (!fs.existsSync(file)) return []
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'))
  const cell = (runs, key) => {
    const st = stats(runs.map((r) => r[key]).filter((v) => typeof v === 'number'))
    return st ? `${ms(st.median)} (${ms(st.min)} – ${ms(st.max)}, n=${runs.length})` : '—'
  }
  const rows = Object.entries(saved.runs).map(([key, runs]) => {
    const [base, scenario] = key.split('/')
    const figure =
      scenario === 'worker-hang'
        ? `boot timeout → verdict ${cell(runs, 'deadlineToVerdictMs')}; dump → verdict ${cell(runs, 'dumpToVerdictMs')}`
        : scenario === 'asgi-under-wsgi'
          ? `first wrong answer → verdict ${cell(runs, 'firstWrongAnswerToVerdictMs')}`
          : `last worker boot → verdict ${cell(runs, 'lastBootToVerdictMs')} (upper bound of first wrong answer → verdict)`
    return `| ${base} | ${scenario} | ${[...new Set(runs.map((r) => r.reason))].join(', ')} | ${figure} |`
  })
  return [
    '## Worker hung, wrong answers: time to a verdict',
    '',
    `\`node bench/hang-verdict.mjs --reps 3\` (${saved.date}, load ${saved.load}): prebuilt images of the fixtures, the CLI bundle, \`stability-window: 0\`.`,
    `"Worker hung" is the boot timeout (container start + \`timeout\` of 10 s): from there the run asks the stuck worker for its stack`,
    '(SIGSEGV through `docker exec`), waits for the faulthandler dump, removes the container and writes the report. The wrong answers are',
    'decided at the second one instead of at the 60 s timeout.',
    '',
    '| base | fixture | verdict | time |',
    '|---|---|---|---|',
    ...rows,
    ''
  ]
}

// ------------------------------------------------------------------ main

/** The summary row of bench/parser-throughput.mjs's measure of this tree (bench/parser-throughput.json), if it ran. */
function parserThroughputRow() {
  const file = path.join(ROOT, 'bench', 'parser-throughput.json')
  if (!fs.existsSync(file)) return undefined
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'))
  const current = saved.results.find((r) => r.label === saved.current)
  if (!current) return undefined
  const baseline = saved.results.find((r) => r.commit === '9ffe11d')
  const cpu = current.parseCpuMBps ?? current.parseMBps
  const beside = baseline ? `; 9ffe11d: ${baseline.parseCpuMBps ?? '–'} MB/s CPU, ${baseline.parseMBps} MB/s wall` : ''
  const result = `${cpu} MB/s CPU time (${current.parseMBps} MB/s wall at load ${current.load.split(' ')[0]}${beside})`
  return ['Log parser: plain lines, whole log (`parseGunicornLog`)', '≥ 100 MB/s', result, verdict(cpu >= 100)]
}

/** bench/build-verdict.mjs, bench/parser-throughput.mjs, bench/diagnosis-time.mjs and the hosts A/B write their own sections: a re-render keeps them. */
function keepBuildVerdict(markdown) {
  const previous = fs.existsSync(args.out) ? fs.readFileSync(args.out, 'utf8') : ''
  let kept = markdown.trimEnd()
  for (const name of ['build-verdict', 'parser-throughput', 'diagnosis-time', 'hosts']) {
    const start = previous.indexOf(`<!-- ${name}:start -->`)
    const end = previous.indexOf(`<!-- ${name}:end -->`)
    if (start >= 0 && end >= 0) kept += `\n\n${previous.slice(start, end + `<!-- ${name}:end -->`.length)}`
  }
  return `${kept}\n`
}

async function main() {
  if (args['render-only']) {
    const saved = JSON.parse(fs.readFileSync(args.json, 'utf8'))
    fs.writeFileSync(args.out, keepBuildVerdict(render(saved.machine, saved.results, saved.bundle, saved.reps)))
    log(`Re-rendered ${path.relative(ROOT, args.out)} from ${path.relative(ROOT, args.json)}.`)
    return
  }
  for (const file of [ACTION, CLI])
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run bundle\` first.`)
  if (!fs.existsSync(WAIT_ON)) throw new Error('wait-on is not installed: run `npm install`.')
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' })
  } catch {
    throw new Error('curl is not installed (apt-get install curl).')
  }
  const machineInfo = machine()
  log(`Building the benchmark images on ${BASE_IMAGE}…`)
  for (const { tag, dir } of Object.values(IMAGES)) {
    execFileSync('docker', ['build', '--quiet', '--force-rm', '--tag', tag, '--build-arg', `BASE_IMAGE=${BASE_IMAGE}`, path.join(ROOT, dir)], {
      stdio: ['ignore', 'ignore', 'inherit']
    })
  }

  const results = {}
  const scenarios = [
    ['cold', coldStart, REPS * 2],
    ['overhead', overhead, REPS],
    ['healthy', healthyBoot, REPS],
    ['memory', memory, REPS],
    ['failing', failingBoot, REPS],
    ['profile', profileCost, REPS]
  ]
  for (const [name, scenario, reps] of scenarios) {
    if (!ONLY.has(name)) continue
    results[name] = []
    for (let rep = 0; rep < reps; rep++) {
      const started = Date.now()
      const result = await scenario(rep)
      results[name].push(result)
      log(`${name} ${rep + 1}/${reps} (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(result)}`)
    }
  }

  const bundle = [ACTION, CLI].map((file) => {
    const bytes = fs.statSync(file).size
    const gzip = Number(execFileSync('sh', ['-c', `gzip -9 -c '${file}' | wc -c`], { encoding: 'utf8' }).trim())
    return { name: path.relative(ROOT, file), bytes, gzip }
  })
  fs.writeFileSync(args.json, JSON.stringify({ machine: machineInfo, reps: REPS, results, bundle }, null, 2))
  // The rendered page compares with the pollers; the action alone only feeds bench/ab.mjs.
  if (args['action-only']) return
  const markdown = render(machineInfo, results, bundle)
  fs.writeFileSync(args.out, keepBuildVerdict(markdown))
  log(`\nWrote ${path.relative(ROOT, args.out)} and ${path.relative(ROOT, args.json)}.`)
  process.stdout.write(markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Machine')))
}

function cleanUp() {
  try {
    const leftovers = docker('ps', '--all', '--quiet', '--filter', 'label=io.github.gunicorn-smoke.bench=1', '--filter', `name=gsmoke-test-${TAG}`)
    if (leftovers) docker('rm', '--force', '--volumes', ...leftovers.split('\n'))
  } catch {}
  for (const { tag } of Object.values(IMAGES)) {
    try {
      docker('image', 'rm', '--no-prune', tag)
    } catch {}
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`\n${signal}: removing the benchmark's containers and images.`)
    cleanUp()
    process.exit(130)
  })
}

main().then(
  () => {
    cleanUp()
    process.exit(0)
  },
  (error) => {
    log(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
    cleanUp()
    process.exit(1)
  }
)
