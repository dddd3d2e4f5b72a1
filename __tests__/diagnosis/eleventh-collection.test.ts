// Rules from the eleventh collection's development logs, each on the shape it was found in and its neighbours: a
// traceback cut inside os.environ's lookup, a carriage return seen as a terminal shows it, a virtualenv never made
// (systemd's words), and a build that needed `make`.
import { contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'
import { parseNativeBuildFailure } from '../../src/diagnosis/pip-output.js'

const exited = { container: { running: false, exitCode: 1 } }

describe("a traceback cut inside os.environ's lookup", () => {
  const frames = (reader: string, mapping: string[]) =>
    linesOf([
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.11/site-packages/gunicorn/util.py", line 370, in import_app',
      '    mod = importlib.import_module(module)',
      '  File "/app/portal/wsgi.py", line 12, in <module>',
      `    ${reader}`,
      ...mapping
    ])

  it.each([
    ['Python 3 (<frozen os>)', ['  File "<frozen os>", line 714, in __getitem__']],
    ['Python 2 (UserDict.py)', ['  File "/usr/lib/python2.7/UserDict.py", line 40, in __getitem__', '    raise KeyError(key)']]
  ])('%s: the variable the subscript names', (_python, mapping) => {
    const diagnosis = diagnose(contextFor(frames("if os.environ['DEPLOY_ENV'] == 'release':", mapping), exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('`DEPLOY_ENV`')
  })

  it('a dict of its own, cut the same way, is not the environment', () => {
    const diagnosis = diagnose(
      contextFor(frames("if settings['DEPLOY_ENV'] == 'release':", ['  File "/app/portal/config.py", line 40, in __getitem__']), exited)
    )
    expect(diagnosis.reason).not.toBe('missing-env')
  })
})

describe('a carriage return in the interpreter, as the terminal showed it', () => {
  it("`': No such file or directory` alone is the CRLF start script", () => {
    const diagnosis = diagnose(contextFor(linesOf(["': No such file or directory"]), exited))
    expect(diagnosis.reason).toBe('start-script-unrunnable')
    expect(diagnosis.summary).toMatch(/^The start script has Windows \(CRLF\) line endings/)
    expect(diagnosis.remedy).toContain("`sed -i 's/\\r$//' <script>`")
  })

  it('also while a supervisor keeps the container running', () => {
    const diagnosis = diagnose(contextFor(linesOf(["web-1  | ': No such file or directory"]), { container: { running: true } }))
    expect(diagnosis.reason).toBe('start-script-unrunnable')
  })

  it('a file the app could not open is not it', () => {
    const diagnosis = diagnose(contextFor(linesOf(["FileNotFoundError: [Errno 2] No such file or directory: 'data.csv'"]), exited))
    expect(diagnosis.reason).not.toBe('start-script-unrunnable')
  })
})

describe('a virtualenv the start command names and nobody made', () => {
  it("systemd's words for a unit whose ExecStart is a virtualenv's gunicorn", () => {
    const lines = linesOf([
      'moukthar.service: Failed to execute command: No such file or directory',
      'moukthar.service: Failed at step EXEC spawning /var/www/andro/venv/bin/gunicorn: No such file or directory'
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: true } }))
    expect(diagnosis.reason).toBe('venv-unusable')
    expect(diagnosis.summary).toContain('the virtualenv `/var/www/andro/venv` was never made there')
    expect(diagnosis.remedy).toContain('`python -m venv /var/www/andro/venv`')
  })

  it("the system's own gunicorn missing stays missing-dependency", () => {
    const diagnosis = diagnose(contextFor(linesOf(['/bin/sh: 1: /usr/local/bin/gunicorn: not found']), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
  })
})

describe('a build that needed make', () => {
  it("autoconf's words in a bundled library's configure, the package from pip's build directory", () => {
    const found = parseNativeBuildFailure([
      `Running '(cd "/tmp/pip-build-ek9pxyw2/gevent/deps/libev" && sh ./configure -C > configure-output.txt )' in /tmp/pip-build-ek9pxyw2/gevent`,
      "config.status: error: in `/tmp/pip-build-ek9pxyw2/gevent/deps/libev':",
      'config.status: error: Something went wrong bootstrapping makefile fragments'
    ])
    expect(found).toEqual(expect.objectContaining({ packageName: 'gevent', missing: 'make' }))
  })

  it("newer pip's build directory name carries a hash", () => {
    const found = parseNativeBuildFailure([
      '  error: subprocess-exited-with-error',
      '  /bin/sh: 1: make: not found',
      '  cd /tmp/pip-install-3k2j1h0a/uwsgi_0123456789abcdef0123456789abcdef/ && make'
    ])
    expect(found).toEqual(expect.objectContaining({ packageName: 'uwsgi', missing: 'make' }))
  })
})
