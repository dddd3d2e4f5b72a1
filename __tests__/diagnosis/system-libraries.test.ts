// A compiled module's system library as the two C libraries' loaders report it: musl's (Alpine) missing library, named
// with Alpine's package, and glibc older than a wheel was built for. Both name the module from the file that needs it.
import { contextFor, diagnose } from './context-helper.js'
import { linesOf } from '../gunicorn/captured-logs.js'

const exited = { container: { running: false, exitCode: 3 } }
const atImport = (code: string, exceptionLine: string) =>
  linesOf([
    '[2025-06-01 10:00:00 +0000] [7] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    '  File "/app/app.py", line 3, in <module>',
    `    ${code}`,
    exceptionLine
  ])

describe("musl's loader on an Alpine image", () => {
  it("names the library, the package that loads it and Alpine's package", () => {
    const lines = atImport(
      'import grpc',
      'ImportError: Error loading shared library libstdc++.so.6: No such file or directory ' +
        '(needed by /usr/local/lib/python3.9/site-packages/grpc/_cython/cygrpc.cpython-39-x86_64-linux-gnu.so)'
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('The system library `libstdc++.so.6`, which `grpc` loads')
    expect(diagnosis.remedy).toMatch(/^Add `RUN apk add --no-cache libstdc\+\+` to the Dockerfile/)
  })

  it("a library Alpine's table does not know: apk search names it", () => {
    const lines = atImport(
      'import pyzbar',
      'ImportError: Error loading shared library libzbar.so.0: No such file or directory (needed by /usr/lib/libfoo.so)'
    )
    expect(diagnose(contextFor(lines, exited)).remedy).toContain('`apk search so:libzbar.so.0`')
  })
})

describe('glibc older than a wheel was built for', () => {
  it('names the module and the version it needs', () => {
    const lines = atImport(
      'import orjson',
      "ImportError: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found " +
        '(required by /usr/local/lib/python3.11/site-packages/orjson/orjson.cpython-311-x86_64-linux-gnu.so)'
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(/^`orjson` was built for glibc 2\.34 or newer \(`GLIBC_2\.34`\)/)
    expect(diagnosis.remedy).toContain('not copied from a newer stage')
  })
})
