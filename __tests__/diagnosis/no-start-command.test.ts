// An image with an ENTRYPOINT and no CMD: named as such, with the command the repository keeps elsewhere.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findStartCommandElsewhere } from '../../src/setup/start-command-search.js'
import { contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'

const FIXTURE = '__fixtures__/apps/fail-no-start-command'

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-start-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

describe('the start command the repository keeps elsewhere', () => {
  it('is the compose command that runs a web server, with its line', () => {
    expect(findStartCommandElsewhere(process.cwd(), [FIXTURE])).toEqual({
      file: `${FIXTURE}/docker-compose.prod.yml`,
      line: 4,
      command: 'gunicorn --bind 0.0.0.0:8000 --workers 2 app:app'
    })
  })

  it('reads a command written as a list, skips services that run no web server, and falls back to the Procfile', () => {
    const compose = 'services:\n  worker:\n    command: celery -A app worker\n  api:\n    command: ["uvicorn", "main:app"]\n'
    expect(findStartCommandElsewhere(repo({ 'compose.yaml': compose }), ['.'])).toMatchObject({ line: 5, command: 'uvicorn main:app' })
    const procfileOnly = repo({ Procfile: 'release: ./migrate\nweb: gunicorn app:app\n' })
    expect(findStartCommandElsewhere(procfileOnly, ['.'])).toEqual({ file: 'Procfile', line: 2, command: 'gunicorn app:app' })
    expect(findStartCommandElsewhere(repo({ 'README.md': '' }), ['.'])).toBeUndefined()
  })
})

describe('no-start-command', () => {
  const image = {
    entrypoint: ['/app/docker-entrypoint.sh'],
    commandGiven: false,
    startCommandElsewhere: findStartCommandElsewhere(process.cwd(), [FIXTURE])
  }
  const exitedAtOnce = { container: { running: false, exitCode: 0 }, outcome: 'container-exited' as const }

  it('names the entrypoint, the exit and the command in the compose file, on its line', () => {
    const d = diagnose(contextFor(linesOf(['Applying migrations (none)']), { ...exitedAtOnce, fixture: 'fail-no-start-command', image }))
    expect(d.reason).toBe('no-start-command')
    expect(d.summary).toBe(
      'The image has no CMD: its ENTRYPOINT `/app/docker-entrypoint.sh` ran without arguments and exited with code 0, so ' +
        'Gunicorn never started. The start command is in `__fixtures__/apps/fail-no-start-command/docker-compose.prod.yml:4`: ' +
        '`gunicorn --bind 0.0.0.0:8000 --workers 2 app:app`.'
    )
    expect(d.location).toEqual({ file: `${FIXTURE}/docker-compose.prod.yml`, line: 4 })
    expect(d.remedy).toContain('`gunicorn --bind 0.0.0.0:8000 --workers 2 app:app`')
    expect(d.evidence[0]).toBe('ENTRYPOINT ["/app/docker-entrypoint.sh"]')
  })

  it('is not the answer when a command was given, the image has a CMD, or Gunicorn started', () => {
    const lines = linesOf(['Applying migrations (none)'])
    expect(diagnose(contextFor(lines, { ...exitedAtOnce, image: { ...image, commandGiven: true } })).reason).not.toBe('no-start-command')
    expect(diagnose(contextFor(lines, { ...exitedAtOnce, image: { ...image, cmd: ['gunicorn', 'app:app'] } })).reason).not.toBe('no-start-command')
    const started = linesOf(['[2026-01-01 00:00:00 +0000] [1] [INFO] Starting gunicorn 23.0.0'])
    expect(diagnose(contextFor(started, { ...exitedAtOnce, image })).reason).not.toBe('no-start-command')
  })
})
