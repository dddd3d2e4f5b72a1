// The build's refusals that name a package pin or a file rather than a resolver's clash, on real lines: apt's and
// apk's pinned versions their mirror no longer has, apk's unknown name, pip's requirements file that is not in the
// image, and pip's conflicts without a dependency in the way (the same package pinned twice; a log that kept only
// pip's first line). The lines come from public logs (the build corpus' development part and GitHub threads).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'
import { parseApkRefusal } from '../../src/diagnosis/apk-output.js'

let repo: string

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'pins-and-files-'))
})
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }))

/** The build diagnosis of `lines` with `files` (name → text) as the repository and build context. */
function diagnose(lines: string[], files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(repo, 'case-'))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  const dockerfile = path.join(dir, 'Dockerfile')
  const dockerfileText = files.Dockerfile
  const failure = parseBuildFailure(lines, dockerfileText)
  const explained = explain('build', { failure, workspace: dir, contextDir: dir, dockerfile, dockerfileText })!
  const { diagnosis, pointers } = explained
  return { ...diagnosis, text: `${diagnosis.summary} ${diagnosis.remedy}`, pointers: pointers.map((p) => `${p.file}:${p.line}`) }
}

const LEGACY_APK = [
  'Step 6/10 : RUN adduser -D apprunner &&     apk add --no-cache     dumb-init=1.2.5-r0 &&     pip3 install -r /opt/requirements.txt',
  ' ---> Running in 32deaf5f1051',
  'fetch https://dl-cdn.alpinelinux.org/alpine/v3.14/main/x86_64/APKINDEX.tar.gz',
  'ERROR: unable to select packages:',
  '  dumb-init-1.2.5-r1:',
  '    breaks: world[dumb-init=1.2.5-r0]',
  "The command '/bin/sh -c adduser -D apprunner &&     apk add --no-cache     dumb-init=1.2.5-r0' returned a non-zero code: 1"
]

describe("apk's refusals", () => {
  it('names the pinned version the repository no longer has, and the one it has', () => {
    const d = diagnose(LEGACY_APK.map((line) => `Step #0 - "build": ${line}`))
    expect(d.reason).toBe('apt-package-not-found')
    expect(d.summary).toMatch(
      /`apk add` asks for `dumb-init` at version `1\.2\.5-r0`, which the Alpine repository no longer has \(it has `1\.2\.5-r1`\)/
    )
    expect(d.remedy).toMatch(/`apk policy dumb-init`/)
    expect(d.evidence).toEqual(['ERROR: unable to select packages:', 'dumb-init-1.2.5-r1:', 'breaks: world[dumb-init=1.2.5-r0]'])
  })

  it('reads the report without its indentation, with the packages it satisfies after it', () => {
    const refusal = parseApkRefusal([
      'ERROR: unable to select packages:',
      'nodejs-20.15.1-r0:',
      'breaks: world[nodejs=20.12.1-r0]',
      'satisfies: yarn-1.22.19-r0[nodejs]'
    ])
    expect(refusal).toMatchObject({ kind: 'version-gone', name: 'nodejs', version: '20.12.1-r0', available: '20.15.1-r0' })
  })

  it('names the first package apk has no such package for', () => {
    const lines = [
      '#7 1.204 ERROR: unable to select packages:',
      '#7 1.204   dosfstools (no such package):',
      '#7 1.204     required by: world[dosfstools]',
      '#7 1.204   grub-efi (no such package):',
      '#7 1.204     required by: world[grub-efi]'
    ]
    const d = diagnose(lines)
    expect(d.reason).toBe('apt-package-not-found')
    expect(d.summary).toBe('`apk add` does not know the package `dosfstools`.')
    expect(d.remedy).toMatch(/`apk search dosfstools`/)
  })
})

describe("apk's missing library", () => {
  it("names the package the Dockerfile asked for, not the library apk's index lacks", () => {
    const refusal = parseApkRefusal([
      'ERROR: unable to select packages:',
      '  so:libcrypto.so.1.1 (no such package):',
      '    required by: postgresql-dev-12.4-r0[so:libcrypto.so.1.1]',
      '  py3-psycopg2 (no such package):',
      '    required by: world[py3-psycopg2]'
    ])
    expect(refusal).toMatchObject({ kind: 'no-such-package', name: 'py3-psycopg2' })
  })
})

describe("apt's pinned version", () => {
  it('names the package and the version the mirror no longer has, under compose v1', () => {
    const d = diagnose([
      "E: Version '11.9-0+deb10u1' for 'libpq-dev' was not found",
      "ERROR: Service 'backend' failed to build: The command '/bin/sh -c apt-get update  && apt-get install -y " +
        "--no-install-recommends     libpq-dev=11.9-0+deb10u1' returned a non-zero code: 100"
    ])
    expect(d.reason).toBe('apt-package-not-found')
    expect(d.summary).toBe('`apt-get install` asks for `libpq-dev` at version `11.9-0+deb10u1`, which the Debian mirror no longer has.')
    expect(d.remedy).toMatch(/`apt-cache policy libpq-dev`/)
  })

  it("says release for apt's target release (`pkg/release`)", () => {
    const d = diagnose(["#9 2.113 E: Release 'buster-backports' for 'libpq-dev' was not found"])
    expect(d.summary).toMatch(/`libpq-dev` at release `buster-backports`/)
  })
})

