#!/usr/bin/env node
// The boot profile's noise and its own cost: boots the same image N times and measures each boot with the
// action's own code (src/profile/measure.ts, bundled on the fly): worker RSS, container memory, time to the
// first worker and to healthy, and how long the measurement took. Prints a JSON summary.
//
//   node bench/profile-noise.mjs --image IMAGE [--reps 5] [--name label] [--json bench/profile-noise.json]
// With --json, the summary is merged (by name) into that file, which `bench/run.mjs` renders into BENCHMARKS.md.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: { image: { type: 'string' }, reps: { type: 'string', default: '5' }, name: { type: 'string', default: 'image' }, json: { type: 'string' } }
})
if (!args.image) throw new Error('--image is required')

const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-profile-noise-')), 'profile.mjs')
await build({
  stdin: {
    contents: "export { measureProfile, sampleLargestWorker } from './src/profile/measure.ts'\nexport { Docker } from './src/docker/docker.ts'",
    resolveDir: ROOT,
    loader: 'ts'
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning'
})
const { measureProfile, sampleLargestWorker, Docker } = await import(pathToFileURL(outfile).href)
const docker = (...argv) => execFileSync('docker', argv, { encoding: 'utf8' }).trim()
const healthy = (port) =>
  new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/health', timeout: 1000 }, (response) => {
      response.resume()
      resolve(response.statusCode === 200)
    })
    request.on('error', () => resolve(false))
    request.on('timeout', () => request.destroy())
  })

const runs = []
for (let rep = 0; rep < Number(args.reps); rep++) {
  const name = `gsmoke-profile-noise-${process.pid}-${rep}`
  const started = Date.now()
  const id = docker('run', '--detach', '--name', name, '--publish', '127.0.0.1::8000', args.image)
  try {
    const port = Number(docker('port', name, '8000/tcp').match(/:(\d+)$/m)[1])
    while (!(await healthy(port))) {
      if (Date.now() - started > 60_000) throw new Error('not healthy after 60 s')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const healthyMs = Date.now() - started
    const d = new Docker()
    const atBoot = await sampleLargestWorker(d, id)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const startedAt = Date.parse(JSON.parse(docker('inspect', '--format', '{{json .State.StartedAt}}', name)))
    // Gunicorn logs to stderr; Docker's timestamps and StartedAt come from the same clock.
    const logs = execFileSync('sh', ['-c', `docker logs --timestamps ${name} 2>&1`], { encoding: 'utf8' })
    const boot = logs.split('\n').find((line) => line.includes('Booting worker'))
    const firstWorkerMs = boot ? Date.parse(boot.split(' ')[0]) - startedAt : undefined
    const profile = await measureProfile(d, { containerId: id, image: args.image }, { firstWorkerMs, healthyMs }, atBoot)
    runs.push(profile)
    process.stderr.write(
      `${args.name} #${rep + 1}: worker ${(profile.largestWorkerRssBytes / 1e6).toFixed(1)} MB, memory ${(profile.containerMemoryBytes / 1e6).toFixed(1)} MB, first worker ${firstWorkerMs} ms, healthy ${healthyMs} ms, measured in ${profile.measuredInMs} ms\n`
    )
  } finally {
    docker('rm', '--force', name)
  }
}

const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  return { median, min: sorted[0], max: sorted.at(-1), spreadPercent: Math.round(((sorted.at(-1) - sorted[0]) / median) * 1000) / 10 }
}
const pick = (key, scale = 1) => spread(runs.map((run) => run[key] / scale))
const summary = {
  name: args.name,
  image: args.image,
  reps: runs.length,
  loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  cpus: os.cpus().length,
  workerMb: pick('largestWorkerRssBytes', 1e6),
  memoryMb: pick('containerMemoryBytes', 1e6),
  firstWorkerMs: pick('firstWorkerMs'),
  healthyMs: pick('healthyMs'),
  measuredInMs: pick('measuredInMs'),
  imageMb: runs[0].imageSizeBytes / 1e6,
  date: new Date().toISOString()
}
console.log(JSON.stringify(summary, null, 2))
if (args.json) {
  const saved = fs.existsSync(args.json) ? JSON.parse(fs.readFileSync(args.json, 'utf8')) : {}
  fs.writeFileSync(args.json, JSON.stringify({ ...saved, [args.name]: summary }, null, 2) + '\n')
}
fs.rmSync(path.dirname(outfile), { recursive: true, force: true })
