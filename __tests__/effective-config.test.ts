import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunicornArgv, launcherOf, printConfigCommand, staticWorkerCount, startCommand } from '../src/setup/effective-config.js'
import { parseSettings } from '../src/setup/inputs.js'
import { readProcfile } from '../src/setup/discovery.js'

function project(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-config-'))
  for (const [name, text] of Object.entries({ Dockerfile: 'FROM python:3.12-slim\n', ...files })) fs.writeFileSync(path.join(dir, name), text)
  return parseSettings((name) => inputs[name] ?? '', dir)
}

describe('gunicornArgv', () => {
  it.each([
    [
      ['gunicorn', '-w', '4', 'app:app'],
      ['gunicorn', '-w', '4', 'app:app']
    ],
    [
      ['/usr/local/bin/gunicorn', 'app:app'],
      ['/usr/local/bin/gunicorn', 'app:app']
    ],
    [
      ['sh', '-c', 'python manage.py migrate && exec gunicorn -b 0.0.0.0:$PORT app.wsgi'],
      ['gunicorn', '-b', '0.0.0.0:$PORT', 'app.wsgi']
    ],
    [
      ['python3', '-m', 'gunicorn', 'app:app'],
      ['python3', '-m', 'gunicorn', 'app:app']
    ],
    [['uwsgi', '--http', ':8000'], undefined]
  ])('%j → %j', (argv, expected) => {
    expect(gunicornArgv(argv)).toEqual(expected)
  })
})

describe('start commands of uv, Poetry and Pipenv projects', () => {
  it.each([
    [
      ['uv', 'run', 'gunicorn', '-w', '3', 'app:app'],
      ['uv', 'run'],
      ['gunicorn', '-w', '3', 'app:app']
    ],
    [
      ['uv', 'run', '--frozen', '--no-dev', 'gunicorn', 'app:app'],
      ['uv', 'run', '--frozen', '--no-dev'],
      ['gunicorn', 'app:app']
    ],
    // `--with gunicorn` names a package, not the command.
    [
      ['uv', 'run', '--with', 'gunicorn', 'gunicorn', 'app:app'],
      ['uv', 'run', '--with', 'gunicorn'],
      ['gunicorn', 'app:app']
    ],
    [
      ['uv', 'run', 'python', '-m', 'gunicorn', 'app:app'],
      ['uv', 'run'],
      ['python', '-m', 'gunicorn', 'app:app']
    ],
    [
      ['poetry', 'run', 'gunicorn', '-c', 'gunicorn.conf.py', 'app:app'],
      ['poetry', 'run'],
      ['gunicorn', '-c', 'gunicorn.conf.py', 'app:app']
    ],
    [
      ['pipenv', 'run', 'gunicorn', 'app:app'],
      ['pipenv', 'run'],
      ['gunicorn', 'app:app']
    ],
    [['/app/.venv/bin/gunicorn', '-w', '2', 'app:app'], [], ['/app/.venv/bin/gunicorn', '-w', '2', 'app:app']],
    [['.venv/bin/python', '-u', '-m', 'gunicorn', 'app:app'], [], ['.venv/bin/python', '-m', 'gunicorn', 'app:app']],
    [['sh', '-c', 'poetry run gunicorn -w 5 app:app'], [], ['gunicorn', '-w', '5', 'app:app']]
  ])('%j: launcher %j, Gunicorn %j', (argv, launcher, gunicorn) => {
    expect(launcherOf(argv)).toEqual(launcher)
    expect(gunicornArgv(argv)).toEqual(gunicorn)
  })

  it('asks --print-config through the launcher, the shell or Gunicorn itself, as the start command runs', () => {
    expect(printConfigCommand(['uv', 'run', '--frozen', 'gunicorn', 'app:app'])).toEqual({
      entrypoint: 'uv',
      args: ['run', '--frozen', 'gunicorn', 'app:app', '--print-config']
    })
    expect(printConfigCommand(['/app/.venv/bin/python', '-m', 'gunicorn', 'app:app'])).toEqual({
      entrypoint: '/app/.venv/bin/python',
      args: ['-m', 'gunicorn', 'app:app', '--print-config']
    })
    expect(printConfigCommand(['sh', '-c', 'pipenv run gunicorn app:app'])).toEqual({
      entrypoint: 'sh',
      args: ['-c', 'pipenv run gunicorn app:app --print-config']
    })
    expect(printConfigCommand(['./entrypoint.sh', 'gunicorn', 'app:app'])).toEqual({ entrypoint: 'gunicorn', args: ['app:app', '--print-config'] })
    expect(printConfigCommand(['poetry', 'run', 'flask', 'run'])).toBeUndefined()
  })

  it('counts the workers of a launched Gunicorn from its command line, and from a Procfile run through the shell', () => {
    const settings = project({})
    const image = (cmd: string[]) => ({ cmd, workdir: '/app', exposedPorts: [] })
    expect(staticWorkerCount(settings, image(['uv', 'run', 'gunicorn', '--workers', '3', 'app:app']))).toBe(3)
    expect(staticWorkerCount(settings, image(['/app/.venv/bin/python', '-m', 'gunicorn', '-w4', 'app:app']))).toBe(4)
    const withProcfile = project({ Procfile: 'web: poetry run gunicorn -w 5 app:app\n' })
    // What the run does with an image without a command: the Procfile's web line through a shell.
    const web = readProcfile(withProcfile.context)!
    expect(web.command).toBe('poetry run gunicorn -w 5 app:app')
    expect(staticWorkerCount({ ...withProcfile, command: ['sh', '-c', web.command] }, undefined)).toBe(5)
  })
})

