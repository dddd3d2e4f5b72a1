// The master stops before any worker runs the app: a TLS file its settings name and the container lacks (captured on
// the three bases), and an exception no rule knows raised in the arbiter's frames, worded as the master's.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { byHandLog, contextFor, diagnose } from './context-helper.js'
import { linesOf, SUITES } from '../gunicorn/captured-logs.js'

const exited = { container: { running: false, exitCode: 1 } }

describe('a certificate the TLS settings name is not in the container (captured)', () => {
  it.each(SUITES)('%s: config-error naming the setting and the path', (suite) => {
    const diagnosis = diagnose(contextFor(byHandLog('certfile-missing', suite), exited))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      "Gunicorn's `certfile` setting names `/certs/tls.crt`, which is not in the container, so the master stopped before it bound its address."
    )
    expect(diagnosis.remedy).toContain('or drop `--certfile` when the host terminates TLS')
  })

  it("located at gunicorn.conf.py's keyfile line", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-files-'))
    fs.writeFileSync(path.join(repo, 'Dockerfile'), 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n')
    fs.writeFileSync(path.join(repo, 'gunicorn.conf.py'), 'bind = "0.0.0.0:8443"\ncertfile = "/etc/tls/tls.crt"\nkeyfile = "/etc/tls/tls.key"\n')
    const lines = byHandLog('certfile-missing').map((line) => ({
      ...line,
      text: line.text.replace('certfile "/certs/tls.crt"', 'keyfile "/etc/tls/tls.key"')
    }))
    const diagnosis = diagnose(contextFor(lines, { ...exited, repoRoot: repo }))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toContain("Gunicorn's `keyfile` setting (`gunicorn.conf.py:3`) names `/etc/tls/tls.key`")
    expect(diagnosis.location).toEqual({ file: 'gunicorn.conf.py', line: 3 })
  })
})

describe("an exception no rule knows, raised in Gunicorn's master", () => {
  const arbiter = [
    '[2025-06-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 23.0.0',
    'Traceback (most recent call last):',
    '  File "/usr/local/bin/gunicorn", line 8, in <module>',
    '    sys.exit(run())',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 154, in start',
    '    self.LISTENERS = sock.create_sockets(self.cfg, self.log, fds)',
    '  File "/usr/local/lib/python3.12/site-packages/gunicorn/sock.py", line 160, in create_sockets',
    '    sock = sock_type(addr, conf, log)',
    'OSError: [Errno 24] Too many open files'
  ]

  it('is worded as the master, with a remedy that does not send the user to import the app', () => {
    const diagnosis = diagnose(contextFor(linesOf(arbiter), exited))
    expect(diagnosis.reason).toBe('unknown')
    expect(diagnosis.summary).toMatch(/^Gunicorn's master failed with `OSError: \[Errno 24\] Too many open files`/)
    expect(diagnosis.remedy).toContain('before any worker loaded the app')
  })

  it("a worker's traceback stays the workers'", () => {
    const worker = [
      '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
      '    worker.init_process()',
      '  File "/app/app.py", line 3, in <module>',
      '    SHARDS = [open(p) for p in paths]',
      'OSError: [Errno 24] Too many open files'
    ]
    const diagnosis = diagnose(contextFor(linesOf(worker), exited))
    expect(diagnosis.summary).toMatch(/^Workers failed with `OSError: \[Errno 24\] Too many open files`/)
  })
})
