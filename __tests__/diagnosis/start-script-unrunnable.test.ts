// start-script-unrunnable on what runc, docker run and the shells printed here (engine 20.10) for a start script
// saved with CRLF line endings, without a `#!` line, naming an interpreter the image lacks, without its executable
// bit or kept out of the image, each read with the repository's copy of the script.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { explain } from '../../src/diagnosis/explain.js'
import { contextFor, diagnose } from './context-helper.js'
import type { LogLine } from '../../src/core/model.js'

// Captured with ENTRYPOINT ["./start.sh"] (WORKDIR /srv/app) on the trixie base, and a shell-form `CMD ./start.sh`.
const RUNC_NOT_FOUND = 'exec ./start.sh: no such file or directory'
const RUNC_FORMAT = 'exec ./start.sh: exec format error'
const DASH_NOT_FOUND = '/bin/sh: 1: ./start.sh: not found'
const RUN_DENIED =
  'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start ' +
  'container process: exec: "./start.sh": permission denied: unknown.'
const RUN_STAT =
  'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start ' +
  'container process: exec: "./start.sh": stat ./start.sh: no such file or directory: unknown.'

const SCRIPTS = {
  crlf: '#!/bin/sh\r\nset -e\r\nexec gunicorn app:app\r\n',
  noShebang: 'set -e\nexec gunicorn app:app\n',
  bom: '\uFEFF#!/bin/sh\nexec gunicorn app:app\n',
  zsh: '#!/bin/zsh\nexec gunicorn app:app\n',
  fine: '#!/bin/sh\nexec gunicorn app:app\n'
}

const DOCKERFILE = ['FROM python:3.12-slim', 'WORKDIR /srv/app', 'COPY . .', 'ENTRYPOINT ["./start.sh"]', ''].join('\n')

/** A repository holding the Dockerfile and start.sh with this text (none: the script is not in the repository). */
function repository(script: string | undefined, extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'start-script-'))
  fs.writeFileSync(path.join(root, 'Dockerfile'), DOCKERFILE)
  if (script !== undefined) fs.writeFileSync(path.join(root, 'start.sh'), script)
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(root, name), text)
  return root
}

const log = (...texts: string[]): LogLine[] => texts.map((text, index) => ({ seq: index + 1, text, stream: 'stderr', at: index }))

function boot(script: string | undefined, lines: string[], started = ['./start.sh']) {
  const root = repository(script)
  return diagnose(
    contextFor(log(...lines), {
      repoRoot: root,
      paths: { repoRoot: root, contextDir: root, workdir: '/srv/app' },
      outcome: 'container-exited',
      container: { running: false, exitCode: 1 },
      image: { entrypoint: started, cmd: [], commandGiven: false, started }
    })
  )
}