describe('staticWorkerCount follows Gunicorn precedence', () => {
  const image = (cmd: string[], workdir = '/app') => ({ cmd, workdir, exposedPorts: [] })

  it('takes -w from the command line over the config file', () => {
    const settings = project({ 'gunicorn.conf.py': 'workers = 8\n' })
    expect(staticWorkerCount(settings, image(['gunicorn', '-w', '3', 'app:app']))).toBe(3)
  })

  it('takes GUNICORN_CMD_ARGS over the config file', () => {
    const settings = project({ 'gunicorn.conf.py': 'workers = 8\n' }, { env: 'GUNICORN_CMD_ARGS=--workers=5 --timeout 60' })
    expect(staticWorkerCount(settings, image(['gunicorn', 'app:app']))).toBe(5)
  })

  it('reads a literal in the default gunicorn.conf.py, and a -c path under the WORKDIR', () => {
    expect(
      staticWorkerCount(project({ 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\nworkers = 4  # one per core\n' }), image(['gunicorn', 'app:app']))
    ).toBe(4)
    const settings = project({ 'prod.py': 'workers = 6\n' })
    expect(staticWorkerCount(settings, image(['gunicorn', '-c', '/srv/api/prod.py', 'app:app'], '/srv/api'))).toBe(6)
  })

  it('does not guess a count the config computes (the default of 1 would be wrong)', () => {
    const conf = { 'gunicorn.conf.py': 'import multiprocessing\nworkers = min(3, multiprocessing.cpu_count() * 2)\n' }
    expect(staticWorkerCount(project(conf), image(['gunicorn', 'app:app']))).toBeUndefined()
    expect(staticWorkerCount(project({ 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\n' }), image(['gunicorn', 'app:app']))).toBe(1)
  })

  it('understands the WEB_CONCURRENCY idiom, with and without the variable', () => {
    const conf = { 'gunicorn.conf.py': 'import os\nworkers = int(os.environ.get("WEB_CONCURRENCY", "2"))\n' }
    expect(staticWorkerCount(project(conf), image(['gunicorn', 'app:app']))).toBe(2)
    expect(staticWorkerCount(project(conf, { env: 'WEB_CONCURRENCY=7' }), image(['gunicorn', 'app:app']))).toBe(7)
  })

  it("falls back to WEB_CONCURRENCY, then Gunicorn's default of 1, and knows nothing of other servers", () => {
    expect(staticWorkerCount(project({}, { env: 'WEB_CONCURRENCY=3' }), image(['gunicorn', 'app:app']))).toBe(3)
    expect(staticWorkerCount(project({}), image(['gunicorn', 'app:app']))).toBe(1)
    expect(staticWorkerCount(project({}), image(['uwsgi', '--http', ':8000']))).toBeUndefined()
  })

  it('prefers the command input over the image CMD', () => {
    const settings = project({}, { command: 'gunicorn --workers 9 app:app' })
    expect(startCommand(settings, image(['gunicorn', 'app:app']))).toEqual(['gunicorn', '--workers', '9', 'app:app'])
    expect(staticWorkerCount(settings, image(['gunicorn', 'app:app']))).toBe(9)
  })
})
