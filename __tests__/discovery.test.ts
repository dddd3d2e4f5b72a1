import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeSources, discover, imageHasStartCommand, readProcfile } from '../src/setup/discovery.js'
import { InputError, parseSettings } from '../src/setup/inputs.js'
import { ROOT } from './helpers/run-action.js'

const reader =
  (inputs: Record<string, string> = {}) =>
  (name: string): string =>
    inputs[name] ?? ''

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-discovery-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

function errorOf(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

describe('discover from render.yaml', () => {
  const workspace = path.join(ROOT, '__fixtures__', 'repos', 'render-blueprint')

  it('takes context, Dockerfile, health path and plain env from the Docker web service, and lists host-filled variables', () => {
    const discovery = discover(workspace, reader())
    const settings = parseSettings(discovery.read, workspace)
    expect(settings.context).toBe(path.join(workspace, 'services', 'api'))
    expect(settings.dockerfile).toBe(path.join(workspace, 'services', 'api', 'Dockerfile'))
    expect(settings.healthPath).toBe('/healthz')
    expect(settings.env).toEqual([
      ['APP_ENV', 'staging'],
      ['WEB_CONCURRENCY', '3']
    ])
    expect(discovery.hostFilledEnv).toEqual(['SECRET_KEY', 'DATABASE_URL'])
    expect(discovery.sources).toMatchObject({ context: 'render.yaml', dockerfile: 'render.yaml', 'health-path': 'render.yaml', env: 'render.yaml' })
    expect(discovery.notes[0]).toBe("render.yaml: testing the web service 'notes-api'.")
    const sources = describeSources(settings, discovery.sources)
    expect(sources).toContain('health-path: /healthz [render.yaml]')
    // Render's PORT (10000 unless the blueprint sets one): docs/hosts.md.
    expect(sources).toContain('port: 10000 [host contract]')
  })

  it('lets explicit inputs win, and appends explicit env after the blueprint values so they override', () => {
    const discovery = discover(workspace, reader({ 'health-path': '/ready', env: 'APP_ENV=ci' }))
    const settings = parseSettings(discovery.read, workspace)
    expect(settings.healthPath).toBe('/ready')
    expect(discovery.sources['health-path']).toBe('input')
    expect(settings.env).toEqual([
      ['APP_ENV', 'staging'],
      ['WEB_CONCURRENCY', '3'],
      ['APP_ENV', 'ci']
    ])
  })

  it('reads dockerCommand through a shell and PORT as the port', () => {
    const dir = repo({
      'render.yaml':
        'services:\n  - type: web\n    name: api\n    runtime: docker\n    dockerCommand: gunicorn -b 0.0.0.0:$PORT app:app\n    envVars:\n      - key: PORT\n        value: 10000\n',
      Dockerfile: 'FROM python:3.12-slim\n'
    })
    const discovery = discover(dir, reader())
    const settings = parseSettings(discovery.read, dir)
    expect(settings.command).toEqual(['sh', '-c', 'gunicorn -b 0.0.0.0:$PORT app:app'])
    expect(settings.port).toBe(10000)
    expect(settings.env).toEqual([])
  })

  it('asks for the service input when there are several Docker web services, and checks the name given', () => {
    const dir = repo({
      'render.yaml': 'services:\n  - {type: web, name: api, runtime: docker}\n  - {type: web, name: admin, env: docker, rootDir: admin}\n',
      'admin/Dockerfile': 'FROM python:3.12-slim\n'
    })
    expect(errorOf(() => discover(dir, reader())).message).toBe(
      "render.yaml has 2 Docker web services ('api', 'admin'): choose one with the input 'service'."
    )
    const admin = discover(dir, reader({ service: 'admin' }))
    expect(parseSettings(admin.read, dir).context).toBe(path.join(dir, 'admin'))
    const wrong = errorOf(() => discover(dir, reader({ service: 'web' })))
    expect(wrong).toBeInstanceOf(InputError)
    expect(wrong.message).toBe("The input 'service' names 'web', which is not a Docker web service in render.yaml (found: 'api', 'admin').")
  })

  it('names the file and line of malformed YAML', () => {
    const dir = repo({ 'render.yaml': 'services:\n  - type: web\n    name: [api\n', Dockerfile: 'FROM x\n' })
    const error = errorOf(() => discover(dir, reader()))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^render\.yaml line \d+ is not valid YAML: /)
  })

  it('ignores a blueprint without a Docker web service', () => {
    const dir = repo({
      'render.yaml': 'services:\n  - {type: web, name: api, runtime: python, buildCommand: pip install -r requirements.txt}\n',
      Dockerfile: 'FROM x\n'
    })
    const discovery = discover(dir, reader())
    expect(discovery.notes).toEqual([])
    expect(parseSettings(discovery.read, dir).context).toBe(dir)
  })
})

