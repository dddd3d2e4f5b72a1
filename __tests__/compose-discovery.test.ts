// Compose discovery on the fixtures and on compose files written the ways users write them: which service is the web
// one, what it gives each setting (with its source), the dependency closure, the environment and its secrets.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeSources, discover } from '../src/setup/discovery.js'
import { parseSettings } from '../src/setup/inputs.js'
import { interpolate, readEnvFile } from '../src/compose/compose-env.js'
import { ComposeCli, MISSING_COMPOSE } from '../src/compose/compose-cli.js'
import type { CommandRunner } from '../src/docker/docker.js'

const STACK = path.join(process.cwd(), '__fixtures__', 'compose', 'django-stack')
const inputs =
  (given: Record<string, string> = {}) =>
  (name: string): string =>
    given[name] ?? ''

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-compose-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('compose discovery', () => {
  it('reads the web service of the Django stack with its sources', () => {
    const found = discover(STACK, inputs())
    expect(found.compose?.stack).toMatchObject({
      service: 'web',
      dependencies: ['db', 'migrate', 'redis'],
      network: 'default',
      fileName: 'compose.yaml'
    })
    expect(found.read('command')).toBe('gunicorn shop.wsgi:application --bind 0.0.0.0:8000 --workers 2')
    expect(found.read('health-path')).toBe('/healthz/')
    expect(found.read('port')).toBe('8000')
    expect(found.read('env').split('\n')).toEqual([
      'DJANGO_SECRET_KEY=dev-secret-key-4f9b2c71e0a8',
      'DJANGO_DEBUG=0',
      'DATABASE_URL=postgres://shop:shop-db-password@db:5432/shop',
      'REDIS_URL=redis://redis:6379/0'
    ])
    expect(found.sources).toMatchObject({ command: 'compose.yaml', port: 'compose.yaml', 'health-path': 'compose.yaml', env: 'compose.yaml' })
    // Only the secret-named value is a secret: redacting `shop` everywhere would shred the log.
    expect(found.compose?.secretValues).toEqual(['dev-secret-key-4f9b2c71e0a8'])
  })

  it('lets explicit inputs win, and compose-dependencies: false keeps the stack without starting it', () => {
    const found = discover(STACK, inputs({ command: 'gunicorn other:app', 'compose-dependencies': 'false' }))
    expect(found.read('command')).toBe('gunicorn other:app')
    expect(found.sources.command).toBe('input')
    expect(found.compose?.startDependencies).toBe(false)
  })

  it('follows depends_on transitively, skips profiled services nobody needs, and quotes list commands', () => {
    const dir = repo({
      'docker-compose.yml': [
        'services:',
        '  api:',
        '    build: { context: backend, dockerfile: docker/Dockerfile.prod, target: runtime, args: [PYTHON=3.12] }',
        '    command: ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "app.main:app", "--bind", "0.0.0.0:9000"]',
        '    expose: ["9000"]',
        '    mem_limit: 512mb',
        '    depends_on: [worker]',
        '  worker:',
        '    image: app-worker',
        '    depends_on: { broker: { condition: service_healthy } }',
        '  broker:',
        '    image: rabbitmq:3',
        '  flower:',
        '    image: mher/flower',
        '    profiles: [debug]',
        '    depends_on: [broker]'
      ].join('\n')
    })
    const found = discover(dir, inputs())
    expect(found.compose?.stack).toMatchObject({ service: 'api', dependencies: ['broker', 'worker'] })
    expect(found.read('context')).toBe('backend')
    expect(found.read('dockerfile')).toBe('docker/Dockerfile.prod')
    expect(found.read('target')).toBe('runtime')
    expect(found.read('build-args')).toBe('PYTHON=3.12')
    expect(found.read('port')).toBe('9000')
    expect(found.read('memory')).toBe('512m')
    expect(found.read('command')).toBe('gunicorn -k uvicorn.workers.UvicornWorker app.main:app --bind 0.0.0.0:9000')
  })

  it('asks for the service when two run Gunicorn, and names a missing env_file', () => {
    const two = repo({ 'compose.yaml': 'services:\n  a:\n    command: gunicorn a:app\n  b:\n    command: gunicorn b:app\n' })
    expect(() => discover(two, inputs())).toThrow("compose.yaml has 2 services that run Gunicorn ('a', 'b'): choose one with the input 'service'.")
    const noFile = repo({ 'compose.yaml': 'services:\n  web:\n    command: gunicorn a:app\n    env_file: .env.local\n' })
    expect(() => discover(noFile, inputs())).toThrow("compose.yaml: the env_file '.env.local' of the service 'web' does not exist.")
    expect(() => discover(two, inputs({ service: 'c' }))).toThrow(
      "The input 'service' names 'c', which is not a service in compose.yaml (found: 'a', 'b')."
    )
  })

  it("maps the service's user, read_only and tmpfs mounts onto user, read-only and writable-paths, explicit inputs winning", () => {
    const dir = repo({
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    command: gunicorn app:app',
        '    user: "${APP_UID:-10001}:${APP_GID:-10001}"',
        '    read_only: true',
        '    tmpfs:',
        '      - /tmp',
        '      - /run/app:size=16m,mode=1777',
        '    volumes:',
        '      - ./static:/app/static:ro',
        '      - { type: tmpfs, target: /var/cache/app, tmpfs: { size: 1000000 } }'
      ].join('\n'),
      '.env': 'APP_UID=1500\n',
      Dockerfile: 'FROM python:3.12-slim\n'
    })
    const found = discover(dir, inputs())
    const settings = parseSettings(found.read, dir)
    expect(settings).toMatchObject({ user: '1500:10001', readOnly: true, writablePaths: ['/tmp', '/run/app', '/var/cache/app'] })
    expect(found.sources).toMatchObject({ user: 'compose.yaml', 'read-only': 'compose.yaml', 'writable-paths': 'compose.yaml' })
    expect(describeSources(settings, found.sources)).toContain('  writable-paths: /tmp, /run/app, /var/cache/app [compose.yaml]')

    const explicit = discover(dir, inputs({ user: 'app', 'read-only': 'false' }))
    expect(parseSettings(explicit.read, dir)).toMatchObject({ user: 'app', readOnly: false, writablePaths: ['/tmp', '/run/app', '/var/cache/app'] })
    expect(explicit.sources).toMatchObject({ user: 'input', 'read-only': 'input', 'writable-paths': 'compose.yaml' })
  })

  it('keeps the image user when the compose user is no user, and says so', () => {
    const dir = repo({
      'compose.yaml': 'services:\n  web:\n    build: .\n    command: gunicorn app:app\n    user: "${UID}:${GID}"\n',
      Dockerfile: 'FROM python:3.12-slim\n'
    })
    const found = discover(dir, inputs())
    expect(found.notes).toContain(
      "compose.yaml: the user '${UID}:${GID}' of 'web' gives ':', no uid, uid:gid or user name; the image's user is kept."
    )
    expect(parseSettings(found.read, dir).user).toBeUndefined()
    expect(found.sources.user).toBeUndefined()
  })

  it('refuses the network input beside dependencies it would cut off', () => {
    expect(() => discover(STACK, inputs({ network: 'ci-net' }))).toThrow(/^The input 'network' cannot be combined with the dependencies of 'web'/)
  })

  it('interpolates like Compose and reads env files like it', () => {
    const vars = new Map([['TAG', '16']])
    expect(interpolate('postgres:${TAG}-${OS:-bookworm}/$TAG/$$HOME/${MISSING}', vars)).toBe('postgres:16-bookworm/16/$HOME/')
    const dir = repo({ '.env': 'export A=1\n# comment\nB="two words"\nC=3 # trailing\n' })
    expect([...(readEnvFile(path.join(dir, '.env')) ?? [])]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', '3']
    ])
  })
})

describe('docker compose missing', () => {
  it('says one sentence, from the Docker CLI answer captured on this machine before the plugin was installed', async () => {
    const runner: CommandRunner = {
      run: () =>
        Promise.resolve({ exitCode: 1, stdout: '', stderr: "docker: unknown command: docker compose\n\nRun 'docker --help' for more information\n" }),
      stream: () => Promise.resolve(1)
    }
    await expect(new ComposeCli('p', undefined, runner).version()).rejects.toThrow(MISSING_COMPOSE)
  })
})