describe('start-script-unrunnable', () => {
  it('reads runc’s `no such file or directory` for a script saved with CRLF as its line endings, at its first line', () => {
    const diagnosis = boot(SCRIPTS.crlf, [RUNC_NOT_FOUND])
    expect(diagnosis.reason).toBe('start-script-unrunnable')
    expect(diagnosis.summary).toContain('The start script `./start.sh` (`start.sh:1`) has Windows (CRLF) line endings')
    expect(diagnosis.remedy).toContain("`sed -i 's/\\r$//' start.sh`")
    expect(diagnosis.location).toEqual({ file: 'start.sh', line: 1 })
    expect(diagnosis.evidence).toEqual([RUNC_NOT_FOUND, 'ENTRYPOINT ["./start.sh"]'])
  })

  it('is not the ENTRYPOINT-without-CMD reason, although the image has no CMD', () => {
    expect(boot(SCRIPTS.crlf, [RUNC_NOT_FOUND]).reason).not.toBe('no-start-command')
    // A script that runs fine and exits is still the missing CMD.
    expect(boot(SCRIPTS.fine, ['Applying migrations (none)']).reason).toBe('no-start-command')
  })

  it('names the interpreter of a `#!` line the image lacks', () => {
    const diagnosis = boot(SCRIPTS.zsh, [RUNC_NOT_FOUND])
    expect(diagnosis.summary).toContain('names `/bin/zsh` in its `#!` line, which the image does not have')
    expect(diagnosis.remedy).toContain('`apk add zsh`')
  })

  it('tells a script without a `#!` line, one with a byte order mark and a file that is no script by `exec format error`', () => {
    expect(boot(SCRIPTS.noShebang, [RUNC_FORMAT]).summary).toContain('has no `#!` line')
    expect(boot(SCRIPTS.noShebang, [RUNC_FORMAT]).remedy).toContain('`ENTRYPOINT ["sh", "./start.sh"]`')
    expect(boot(SCRIPTS.bom, [RUNC_FORMAT]).summary).toContain('byte order mark')
    const elsewhere = boot(undefined, ['exec /usr/local/bin/gunicorn: exec format error'])
    expect(elsewhere.reason).toBe('start-script-unrunnable')
    expect(elsewhere.summary).toContain("nor a program for this machine's platform")
  })

  it('reads the shell-form command’s `not found` only when the repository’s file shows why', () => {
    expect(boot(SCRIPTS.crlf, [DASH_NOT_FOUND], ['/bin/sh', '-c', './start.sh']).summary).toContain('CRLF')
    // No such file in the repository: a missing script, not this reason's to name.
    expect(boot(undefined, [DASH_NOT_FOUND], ['/bin/sh', '-c', './start.sh']).reason).not.toBe('start-script-unrunnable')
  })

  it('names the script from the image’s command when old runc names none, and reads env’s and bash’s carriage return', () => {
    const old = boot(SCRIPTS.crlf, ['standard_init_linux.go:228: exec user process caused: no such file or directory'])
    expect(old.summary).toContain('`./start.sh` (`start.sh:1`) has Windows (CRLF) line endings')
    expect(boot(undefined, ["/usr/bin/env: 'bash\\r': No such file or directory"], ['/entrypoint.sh']).summary).toContain('CRLF')
    expect(boot(undefined, ['bash: ./start.sh: /bin/bash^M: bad interpreter: No such file or directory']).summary).toContain('CRLF')
  })

  it('leaves a container that started Gunicorn to the other reasons', () => {
    const started = boot(SCRIPTS.crlf, ['[2026-12-07 10:00:00 +0000] [1] [INFO] Starting gunicorn 23.0.0', RUNC_NOT_FOUND])
    expect(started.reason).not.toBe('start-script-unrunnable')
  })

  describe('when docker run refuses it', () => {
    const start = (message: string, root: string) =>
      explain('start', { message, dockerfile: { file: 'Dockerfile', text: DOCKERFILE }, context: { dir: root, repoRoot: root } })!

    it('names the missing executable bit and the command line', () => {
      const found = start(RUN_DENIED, repository(SCRIPTS.fine))
      expect(found.diagnosis.reason).toBe('start-script-unrunnable')
      expect(found.diagnosis.summary).toContain('is not executable')
      expect(found.diagnosis.remedy).toContain('`git update-index --chmod=+x start.sh`')
      expect(found.diagnosis.location).toEqual({ file: 'Dockerfile', line: 4 })
    })

    it('names the .dockerignore line that kept the script out of the image', () => {
      const found = start(RUN_STAT, repository(SCRIPTS.fine, { '.dockerignore': '# local only\n*.sh\n' }))
      expect(found.diagnosis.summary).toContain('`.dockerignore:2` (`*.sh`) keeps it out of the build context')
      expect(found.diagnosis.remedy).toContain('add `!start.sh` after it')
      expect(found.pointers).toEqual([
        { file: '.dockerignore', line: 2 },
        { file: 'Dockerfile', line: 4 }
      ])
    })

    it('says the path is not in the image when nothing excludes it', () => {
      const found = start(RUN_STAT, repository(undefined))
      expect(found.diagnosis.summary).toBe(
        'The start command runs `./start.sh`, which is not at that path in the image, so the container could not start.'
      )
    })
  })
})
