// Compose stacks through the bundled action on the real engine and the real Compose v2 plugin (scripts/test-env.sh):
// the Django + PostgreSQL + Redis repository passes with zero inputs (its compose.yaml gives the build, the command,
// the env_file, the port and the health path; the dependencies start under `docker compose up --wait`), a database
// whose healthcheck never passes is `dependency-failed` naming it, and nothing of the project is left after success,
// failure, SIGTERM while the app boots and SIGKILL while the dependencies start (the post step, by project label).
// `postgres:16` and `redis:7` are images built from Debian packages by scripts/test-services.sh.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, createdSince, leftovers, snapshot } from './helpers/docker.js'
import { ROOT, runAction, expectFailedWith, type ActionRun } from './helpers/run-action.js'
import { composeProject } from '../src/compose/compose-cli.js'

jest.setTimeout(120_000)

const STACKS = path.join(ROOT, '__fixtures__', 'compose')
const DJANGO_STACK = path.join(STACKS, 'django-stack')
// The passing case on every base when GSMOKE_COMPOSE_BASES says so (CI time: the first base by default).
const PASS_BASES = (process.env.GSMOKE_COMPOSE_BASES ?? BASES[0]).split(/\s+/).filter(Boolean)

interface Report {
  reason?: string
  diagnosis?: { summary: string; remedy: string; evidence: string[] }
  checks: Array<{ id: string; status: string; detail: string }>
  settingSources: Record<string, string>
  dependencies?: Array<{ service: string; status: string; startMs?: number; log?: string[] }>
}

const report = (run: ActionRun): Report => JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8')) as Report

/** Nothing of the run (its label) nor of its compose project (Compose's label) is left, nor any new volume. */
function expectNothingLeft(run: ActionRun, before: ReturnType<typeof snapshot>): void {
  const label = `label=com.docker.compose.project=${composeProject(run.state.runKey)}`
  const list = (...args: string[]): string[] => execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean)
  expect({
    containers: list('ps', '--all', '--quiet', '--filter', label),
    networks: list('network', 'ls', '--quiet', '--filter', label),
    volumes: list('volume', 'ls', '--quiet', '--filter', label)
  }).toEqual({ containers: [], networks: [], volumes: [] })
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  // Anonymous volumes (PostgreSQL's and Redis' VOLUME) carry no label: none may be new.
  expect(createdSince(before).volumes).toEqual([])
  expect(run.post?.exitCode).toBe(0)
}

beforeAll(() => {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'test-services.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 })
}, 320_000)

describe.each(PASS_BASES)('the Django + PostgreSQL + Redis compose repository on %s', (base) => {
  it('passes with zero inputs, its settings read from compose.yaml and its dependencies healthy', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': `BASE_IMAGE=${baseImage(base)}`, 'stability-window': '1', comment: 'never' },
      { workspace: DJANGO_STACK }
    )
    expect(run.outputs.summary).toMatch(/^Gunicorn answered \/healthz\/ healthy/)
    expect(run.exitCode).toBe(0)
    // The job log says where each setting came from; the web service is not the file's first, the profiled one idles.
    expect(run.stdout).toContain("compose.yaml: testing the service 'web' with db, redis.")
    expect(run.stdout).toMatch(/command: gunicorn shop\.wsgi:application --bind 0\.0\.0\.0:8000 --workers 2 \[compose\.yaml\]/)
    expect(run.stdout).toMatch(/env: DJANGO_SECRET_KEY, DJANGO_DEBUG, DATABASE_URL, REDIS_URL \[compose\.yaml\]/)
    expect(run.stdout).not.toContain('adminer')
    const parsed = report(run)
    expect(parsed.settingSources).toMatchObject({ command: 'compose.yaml', port: 'compose.yaml', 'health-path': 'compose.yaml', env: 'compose.yaml' })
    expect(parsed.dependencies?.map(({ service, status }) => [service, status])).toEqual([
      ['db', 'healthy'],
      ['redis', 'healthy']
    ])
    expect(parsed.dependencies?.every(({ startMs }) => typeof startMs === 'number' && startMs > 0)).toBe(true)
    expect(parsed.checks.find((check) => check.id === 'services')).toMatchObject({ status: 'pass' })
    expect(parsed.checks.find((check) => check.id === 'services')?.detail).toMatch(/^`db` healthy in [\d.]+ s, `redis` healthy in [\d.]+ s$/)
    // The env_file's secret is masked like an `env` value; the database password in the URL the app prints is redacted.
    expect(run.stdout).toContain('::add-mask::dev-secret-key-4f9b2c71e0a8')
    const written = fs.readFileSync(run.outputs['report-path'], 'utf8') + run.summary
    expect(written).toContain('shop: connected to postgres://shop:***@db:5432/shop')
    expect(written).not.toContain('shop-db-password')
    expectNothingLeft(run, before)
  })
})

describe(`compose failures and cancellation on ${BASES[0]}`, () => {
  const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`

  it('a database whose healthcheck never passes is dependency-failed, naming the service and its healthcheck', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'compose-file': 'fail-db-unhealthy/compose.yaml', 'build-args': buildArgs, comment: 'never' },
      { workspace: STACKS }
    )
    expectFailedWith(run, 'dependency-failed')
    expect(run.outputs.summary).toBe(
      'The compose service `db` never turned healthy, its healthcheck `pg_isready -U $POSTGRES_USER` kept failing: ' +
        "`/usr/lib/postgresql/15/bin/pg_isready: option requires an argument -- 'U'`."
    )
    const parsed = report(run)
    expect(parsed.diagnosis?.remedy).toContain('write `$$POSTGRES_USER`')
    expect(parsed.diagnosis?.evidence).toContain('The "POSTGRES_USER" variable is not set. Defaulting to a blank string.')
    expect(parsed.checks.map(({ id, status }) => [id, status]).slice(0, 3)).toEqual([
      ['build', 'pass'],
      ['services', 'fail'],
      ['start', 'not-reached']
    ])
    expect(parsed.dependencies?.find(({ service }) => service === 'db')?.status).toBe('failed')
    expect(run.summary).toContain('| Services | ❌ `db` not healthy |')
    expect(run.stdout).toMatch(/^::error title=Gunicorn smoke%3A Compose dependency failed[^\n]*file=fail-db-unhealthy\/compose\.yaml,line=17::/m)
    expectNothingLeft(run, before)
  })

  it('SIGTERM while the app boots on its stack removes the app and the whole project', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': buildArgs, comment: 'never' },
      { workspace: DJANGO_STACK, cancel: { signal: 'SIGTERM', whenStdoutMatches: /Waiting for \/healthz\// } }
    )
    expect(run.exitCode).not.toBe(0)
    expectNothingLeft(run, before)
  })

  it('SIGKILL while the dependencies start leaves the project to the post step, which removes it by label', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': buildArgs, comment: 'never' },
      { workspace: DJANGO_STACK, cancel: { signal: 'SIGKILL', whenStdoutMatches: /Container \S+-db-1\s+Waiting/ } }
    )
    expect(run.signal).toBe('SIGKILL')
    expect(run.post?.stdout).toMatch(/Removing the compose project gunicorn-smoke-\S+ left by the smoke test\./)
    expectNothingLeft(run, before)
  })
})
