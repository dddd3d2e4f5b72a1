// The installer's evidence is read wherever it sits in a build's output: under Docker Compose's frames (captured by
// scripts/capture-build-framings.sh: BuildKit plain and terminal progress, the legacy builder, buildx bake, pip run by an
// entrypoint under `docker compose up`), under a CI's prefix on every line (GitHub Actions, Cloud Build), and in
// a log cut at either end of the failing step. The step and its Dockerfile line come with it when the frame has them.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../src/docker/build-output.js'
import { stepText, unwrapLine } from '../src/docker/build-framing.js'
import { explain } from '../src/diagnosis/explain.js'
import type { Diagnosis, SourceLocation } from '../src/core/model.js'
import { ROOT } from './helpers/run-action.js'
import { BUILD_CASES } from './helpers/build-cases.js'
import { contextFor, diagnose as diagnoseRun } from './diagnosis/context-helper.js'
import { CASES, caseId, FIXTURES, UV_CASES } from './helpers/installer-cases.js'

const BUILD = path.join(ROOT, '__fixtures__', 'build')
const logLines = (...parts: string[]): string[] =>
  fs
    .readFileSync(path.join(BUILD, 'logs', ...parts), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
const expectationOf = (name: string) => BUILD_CASES.find((buildCase) => buildCase.name === name)!.expect('bookworm')

/** The diagnosis of `lines` with the repository around it: a build case's directory, or an empty one. */
function diagnose(lines: string[], caseDir?: string): Diagnosis & { pointers: string[] } {
  const dir = caseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'framings-'))
  const dockerfile = path.join(dir, 'Dockerfile')
  const dockerfileText = caseDir ? fs.readFileSync(dockerfile, 'utf8') : undefined
  try {
    const failure = parseBuildFailure(lines, dockerfileText)
    const { diagnosis, pointers } = explain('build', { failure, workspace: dir, contextDir: dir, dockerfile, dockerfileText })!
    return { ...diagnosis, pointers: pointers.map((p: SourceLocation) => `${p.file}:${p.line}`) }
  } finally {
    if (!caseDir) fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A build case's log diagnosed as the case itself is: reason, names and annotated lines. */
function expectCase(lines: string[], name: string): void {
  const diagnosis = diagnose(lines, path.join(BUILD, 'cases', name))
  const expected = expectationOf(name)
  expect(diagnosis.reason).toBe(expected.reason)
  for (const culprit of expected.culprits) expect(`${diagnosis.summary} ${diagnosis.remedy}`).toMatch(culprit)
  expect(diagnosis.pointers).toEqual(expected.pointers)
}

const COMPOSE_SERVICES = [
  ['web', 'dependency-conflict'],
  ['native', 'native-build-failed'],
  ['copy', 'copy-renamed']
] as const

// `bake-*`: Compose handing the build to buildx bake (buildx 0.29), as on GitHub's runners.
const PROGRESSES = ['plain', 'tty', 'legacy', 'bake-plain', 'bake-tty']

describe('docker compose build (captured: Compose 2.40, engine 20.10)', () => {
  it.each(COMPOSE_SERVICES.flatMap(([service, name]) => PROGRESSES.map((progress) => [progress, service, name])))(
    '%s progress, service %s: %s',
    (progress, service, name) => {
      const lines = logLines('framings', `compose-${progress}-${service}.log`)
      expectCase(lines, name)
      if (progress.endsWith('tty')) {
        // The terminal progress names the failing step in a `=> ERROR [web 5/5] …` line (bake: `[5/5]`) and the summary block.
        const serviceNamed = !progress.startsWith('bake')
        expect(lines.some((line) => (serviceNamed ? /=> ERROR \[\w+ \d+\/\d+\]/ : /=> ERROR \[\d+\/\d+\]/).test(line))).toBe(true)
        expect(parseBuildFailure(lines).stepPosition).toMatch(/^\d+\/\d+$/)
      }
    }
  )

  it('reads pip run by the entrypoint under `docker compose up` (`entrypoint-1  | …`)', () => {
    const lines = logLines('framings', 'compose-up-entrypoint.log')
    expect(lines.filter((line) => line.startsWith('entrypoint-1  | ')).length).toBeGreaterThan(5)
    const diagnosis = diagnose(lines, path.join(BUILD, 'framings', 'entrypoint'))
    expect(diagnosis.reason).toBe('dependency-conflict')
    expect(diagnosis.summary).toMatch(/`gevent==23\.9\.1` \(`requirements\.txt:1`\) cannot be installed together with `greenlet==2\.0\.2`/)
    expect(diagnosis.evidence.join('\n')).not.toMatch(/entrypoint-1/)
  })

  it("reads the same pip refusal in the container's own log, as the smoke run sees it (no Compose prefix)", () => {
    const lines = logLines('framings', 'compose-up-entrypoint.log')
      .filter((line) => line.startsWith('entrypoint-1  | '))
      .map((line, seq) => ({ seq, stream: 'stderr' as const, text: line.slice('entrypoint-1  | '.length), at: seq }))
    const diagnosis = diagnoseRun(
      contextFor(lines, { repoRoot: path.join(BUILD, 'framings', 'entrypoint'), container: { running: false, exitCode: 1 } })
    )
    expect(diagnosis.reason).toBe('dependency-conflict')
    expect(diagnosis.summary).toMatch(
      /`gevent==23\.9\.1` \(`requirements\.txt:1`\) cannot be installed together with `greenlet==2\.0\.2` \(`requirements\.txt:2`\)/
    )
  })

  it("finds pip's refusal at the head of a flooded container log (its middle is not read)", () => {
    const pip = logLines('framings', 'compose-up-entrypoint.log')
      .filter((line) => line.startsWith('entrypoint-1  | '))
      .map((line) => line.slice('entrypoint-1  | '.length))
    const texts = [...pip, ...Array.from({ length: 30_000 }, (_, i) => `noise ${i} ${'x'.repeat(200)}`)]
    const lines = texts.map((text, seq) => ({ seq, stream: 'stdout' as const, text, at: seq }))
    const diagnosis = diagnoseRun(
      contextFor(lines, { repoRoot: path.join(BUILD, 'framings', 'entrypoint'), container: { running: false, exitCode: 1 } })
    )
    expect(diagnosis.reason).toBe('dependency-conflict')
  })
})

describe("a CI's prefix on every line", () => {
  it("GitHub Actions' timestamps over BuildKit plain progress", () => {
    const lines = logLines('bookworm', 'buildkit', 'dependency-conflict.log').map((line) => `2026-07-23T09:29:03.6455531Z ${line}`)
    expectCase(lines, 'dependency-conflict')
    expect(parseBuildFailure(lines).stepPosition).toBe('5/5')
  })

  it('Cloud Build\'s docker step (`Step #0 - "Build": `) over the legacy builder, its own verdict after it', () => {
    const lines = [
      'Starting Step #0 - "Build"',
      ...logLines('bookworm', 'legacy', 'native-build-failed.log').map((line) => `Step #0 - "Build": ${line}`),
      'Finished Step #0 - "Build"',
      'ERROR',
      'ERROR: build step 0 "gcr.io/cloud-builders/docker" failed: step exited with non-zero status: 1'
    ]
    expectCase(lines, 'native-build-failed')
    const failure = parseBuildFailure(lines)
    expect(failure.format).toBe('legacy')
    expect(failure.stepPosition).toBe('6/7')
    expect(failure.message).toMatch(/^The command '\/bin\/sh -c \/venv\/bin\/pip install/)
  })

  it('an unnamed Cloud Build step (`Step #1: `) over an apt failure', () => {
    const lines = logLines('bookworm', 'buildkit', 'apt-virtual-package.log').map((line) => `Step #1: ${line}`)
    expectCase(lines, 'apt-virtual-package')
  })
})

describe("uv's, Poetry's and Pipenv's messages under a CI's prefix (captured on trixie)", () => {
  const PREFIXES = [
    ['GitHub Actions', (line: string) => `2026-07-23T09:29:03.6455531Z ${line}`],
    ['Cloud Build', (line: string) => `Step #1 - "build": ${line}`]
  ] as const
  const rows = PREFIXES.flatMap(([ci, prefix]) =>
    ['legacy', 'buildkit'].flatMap((builder) => [...CASES, ...UV_CASES].map((c) => [ci, builder, c.name, prefix, c] as const))
  )
  it.each(rows)('%s over the %s builder: %s', (_ci, builder, _name, prefix, c) => {
    const dir = path.join(FIXTURES, c.dir)
    const dockerfile = path.join(dir, c.dockerfile ?? 'Dockerfile')
    const dockerfileText = fs.readFileSync(dockerfile, 'utf8')
    const log = fs.readFileSync(path.join(FIXTURES, 'logs', 'trixie', builder, `${caseId(c)}.log`), 'utf8')
    const failure = parseBuildFailure(log.split('\n').map(prefix), dockerfileText)
    const { diagnosis, pointers } = explain('build', { failure, workspace: dir, contextDir: dir, dockerfile, dockerfileText })!
    expect(diagnosis.reason).toBe(c.reason)
    for (const culprit of c.culprits) expect(`${diagnosis.summary} ${diagnosis.remedy}`).toMatch(culprit)
    expect(pointers.map((p) => `${p.file}:${p.line}`)).toEqual(c.pointers)
  })
})

describe('a log cut at either end of the failing step', () => {
  const buildkit = logLines('bookworm', 'buildkit', 'dependency-conflict.log')
  const legacy = logLines('bookworm', 'legacy', 'native-build-failed.log')

  it("BuildKit's `#9 …` lines alone, without the step's header or the builder's error", () => {
    const lines = buildkit.filter((line) => /^#9 \d+\.\d+ /.test(line))
    const diagnosis = diagnose(lines, path.join(BUILD, 'cases', 'dependency-conflict'))
    expect(diagnosis.reason).toBe('dependency-conflict')
    expect(diagnosis.pointers).toEqual(['requirements.txt:3', 'requirements.txt:4'])
  })

  it('the `------` summary block and the error only', () => {
    const start = buildkit.findIndex((line) => line === '------')
    const lines = buildkit.slice(start)
    expectCase(lines, 'dependency-conflict')
    expect(parseBuildFailure(lines).instruction).toBe('RUN /venv/bin/pip install --no-index --find-links /wheels -r requirements.txt')
  })

  it('a legacy step without its `Step 6/7` header: the instruction comes from the closing line', () => {
    const lines = legacy.slice(legacy.findIndex((line) => /^Looking in links/.test(line)))
    expectCase(lines, 'native-build-failed')
    expect(parseBuildFailure(lines).instruction).toBe('RUN /venv/bin/pip install --no-index --find-links /wheels -r requirements.txt')
  })

  it('a legacy step without its closing line', () => {
    const lines = legacy.slice(
      0,
      legacy.findIndex((line) => /^The command '/.test(line))
    )
    expectCase(lines, 'native-build-failed')
  })
})

describe("an installer's message in public logs, whatever frames it", () => {
  it("older pip's Requires-Python refusal (pip 9 and 10)", () => {
    const diagnosis = diagnose([
      'Collecting protobuf>=3.6.1 (from tensorflow==1.14.0)',
      "protobuf requires Python '>=3.7' but the running Python is 3.6.9"
    ])
    expect(diagnosis.reason).toBe('package-not-found')
    expect(diagnosis.summary).toMatch(/`protobuf` exists only for other Pythons: it requires Python `>=3\.7`, not this image's Python 3\.6\.9/)
  })

  it('Compose v1 over the legacy builder: an older `COPY failed: stat …/docker-builder…/Pipfile.lock`', () => {
    const diagnosis = diagnose([
      'Building worker',
      'Step 1/3 : FROM kennethreitz/pipenv',
      '# Executing 3 build triggers',
      "ERROR: Service 'worker' failed to build : COPY failed: stat /var/lib/docker/tmp/docker-builder695948829/Pipfile.lock: no such file or directory"
    ])
    expect(diagnosis.reason).toBe('build-file-missing')
    expect(diagnosis.summary).toMatch(/`Pipfile\.lock`, which the builder did not find in the build context/)
  })

  it("Compose v1's closing line after pip's, with no step header", () => {
    const lines = [
      '  Could not find a version that satisfies the requirement itsdangerous==1.0.0 (from -r /tmp/requirements/main.txt (line 238)) (from versions: 0.24, 1.1.0)',
      'No matching distribution found for itsdangerous==1.0.0 (from -r /tmp/requirements/main.txt (line 238))',
      "ERROR: Service 'web' failed to build: The command '/bin/sh -c pip install -r /tmp/requirements/main.txt' returned a non-zero code: 1"
    ]
    const diagnosis = diagnose(lines)
    expect(diagnosis.reason).toBe('package-not-found')
    expect(diagnosis.summary).toMatch(/`itsdangerous==1\.0\.0`: that version of `itsdangerous` does not exist \(pip found 0\.24, 1\.1\.0\)/)
    expect(parseBuildFailure(lines).instruction).toBe('RUN pip install -r /tmp/requirements/main.txt')
  })

  it("BuildKit's terminal progress with the error wrapped over two lines", () => {
    const diagnosis = diagnose([
      ' => ERROR [ 9/12] COPY scripts/check.py /opt/app/scripts/check.py',
      'ERROR: failed to build: failed to solve: failed to compute cache key:',
      'failed to calculate checksum of ref ...: "/scripts/check.py": not found'
    ])
    expect(diagnosis.reason).toBe('build-file-missing')
    expect(diagnosis.summary).toMatch(/^`COPY scripts\/check\.py \/opt\/app\/scripts\/check\.py` copies `scripts\/check\.py`/)
  })

  it('the compiler lines alone: the missing compiler and the package psycopg2 names', () => {
    const diagnosis = diagnose([
      '#16 0.998     Error: pg_config executable not found.',
      '#16 0.998     pg_config is required to build psycopg2 from source.  Please add the directory'
    ])
    expect(diagnosis.reason).toBe('native-build-failed')
    expect(diagnosis.summary).toBe('`psycopg2` had to be compiled from source and its build failed: `pg_config` is missing from the image.')
  })
})

describe('evidence outside the failing step', () => {
  it("older pip's wheel failure that `setup.py install` recovered from does not explain a later step", () => {
    const lines = [
      'Step 4/6 : RUN pip install -r requirements.txt',
      "  Running setup.py bdist_wheel for psycopg2: finished with status 'error'",
      '  Failed building wheel for psycopg2',
      'Installing collected packages: psycopg2',
      '  Running setup.py install for psycopg2 ... done',
      'Successfully installed psycopg2-2.7.5',
      'Step 5/6 : RUN python manage.py collectstatic --noinput',
      'django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.',
      "The command '/bin/sh -c python manage.py collectstatic --noinput' returned a non-zero code: 1"
    ]
    const diagnosis = diagnose(lines)
    expect(diagnosis.reason).toBe('build-failed')
    expect(diagnosis.summary).toBe('The Docker build failed at `RUN python manage.py collectstatic --noinput` (step 5/6) with exit code 1.')
  })

  it("a summary block cut above its header: its timestamped lines are the step's output", () => {
    const lines = [
      '48.61 ERROR: Could not find a version that satisfies the requirement dexofuzzy==1.7.1 (from versions: 2.0.0)',
      '48.61 ERROR: No matching distribution found for dexofuzzy==1.7.1',
      '------',
      'failed to solve: process "/bin/sh -c pip install -r /requirements/local.txt" did not complete successfully: exit code: 1'
    ]
    const failure = parseBuildFailure(lines)
    expect(failure.stepOutput).toContain('ERROR: No matching distribution found for dexofuzzy==1.7.1')
    expect(failure.instruction).toBe('RUN pip install -r /requirements/local.txt')
    expect(diagnose(lines).summary).toMatch(/that version of `dexofuzzy` does not exist \(pip found 2\.0\.0\)/)
  })
})

describe('unwrapLine and stepText', () => {
  it.each([
    ['2026-07-23T09:29:03.6455531Z #9 0.993 The conflict is caused by:', '#9 0.993 The conflict is caused by:'],
    ['2025-03-09 15:44:11.997Z: #0 building with "default" instance using docker driver', '#0 building with "default" instance using docker driver'],
    ['Step #1 - "build": Step 3/7 : RUN pip install -r requirements.txt', 'Step 3/7 : RUN pip install -r requirements.txt'],
    ['Step #0: E: Unable to locate package libpq-devel', 'E: Unable to locate package libpq-devel'],
    ['web-1  |     gevent 23.9.1 depends on greenlet>=3.0.0', '    gevent 23.9.1 depends on greenlet>=3.0.0'],
    ['web_1  | ERROR: ResolutionImpossible', 'ERROR: ResolutionImpossible'],
    ['\x1b[91mERROR: No matching distribution found for x\x1b[0m', 'ERROR: No matching distribution found for x']
  ])('%j', (raw, unwrapped) => {
    expect(unwrapLine(raw)).toBe(unwrapped)
  })

  it('keeps the indentation after the step prefix, and leaves Step 3/7 headers alone', () => {
    expect(stepText('#9 0.993     The user requested greenlet==2.0.2')).toBe('    The user requested greenlet==2.0.2')
    expect(stepText('0.993     The user requested greenlet==2.0.2')).toBe('    The user requested greenlet==2.0.2')
    expect(stepText(' ---> Running in e42d3b3b37e6')).toBe('')
    expect(unwrapLine('Step 3/7 : RUN pip install')).toBe('Step 3/7 : RUN pip install')
  })
})
