// The Procfile's web line runs through a shell (so `$PORT` expands); a simple command replaces the shell, as bash does
// on the hosts, so Gunicorn is PID 1 and gets the stop signal. A compound line keeps its shell.
import { procfileShellCommand } from '../../src/smoke/start.js'

describe('procfileShellCommand', () => {
  it('execs a simple command, its variables left for the shell', () => {
    expect(procfileShellCommand('gunicorn --bind 0.0.0.0:$PORT --workers 2 shop:app')).toBe('exec gunicorn --bind 0.0.0.0:$PORT --workers 2 shop:app')
  })

  it.each([
    'python manage.py migrate && gunicorn app:app',
    'gunicorn app:app || true',
    'cd web; gunicorn app:app',
    'gunicorn app:app | tee log',
    'gunicorn app:app &',
    'gunicorn --bind 0.0.0.0:$(cat port) app:app',
    'gunicorn `echo app:app`',
    'exec gunicorn app:app'
  ])('leaves %s as written', (command) => {
    expect(procfileShellCommand(command)).toBe(command)
  })
})
