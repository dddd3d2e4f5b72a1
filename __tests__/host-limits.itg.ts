// Failures a host's limits cause, captured for real on each base: a bind to an IPv6 address in a container whose
// IPv6 is disabled (sysctl, Errno 99), workers killed under a memory limit (on 20.1 without a `Perhaps out of
// memory?` line), and a config file named without `.py`, which Gunicorn 20+ still reads (a warning, no failure).
// One image per base; each container's real log is diagnosed the way the pipeline does it (context-helper).
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { BASES, GUNICORN_VERSION, baseImage, leftovers } from './helpers/docker.js'
import { contextFor, diagnose } from './diagnosis/context-helper.js'
import { toLogLines } from '../src/gunicorn/log-parser.js'
import { causeInLog } from '../src/diagnosis/rules/evidence.js'
import { RuleContext } from '../src/diagnosis/context.js'

const FIXTURE = '__fixtures__/apps/fail-host-limits'
const runKey = `test-limits-${crypto.randomBytes(4).toString('hex')}`
const label = `io.github.gunicorn-smoke.run=${runKey}`
const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs the image detached until `enough` holds for its log (or 20 s passed), then returns the log and its fate. */
async function capture(image: string, enough: (log: string, running: boolean) => boolean, options: string[], command: string[] = []) {
  const id = docker('run', '--detach', '--label', label, ...options, image, ...command)
  try {
    for (const deadline = Date.now() + 20_000; ; await sleep(250)) {
      const running = docker('inspect', '--format', '{{.State.Running}}', id) === 'true'
      // Gunicorn logs to stderr; one stream in arrival order is what the pipeline reads.
      const text = execFileSync('sh', ['-c', `docker logs ${id} 2>&1`], { encoding: 'utf8' })
      if (enough(text, running) || Date.now() > deadline) {
        return { text, running, exitCode: Number(docker('inspect', '--format', '{{.State.ExitCode}}', id)) }
      }
    }
  } finally {
    docker('rm', '--force', id)
  }
}

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0
const KILLED = /Worker with pid \d+ was terminated due to signal 9|was sent SIGKILL! Perhaps out of memory\?/

afterAll(() => {
  for (const base of BASES) execFileSync('docker', ['rmi', '--force', `gsmoke-limits-${runKey}:${base}`], { stdio: 'ignore' })
  expect(leftovers(runKey)).toEqual({ containers: [], images: [], volumes: [], networks: [] })
})

describe.each(BASES)('host limits on %s', (base) => {
  const image = `gsmoke-limits-${runKey}:${base}`
  const context = (text: string, extra: object) => contextFor(toLogLines(text), { repoRoot: process.cwd(), fixture: 'fail-host-limits', ...extra })

  beforeAll(() => {
    execFileSync('docker', ['build', '--quiet', '--label', label, '--build-arg', `BASE_IMAGE=${baseImage(base)}`, '--tag', image, FIXTURE], {
      stdio: 'ignore',
      env: { ...process.env, DOCKER_CONFIG: '/var/lib/gunicorn-smoke/buildx' }
    })
  }, 120_000)

  it('an IPv6 bind with IPv6 disabled: config-error naming IPv6, never "port in use"', async () => {
    const sysctl = ['--sysctl', 'net.ipv6.conf.all.disable_ipv6=1']
    const run = await capture(image, (_log, running) => !running, sysctl, ['gunicorn', '--bind', '[::1]:8000', 'app:app'])
    expect(run.running).toBe(false)
    expect(run.text).toMatch(/Invalid address: \('::1', 8000\)/)
    const d = diagnose(context(run.text, { outcome: 'container-exited', container: { running: false, exitCode: run.exitCode } }))
    expect(`${d.reason}: ${d.summary}`).toMatch(/^config-error: Gunicorn cannot bind the IPv6 address `\('::1', 8000\)`: the container has no IPv6/)
    expect(d.remedy).toContain('--bind 0.0.0.0:8000')
  }, 30_000)

  it('workers killed under --memory: out-of-memory, with or without "Perhaps out of memory?"', async () => {
    const limits = ['--memory', '96m', '--memory-swap', '96m', '--env', 'HOG_MB=80']
    const run = await capture(image, (log) => count(log, KILLED) >= 2, limits, ['gunicorn', '-w', '3', '--bind', '0.0.0.0:8000', 'app:app'])
    // 20.1 logs the kill as `terminated due to signal 9`, 23+ as `was sent SIGKILL! Perhaps out of memory?`.
    expect(count(run.text, KILLED)).toBeGreaterThanOrEqual(2)
    const d = diagnose(context(run.text, { outcome: 'gave-up', container: { running: true, memoryLimit: '96m' } }))
    expect(`${d.reason}: ${d.summary}`).toMatch(/^out-of-memory: Workers were killed with SIGKILL \d+ times? without a timeout first/)
  }, 30_000)

  it('-c gunicorn.conf (no .py) is read with a warning on Gunicorn 20+: a boot, no evidence of a failure', async () => {
    const run = await capture(image, (log) => count(log, /Booting worker with pid/) >= 2, [])
    expect(run.text).toContain('WARNING: configuration file should have a valid Python extension.')
    const ctx = context(run.text, { outcome: 'gave-up', container: { running: run.running } })
    // The bind and the two workers come from the file: Gunicorn read it.
    expect(ctx.state.version).toBe(GUNICORN_VERSION[base])
    expect(ctx.state.binds).toEqual(['0.0.0.0:8000'])
    expect(ctx.state.bootedPids).toHaveLength(2)
    expect(causeInLog(new RuleContext(ctx))).toBe(false)
  }, 30_000)
})
