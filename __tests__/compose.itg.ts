// Compose stacks through the bundled action on the real engine and the real Compose v2 plugin (scripts/test-env.sh),
// each a repository of its own under __fixtures__/compose/, written as users write them: the Django + PostgreSQL +
// Redis stack passes with zero inputs (its compose.yaml gives the build, the command, the environment, the port, the
// health path, the user, the read-only root and its tmpfs; a `migrate` job completes before the app starts); the
// app whose settings only its env_file sets passes; a database whose healthcheck never passes and a `migrate` job
// that fails are `dependency-failed` naming the service; the web service not first in the file and the services
// behind `profiles` are read as Compose reads them; nothing of the project is left after success, failure, SIGTERM
// while the app boots and SIGKILL while the dependencies start (the post step, by project label).
// `postgres:16` and `redis:7` are images built from Debian packages by scripts/test-services.sh. The web images of
// all cases share their layers (same Dockerfile and requirements), so each case after the first builds in seconds.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, createdSince, leftovers, snapshot } from './helpers/docker.js'
import { ROOT, runAction, expectFailedWith, type ActionRun } from './helpers/run-action.js'
import { composeProject } from '../src/compose/compose-cli.js'
import { discover } from '../src/setup/discovery.js'

jest.setTimeout(120_000)

const STACKS = path.join(ROOT, '__fixtures__', 'compose')
const stack = (name: string): string => path.join(STACKS, name)
// The passing case on every base when GSMOKE_COMPOSE_BASES says so ("bookworm trixie forky"): each base adds about
// 22 s, over the CI budget for this file, so the first base by default.
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
      { workspace: stack('django-stack') }
    )
    expect(run.outputs.summary).toMatch(/^Gunicorn answered \/healthz\/ healthy/)
    expect(run.exitCode).toBe(0)
    // The job log says where each setting came from, the container settings included.
    expect(run.stdout).toContain("compose.yaml: testing the service 'web' with db, migrate, redis.")
    expect(run.stdout).toMatch(/command: gunicorn shop\.wsgi:application --bind 0\.0\.0\.0:8000 --workers 2 \[compose\.yaml\]/)
    expect(run.stdout).toMatch(/env: DJANGO_SECRET_KEY, DJANGO_DEBUG, DATABASE_URL, REDIS_URL \[compose\.yaml\]/)
    expect(run.stdout).toContain('  read-only: true [compose.yaml]\n  user: 10001:10001 [compose.yaml]\n  writable-paths: /tmp [compose.yaml]')
    const parsed = report(run)
    expect(parsed.settingSources).toMatchObject({
      command: 'compose.yaml',
      port: 'compose.yaml',
      'health-path': 'compose.yaml',
      env: 'compose.yaml',
      user: 'compose.yaml',
      'read-only': 'compose.yaml',
      'writable-paths': 'compose.yaml'
    })
    // `up --wait` calls the migrate job's exit 0 a failure; the action knows it is what `service_completed_successfully` asks.
    expect(parsed.dependencies?.map(({ service, status }) => [service, status])).toEqual([
      ['db', 'healthy'],
      ['migrate', 'completed'],
      ['redis', 'healthy']
    ])
    expect(parsed.dependencies?.every(({ startMs }) => typeof startMs === 'number' && startMs > 0)).toBe(true)
    expect(parsed.checks.find((check) => check.id === 'services')).toMatchObject({ status: 'pass' })
    expect(parsed.checks.find((check) => check.id === 'services')?.detail).toMatch(
      /^`db` healthy in [\d.]+ s, `migrate` completed in [\d.]+ s, `redis` healthy in [\d.]+ s$/
    )
    expect(run.stdout).toContain('::add-mask::dev-secret-key-4f9b2c71e0a8')
    const written = fs.readFileSync(run.outputs['report-path'], 'utf8') + run.summary
    expect(written).toContain('shop: connected to postgres://shop:***@db:5432/shop')
    expect(written).not.toContain('shop-db-password')
    expectNothingLeft(run, before)
  })
})