describe('a requirements file the installer cannot open', () => {
  const COMPOSE_V1 = [
    '**** install pip requirements ****',
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'",
    "ERROR: Service 'wikmd' failed to build: The command '/bin/sh -c cd /app/wikmd &&   pip3 install -r requirements.txt' returned a non-zero code: 1"
  ]

  it('names the file, and both places it may be missing from when the context is not at hand', () => {
    const d = diagnose(COMPOSE_V1)
    expect(d.reason).toBe('build-file-missing')
    expect(d.summary).toBe('`pip install -r` reads `requirements.txt`, which is not in the image at that step.')
    expect(d.remedy).toMatch(/`COPY requirements\.txt \.`.*`build\.context`/)
  })

  it('says no step copied it when it is in the build context, at the step that reads it', () => {
    const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install -r requirements.txt\nCOPY . .\n'
    const lines = [
      '#7 [3/4] RUN pip install -r requirements.txt',
      "#7 0.912 ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'",
      '#7 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1'
    ]
    const d = diagnose(lines, { Dockerfile: dockerfile, 'requirements.txt': 'flask==3.0.0\n' })
    expect(d.summary).toMatch(/it is in the build context, but no step before this one copies it/)
    expect(d.pointers).toEqual(['Dockerfile:3'])
  })

  it("reads older pip's words (no ERROR:) and uv's", () => {
    expect(diagnose(["Could not open requirements file: [Errno 2] No such file or directory: 'requirements/prod.txt'"]).summary).toMatch(
      /`requirements\/prod\.txt`/
    )
    const uv = diagnose(['#8 0.120 error: File not found: `requirements.txt`'])
    expect(uv.reason).toBe('build-file-missing')
    expect(uv.summary).toMatch(/^`uv pip install -r` reads `requirements\.txt`/)
  })
})

describe('a COPY source above the build context (legacy builder)', () => {
  it('names the path as written and the file to bring into the context, under compose v1', () => {
    const d = diagnose([
      'Step 4/8 : COPY ../poetry.lock pyproject.toml ./',
      "ERROR: Service 'bot' failed to build: COPY failed: forbidden path outside the build context: ../poetry.lock ()"
    ])
    expect(d.reason).toBe('build-file-missing')
    expect(d.summary).toBe(
      '`COPY ../poetry.lock pyproject.toml ./` copies `../poetry.lock`, which is outside the build context: the builder sees only the files under it.'
    )
    expect(d.remedy).toMatch(/holds `poetry\.lock`/)
    expect(d.evidence).toEqual(['COPY failed: forbidden path outside the build context: ../poetry.lock'])
  })

  it("reads ADD's wording inside compose's error list", () => {
    const d = diagnose([
      'Step 3/8 : ADD .. /app',
      '1 error occurred:',
      '        * Status: ADD failed: forbidden path outside the build context: .. (), Code: 1'
    ])
    expect(d.reason).toBe('build-file-missing')
    expect(d.summary).toMatch(/copies `\.\.`, which is outside the build context/)
  })
})

describe("pip's conflicts without a dependency in the way", () => {
  const PINNED_TWICE = [
    '#10 37.53 ERROR: Cannot install click==7.1.1 and click==8.0.1 because these package versions have conflicting dependencies.',
    '#10 37.53 ',
    '#10 37.53 The conflict is caused by:',
    '#10 37.53     The user requested click==7.1.1',
    '#10 37.53     The user requested click==8.0.1',
    '#10 37.53 ',
    '#10 37.53 ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/user_guide/#fixing-conflicting-dependencies',
    '------',
    'failed to solve: rpc error: code = Unknown desc = executor failed running [/bin/sh -c pip install -r requirements.txt]: exit code: 1'
  ]

  it('names the package pinned twice and both lines of the requirements file', () => {
    const d = diagnose(PINNED_TWICE, {
      Dockerfile: 'FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'requirements.txt': 'click==7.1.1\nflask==2.0.1\nclick==8.0.1\n'
    })
    expect(d.reason).toBe('dependency-conflict')
    expect(d.summary).toBe(
      '`click` is pinned twice, to versions no release satisfies together: `click==7.1.1` and `click==8.0.1` ' +
        '(`requirements.txt:1` and `requirements.txt:3`).'
    )
    expect(d.pointers).toEqual(['requirements.txt:1', 'requirements.txt:3'])
  })

  it('marks a constraint that excludes the requirement', () => {
    const lines = [...PINNED_TWICE]
    lines[4] = '#10 37.53     The user requested (constraint) click==8.0.1'
    expect(diagnose(lines).summary).toMatch(/`click==7\.1\.1` and `click==8\.0\.1 \(constraint\)`/)
  })

  it("names what pip's headline names when the log kept nothing else, and the requirements file's line", () => {
    const lines = [
      "Build container for action use: '/home/runner/work/_actions/ravsamhq/notify-slack-action/master/Dockerfile'.",
      '',
      'ERROR: Cannot install -r requirements.txt (line 10) and astroid==2.5.7 because these package versions have conflicting dependencies.'
    ]
    expect(diagnose(lines).summary).toBe(
      'pip cannot install `-r requirements.txt (line 10)` together with `astroid==2.5.7`: their dependencies conflict ' +
        "(the log keeps only pip's first line, not the requirements that clash)."
    )
    const requirements = Array.from({ length: 12 }, (_, i) => `package${i + 1}==1.0`).join('\n')
    const d = diagnose(lines, { 'requirements.txt': `${requirements}\n` })
    expect(d.pointers).toEqual(['requirements.txt:10'])
    expect(d.remedy).toMatch(/loosen `astroid==2\.5\.7`/)
  })
})
