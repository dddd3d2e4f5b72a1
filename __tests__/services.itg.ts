// Booting like production through the bundled action: apps that need PostgreSQL or Redis at boot, reached
// through host.docker.internal (services published on the runner) or by name on a Docker network (the
// `network` input); database failures produced for real; memory and CPU limits; the token kept out of the
// container. The services run on this machine (scripts/test-services.sh, run once before the tests).
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { jest } from '@jest/globals'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun, expectFailedWith } from './helpers/run-action.js'

jest.setTimeout(240_000)

const DB_URL = 'postgres://smoke:smoke-pass@host.docker.internal:5432/notes'
const fixture = (name: string): string => path.join('__fixtures__', 'apps', name)
const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' }).trim()

function report(run: ActionRun): { diagnosis?: { summary: string; remedy: string; evidence: string[] }; log: Array<{ text: string }> } {
  return JSON.parse(fs.readFileSync(run.outputs['report-path'], 'utf8'))
}

/** `::add-mask::value` is how a secret is handed to the runner (which never displays it): the one allowed place. */
function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}

function expectNothingLeft(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
  expect(run.post?.exitCode).toBe(0)
}

beforeAll(() => {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'test-services.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 })
}, 320_000)

describe.each(BASES)('PostgreSQL through host.docker.internal on %s', (base) => {
  const buildArgs = `BASE_IMAGE=${baseImage(base)}`

  it('passes a Flask-SQLAlchemy app that creates its tables at boot', async () => {
    const run = await runAction({
      context: fixture('db-postgres'),
      'build-args': buildArgs,
      env: `DATABASE_URL=${DB_URL}`,
      'stability-window': '1',
      comment: 'never'
    })
    expect(run.outputs.summary).toMatch(/^Gunicorn answered \/health healthy/)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.workers).toBe('2/2')
    expectNothingLeft(run)
  })

  it('fails with database-unreachable naming localhost and suggesting host.docker.internal', async () => {
    const run = await runAction({
      context: fixture('db-postgres'),
      'build-args': buildArgs,
      env: 'DATABASE_URL=postgres://smoke:smoke-pass@localhost:5432/notes',
      comment: 'never'
    })
    expectFailedWith(run, 'database-unreachable')
    expect(run.outputs.summary).toContain('PostgreSQL at `localhost` port 5432')
    expect(report(run).diagnosis?.remedy).toMatch(/^Point the URL at `host\.docker\.internal`/)
    expect(run.stdout).toMatch(/^::error title=[^\n]*,file=__fixtures__\/apps\/db-postgres\/notes\/__init__\.py,line=24::/m)
    expectNothingLeft(run)
  })
})

describe(`services and failures on ${BASES[0]}`, () => {
  const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`
  const suffix = crypto.randomBytes(3).toString('hex')
  const network = `gsmoke-test-net-${suffix}`
  const database = `gsmoke-test-db-${suffix}`

  beforeAll(() => {
    docker('network', 'create', '--label', 'gsmoke-test=services', network)
    docker(
      'run',
      '--detach',
      '--name',
      database,
      '--label',
      'gsmoke-test=services',
      '--network',
      network,
      '--network-alias',
      'db',
      'gunicorn-smoke-services:bookworm'
    )
    for (let i = 0; i < 60; i++) {
      try {
        docker('exec', database, 'pg_isready', '-q', '-h', '127.0.0.1')
        return
      } catch {
        execFileSync('sleep', ['0.5'])
      }
    }
    throw new Error(`the PostgreSQL container ${database} did not become ready`)
  }, 60_000)

  afterAll(() => {
    execFileSync('docker', ['rm', '-f', database], { stdio: 'ignore' })
    execFileSync('docker', ['network', 'rm', network], { stdio: 'ignore' })
  })

  it('reaches PostgreSQL by name on a Docker network given with the network input', async () => {
    const run = await runAction({
      context: fixture('db-postgres'),
      'build-args': buildArgs,
      network,
      env: 'DATABASE_URL=postgres://smoke:smoke-pass@db:5432/notes',
      'stability-window': '1',
      comment: 'never'
    })
    expect(run.outputs.summary).toMatch(/^Gunicorn answered \/health healthy/)
    expect(run.exitCode).toBe(0)
    expectNothingLeft(run)
  })

  it('without the network the name does not resolve, and the remedy says how to join it', async () => {
    const run = await runAction({
      context: fixture('db-postgres'),
      'build-args': buildArgs,
      env: 'DATABASE_URL=postgres://smoke:smoke-pass@db:5432/notes',
      comment: 'never'
    })
    expect(run.outputs.reason).toBe('database-unreachable')
    expect(run.outputs.summary).toContain('the name `db` does not resolve inside the container')
    expect(report(run).diagnosis?.remedy).toContain('`network` input')
    expectNothingLeft(run)
  })

  it.each([
    [
      'a wrong password',
      `DATABASE_URL=postgres://smoke:not-the-password@host.docker.internal:5432/notes`,
      'the server rejects the credentials of user `smoke`',
      '`POSTGRES_PASSWORD`'
    ],
    [
      'a database that does not exist',
      `DATABASE_URL=postgres://smoke:smoke-pass@host.docker.internal:5432/archive`,
      'the server has no database `archive`',
      '`POSTGRES_DB: archive`'
    ]
  ])('diagnoses %s', async (_what, env, summary, remedy) => {
    const run = await runAction({ context: fixture('db-postgres'), 'build-args': buildArgs, env, comment: 'never' })
    expect(run.outputs.reason).toBe('database-unreachable')
    expect(run.outputs.summary).toContain(summary)
    expect(report(run).diagnosis?.remedy).toContain(remedy)
    // The URL is an env value: a secret, registered with the runner's mask and written nowhere else.
    expect(withoutMaskCommands(run.stdout)).not.toContain('not-the-password')
    expectNothingLeft(run)
  })

  it('passes a Redis-backed app through host.docker.internal and diagnoses it pointing at localhost', async () => {
    const ok = await runAction({
      context: fixture('db-redis'),
      'build-args': buildArgs,
      env: 'REDIS_URL=redis://host.docker.internal:6379/0',
      'stability-window': '1',
      comment: 'never'
    })
    expect(ok.outputs.summary).toMatch(/^Gunicorn answered \/health healthy/)
    expect(ok.exitCode).toBe(0)
    const failed = await runAction({ context: fixture('db-redis'), 'build-args': buildArgs, comment: 'never' })
    expect(failed.outputs.reason).toBe('database-unreachable')
    expect(failed.outputs.summary).toContain('Redis at `localhost` port 6379')
    expect(report(failed).diagnosis?.remedy).toContain('`host.docker.internal`')
    expectNothingLeft(ok)
    expectNothingLeft(failed)
  })

  it('an app that allocates at import under memory: 128m with 3 workers fails with out-of-memory', async () => {
    const run = await runAction({ context: fixture('fail-out-of-memory'), 'build-args': buildArgs, memory: '128m', comment: 'never' })
    expectFailedWith(run, 'out-of-memory')
    expect(run.outputs.summary).toMatch(/the container ran out of memory \(limit 128m\) with 3 workers\.$/)
    const remedy = report(run).diagnosis?.remedy ?? ''
    expect(remedy).toContain('fewer workers (3 now')
    expect(remedy).toContain('`preload_app = True`')
    expect(remedy).toContain('more than `128m`')
    expectNothingLeft(run)
  })
})