describe(`compose failures and cancellation on ${BASES[0]}`, () => {
  const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`

  it('passes the app whose settings only its env_file sets, their secret masked and the database password redacted', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': buildArgs, 'health-path': '/healthz/', 'stability-window': '1', comment: 'never' },
      { workspace: stack('env-file') }
    )
    expect(run.outputs.summary).toMatch(/^Gunicorn answered \/healthz\/ healthy/)
    expect(run.stdout).toMatch(/env: DJANGO_SECRET_KEY, DATABASE_URL, REDIS_URL \[compose\.yaml\]/)
    expect(run.stdout).toContain('::add-mask::env-file-secret-key-91c3d07a55e2')
    const written = fs.readFileSync(run.outputs['report-path'], 'utf8') + run.summary
    expect(written).toContain('shop: connected to postgres://shop:***@db:5432/shop')
    expect(written).not.toContain('env-file-db-password')
    expect(written).not.toContain('env-file-secret-key-91c3d07a55e2')
    expectNothingLeft(run, before)
  })

  it('a database whose healthcheck never passes is dependency-failed, naming the service and its healthcheck', async () => {
    const before = snapshot()
    const run = await runAction({ 'build-args': buildArgs, comment: 'never' }, { workspace: stack('db-never-healthy') })
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
    expect(run.stdout).toMatch(/^::error title=Gunicorn smoke%3A Compose dependency failed[^\n]*file=compose\.yaml,line=17::/m)
    expectNothingLeft(run, before)
  })

  it('a migrate job that fails (service_completed_successfully) is dependency-failed, naming it and quoting its log', async () => {
    const before = snapshot()
    const run = await runAction({ 'build-args': buildArgs, comment: 'never' }, { workspace: stack('migrate-fails') })
    expectFailedWith(run, 'dependency-failed')
    expect(run.outputs.summary).toBe(
      'The compose service `migrate` exited with code 3 before the app could start: ' +
        '`psql:/migrations/0001_orders.sql:6: ERROR:  relation "customers" does not exist`.'
    )
    const parsed = report(run)
    expect(parsed.dependencies?.find(({ service }) => service === 'migrate')).toMatchObject({
      status: 'failed',
      log: ['psql:/migrations/0001_orders.sql:6: ERROR:  relation "customers" does not exist']
    })
    expect(run.summary).toContain('| Services | ❌ `migrate` exited |')
    expect(run.stdout).toMatch(/^::error title=Gunicorn smoke%3A Compose dependency failed[^\n]*file=compose\.yaml,line=18::/m)
    expectNothingLeft(run, before)
  })

  it('reads the web service and the active services as Compose does: not first in the file, profiles left out', () => {
    for (const [name, web, dependencies] of [
      ['web-not-first', 'backend', ['postgres', 'cache']],
      ['profiles', 'web', ['db', 'redis']]
    ] as const) {
      const found = discover(stack(name), () => '')
      expect([found.compose?.stack.service, found.compose?.stack.dependencies]).toEqual([web, dependencies])
      // The Compose CLI's own reading: without --profile, the profiled services are not part of the project.
      const services = execFileSync('docker', ['compose', '--file', path.join(stack(name), 'compose.yaml'), 'config', '--services'], {
        encoding: 'utf8'
      })
      expect(services.split('\n').filter(Boolean).sort()).toEqual([web, ...dependencies].sort())
    }
  })

  it('SIGTERM while the app boots on its stack (the web service last in the file) removes the app and the whole project', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': buildArgs, 'health-path': '/healthz/', comment: 'never' },
      { workspace: stack('web-not-first'), cancel: { signal: 'SIGTERM', whenStdoutMatches: /Waiting for \/healthz\// } }
    )
    expect(run.stdout).toContain("compose.yaml: testing the service 'backend' with postgres, cache.")
    expect(run.exitCode).not.toBe(0)
    expectNothingLeft(run, before)
  })

  it('SIGKILL while the dependencies start leaves the project to the post step, which removes it by label; profiles stay off', async () => {
    const before = snapshot()
    const run = await runAction(
      { 'build-args': buildArgs, comment: 'never' },
      { workspace: stack('profiles'), cancel: { signal: 'SIGKILL', whenStdoutMatches: /Container \S+-db-1\s+Waiting/ } }
    )
    expect(run.signal).toBe('SIGKILL')
    expect(run.stdout).toMatch(/Container \S+-redis-1\s+Created/)
    expect(run.stdout).not.toMatch(/-(adminer|worker)-1/)
    expect(run.post?.stdout).toMatch(/Removing the compose project gunicorn-smoke-\S+ left by the smoke test\./)
    expectNothingLeft(run, before)
  })
})
