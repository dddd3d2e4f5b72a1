// Classes of failure whose words are public: the ecosystem's removals (removals.ts), eventlet's removed attributes,
// the older ASGI call shape and Flask-SocketIO's refusal. Each log is verbatim from the source its note names
// (a thread's excerpt is completed only where it was cut, and the note says so).
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { REMOVALS } from '../../src/diagnosis/removals.js'
import { contextFor, diagnose } from './context-helper.js'

const exited = (text: string) => diagnose(contextFor(toLogLines(text), { outcome: 'container-exited', container: { running: false, exitCode: 1 } }))
const traceback = (exceptionLine: string) =>
  `Traceback (most recent call last):\n  File "/app/app.py", line 3, in <module>\n    import x\n${exceptionLine}`

describe('ecosystem removals, each named with its fix', () => {
  it.each([
    ["ModuleNotFoundError: No module named 'pkg_resources'", /setuptools 82/, /importlib\.metadata|setuptools<82/],
    ["ModuleNotFoundError: No module named 'distutils'", /Python 3\.12/, /setuptools/],
    ["ModuleNotFoundError: No module named 'imp'", /Python 3\.12/, /importlib/],
    ["ModuleNotFoundError: No module named 'cgi'", /Python 3\.13/, /email|multipart/],
    ["ModuleNotFoundError: No module named 'telnetlib'", /Python 3\.13/, /telnetlib3/],
    ["ModuleNotFoundError: No module named 'uvicorn.workers'", /uvicorn-worker/, /uvicorn_worker\.UvicornWorker/]
  ])('%s', (line, removedBy, fix) => {
    const d = exited(traceback(line))
    expect(d.reason).toBe('missing-dependency')
    expect(d.summary).toMatch(removedBy)
    expect(d.evidence).toContain('  File "/app/app.py", line 3, in <module>')
    expect(d.remedy).toMatch(fix)
  })

  it('gives every entry a reference', () => {
    for (const removal of REMOVALS) expect(removal.reference).toMatch(/^https:\/\//)
  })
})

describe("eventlet's removed attributes", () => {
  it('names ALREADY_HANDLED and the Gunicorn upgrade', () => {
    // https://github.com/opendatacube/datacube-ows/pull/610 (compose prefix kept; the last line was cut at `wsgi.p` in the excerpt)
    const text = [
      "ows_1       | Error: class uri 'eventlet' invalid or not found: ",
      'ows_1       | ',
      'ows_1       | [Traceback (most recent call last):',
      'ows_1       |   File "/env/lib/python3.8/site-packages/gunicorn/util.py", line 99, in load_class',
      "ows_1       |     mod = importlib.import_module('.'.join(components))",
      'ows_1       |   File "/env/lib/python3.8/site-packages/gunicorn/workers/geventlet.py", line 20, in <module>',
      'ows_1       |     from eventlet.wsgi import ALREADY_HANDLED as EVENTLET_ALREADY_HANDLED',
      "ows_1       | ImportError: cannot import name 'ALREADY_HANDLED' from 'eventlet.wsgi' (/env/lib/python3.8/site-packages/eventlet/wsgi.py)",
      'ows_1       | ]'
    ].join('\n')
    const d = exited(text)
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('eventlet.wsgi.ALREADY_HANDLED')
    expect(d.remedy).toMatch(/Gunicorn to 21|eventlet<0\.30\.3/)
  })

  it('names eventlet.__version__', () => {
    // https://github.com/benoitc/gunicorn/issues/3120
    const d = exited("AttributeError: module 'eventlet' has no attribute '__version__'")
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('eventlet.__version__')
  })
})

describe('WebSocket and ASGI shapes', () => {
  it("reads Flask-SocketIO's refusal as a worker class that cannot serve WebSocket", () => {
    // The message Flask-SocketIO raises (flask_socketio/__init__.py): RuntimeError, then its sentence.
    const text = traceback(
      'RuntimeError: You need to use the gevent-websocket server. See the Deployment section of the documentation for more information.'
    )
    const d = diagnose(contextFor(toLogLines(text), { outcome: 'gave-up', container: { running: true } }))
    expect(d.reason).toBe('websocket-failed')
    expect(d.summary).toMatch(/WebSocket|worker/)
  })

  it("reads the older ASGI call shape when Gunicorn's worker made the call", () => {
    // Frames verbatim from https://github.com/django/channels/issues/2050 (Render's prefix); the exception in the
    // Channels 2 single-callable shape, which Python words "takes 2 positional arguments but 3 were given".
    const text = [
      'Traceback (most recent call last):',
      'Sep 18 02:20:16 PM    File "/opt/render/project/src/.venv/lib/python3.11/site-packages/gunicorn/workers/sync.py", line 135, in handle',
      'Sep 18 02:20:16 PM      self.handle_request(listener, req, client, addr)',
      'Sep 18 02:20:16 PM    File "/opt/render/project/src/.venv/lib/python3.11/site-packages/gunicorn/workers/sync.py", line 178, in handle_request',
      'Sep 18 02:20:16 PM      respiter = self.wsgi(environ, resp.start_response)',
      'Sep 18 02:20:16 PM  TypeError: __call__() takes 2 positional arguments but 3 were given'
    ].join('\n')
    const d = diagnose(contextFor(toLogLines(text), { outcome: 'gave-up', container: { running: true } }))
    expect(d.reason).toBe('asgi-under-wsgi')
  })

  it('leaves the same TypeError raised in the app to the app', () => {
    expect(exited(traceback('TypeError: __call__() takes 2 positional arguments but 3 were given')).reason).not.toBe('asgi-under-wsgi')
  })
})

describe("a module Gunicorn's worker file imports", () => {
  it('names `packaging`, not gevent, when ggevent.py cannot import it', () => {
    // Captured on gunicorn-smoke-base:trixie (Gunicorn 23.0.0, whose ggevent.py line 16 imports packaging.version)
    // with Debian's packaging removed from the image: `gunicorn -k gevent app:app`.
    const text = [
      "Error: class uri 'gevent' invalid or not found: ",
      '',
      '[Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/gunicorn/util.py", line 110, in load_class',
      "    mod = importlib.import_module('.'.join(components))",
      '  File "/usr/lib/python3.13/importlib/__init__.py", line 88, in import_module',
      '    return _bootstrap._gcd_import(name[level:], package, level)',
      '           ~~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "<frozen importlib._bootstrap>", line 1387, in _gcd_import',
      '  File "<frozen importlib._bootstrap>", line 1360, in _find_and_load',
      '  File "<frozen importlib._bootstrap>", line 1331, in _find_and_load_unlocked',
      '  File "<frozen importlib._bootstrap>", line 935, in _load_unlocked',
      '  File "<frozen importlib._bootstrap_external>", line 1026, in exec_module',
      '  File "<frozen importlib._bootstrap>", line 488, in _call_with_frames_removed',
      '  File "/usr/lib/python3/dist-packages/gunicorn/workers/ggevent.py", line 16, in <module>',
      '    from packaging.version import parse as parse_version',
      "ModuleNotFoundError: No module named 'packaging'",
      ']'
    ].join('\n')
    const d = exited(text)
    expect(d.reason).toBe('worker-class-unavailable')
    expect(d.summary).toContain('`packaging`')
    expect(d.remedy).toContain('`packaging`')
  })
})