describe('limits and secrets: what the container is given', () => {
  const buildArgs = `BASE_IMAGE=${baseImage(BASES[0])}`
  const token = 'ghs_' + crypto.randomBytes(18).toString('hex')
  const visible = 'visible-' + crypto.randomBytes(6).toString('hex')
  const runId = String(900_000_000 + crypto.randomInt(99_999_999))
  let run: ActionRun
  let inspected: { Config: { Env: string[] }; HostConfig: { NanoCpus: number; Memory: number } } | undefined

  beforeAll(async () => {
    // The container lives only during the run: inspect it while the action waits out the stability window.
    const prefix = `gunicorn-smoke-${runId}-`
    let polling = true
    const poll = (async () => {
      while (polling && !inspected) {
        const id = docker('ps', '--quiet', '--filter', `name=${prefix}`)
        if (id) {
          try {
            inspected = JSON.parse(docker('inspect', id.split('\n')[0]))[0]
          } catch {
            // Gone between ps and inspect: try again.
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    run = await runAction(
      {
        context: fixture('untrusted-env-echo'),
        'build-args': buildArgs,
        cpus: '0.5',
        memory: '256m',
        env: `SMOKE_VISIBLE=${visible}`,
        'stability-window': '2',
        comment: 'never'
      },
      { token, extraEnv: { GITHUB_RUN_ID: runId, GITHUB_TOKEN: token } }
    )
    polling = false
    await poll
  }, 240_000)

  it('passes, and the container runs with the cpus and memory inputs', () => {
    expect(run.exitCode).toBe(0)
    expect(inspected).toBeDefined()
    expect(inspected!.HostConfig.NanoCpus).toBe(500_000_000)
    expect(inspected!.HostConfig.Memory).toBe(256 * 1024 * 1024)
  })

  it('gives the container the env input but never the github-token', () => {
    const env = inspected!.Config.Env
    expect(env).toContain(`SMOKE_VISIBLE=${visible}`)
    expect(env.filter((entry) => entry.includes(token))).toEqual([])
    expect(env.map((entry) => entry.split('=')[0]).filter((name) => /TOKEN|^INPUT_|^GITHUB_|^ACTIONS_/.test(name))).toEqual([])
    // The app printed its whole environment: the variable is there (masked as a secret), the token is not.
    const log = report(run).log.map((line) => line.text)
    expect(log).toContain('ENV PORT=8000')
    expect(log).toContain('ENV SMOKE_VISIBLE=***')
    expect(log.filter((line) => /TOKEN|INPUT_/.test(line))).toEqual([])
  })

  it('writes the token nowhere: outputs, logs, summary, report and the runner temp folder', () => {
    const written = [
      withoutMaskCommands(run.stdout),
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      withoutMaskCommands(run.post?.stdout ?? ''),
      run.post?.stderr ?? ''
    ]
    for (const file of fs.readdirSync(run.runnerTemp, { recursive: true }) as string[]) {
      const full = path.join(run.runnerTemp, file)
      if (fs.statSync(full).isFile()) written.push(fs.readFileSync(full, 'utf8'))
    }
    for (const text of written) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(visible)
    }
    expectNothingLeft(run)
  })
})