describe('Procfile', () => {
  const workspace = path.join(ROOT, '__fixtures__', 'repos', 'procfile-only')

  it('offers the web line for images without a start command', () => {
    const discovery = discover(workspace, reader())
    expect(discovery.procfile?.command).toBe('gunicorn --bind 0.0.0.0:$PORT --workers 2 --access-logfile - shop:app')
    expect(parseSettings(discovery.read, workspace).command).toBeUndefined()
  })

  it('uses it outright with command: procfile, through a shell so $PORT expands', () => {
    const discovery = discover(workspace, reader({ command: 'procfile' }))
    expect(parseSettings(discovery.read, workspace).command).toEqual([
      'sh',
      '-c',
      'gunicorn --bind 0.0.0.0:$PORT --workers 2 --access-logfile - shop:app'
    ])
    expect(discovery.sources.command).toBe('Procfile')
  })

  it('says so when command: procfile has no Procfile to read', () => {
    const dir = repo({ Dockerfile: 'FROM x\n' })
    expect(errorOf(() => discover(dir, reader({ command: 'procfile' }))).message).toMatch(/^The input 'command' is 'procfile', but no Procfile/)
  })

  it('reads only the web process', () => {
    const dir = repo({ Procfile: 'worker: celery -A app worker\nweb:   gunicorn app:app  \n' })
    expect(readProcfile(dir)?.command).toBe('gunicorn app:app')
  })

  it.each([
    [['python3'], undefined, false],
    [['/usr/local/bin/python3.12'], undefined, false],
    [[], undefined, false],
    [undefined, undefined, false],
    [['gunicorn', 'app:app'], undefined, true],
    [['python3'], ['/entrypoint.sh'], true]
  ])('imageHasStartCommand(%j, %j) is %s', (cmd, entrypoint, expected) => {
    expect(imageHasStartCommand(cmd, entrypoint)).toBe(expected)
  })
})

describe('no Dockerfile at the root: the only one below it, with the context its COPY lines fit', () => {
  const APP_DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n'

  it('takes app/Dockerfile with app/ as the context when the files it copies are there, and says so', () => {
    const workspace = repo({ 'app/Dockerfile': APP_DOCKERFILE, 'app/requirements.txt': 'flask\n', 'README.md': '# x\n' })
    const discovery = discover(workspace, reader())
    const settings = parseSettings(discovery.read, workspace)
    expect(settings.context).toBe(path.join(workspace, 'app'))
    expect(settings.dockerfile).toBe(path.join(workspace, 'app', 'Dockerfile'))
    expect(discovery.sources).toMatchObject({ dockerfile: 'repository', context: 'repository' })
    expect(discovery.notes.join('\n')).toContain("testing app/Dockerfile, the only one in the repository, with the context 'app'")
  })

  it('takes docker/Dockerfile.prod with the root as the context when the files it copies are at the root', () => {
    const dockerfile = 'FROM python:3.12-slim\nCOPY --chown=app requirements.txt /app/\nCOPY ["src", "/app/src"]\nCOPY --from=builder /venv /venv\n'
    const workspace = repo({ 'docker/Dockerfile.prod': dockerfile, 'requirements.txt': 'flask\n', 'src/app.py': '' })
    const settings = parseSettings(discover(workspace, reader()).read, workspace)
    expect(settings.context).toBe(workspace)
    expect(settings.dockerfile).toBe(path.join(workspace, 'docker', 'Dockerfile.prod'))
  })

  it('lists the candidates and the inputs to set when there are several', () => {
    const workspace = repo({ 'app/Dockerfile': APP_DOCKERFILE, 'deploy/web.dockerfile': APP_DOCKERFILE, 'node_modules/x/Dockerfile': '' })
    const error = errorOf(() => discover(workspace, reader()))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(
      "No Dockerfile at the repository root, and 2 elsewhere ('app/Dockerfile', 'deploy/web.dockerfile'): set the input " +
        "'dockerfile' to the one to test (and 'context' to the folder its COPY paths start from)."
    )
  })

  it('does not search when an input or the root already names the Dockerfile', () => {
    const workspace = repo({ Dockerfile: APP_DOCKERFILE, 'app/Dockerfile': APP_DOCKERFILE, 'deploy/Dockerfile': APP_DOCKERFILE })
    expect(parseSettings(discover(workspace, reader()).read, workspace).dockerfile).toBe(path.join(workspace, 'Dockerfile'))
    const inputs = reader({ dockerfile: 'deploy/Dockerfile' })
    expect(parseSettings(discover(workspace, inputs).read, workspace).dockerfile).toBe(path.join(workspace, 'deploy', 'Dockerfile'))
  })

  it('with none anywhere, names no input the user did not set', () => {
    const workspace = repo({ 'app.py': '' })
    const error = errorOf(() => parseSettings(discover(workspace, reader()).read, workspace))
    expect(error.message).toBe(
      "There is no Dockerfile in the repository: set the input 'dockerfile' (and 'context'), or 'image' to test a prebuilt image."
    )
  })
})
