// What each build case of __fixtures__/build/cases must be diagnosed as: shared by the unit test on the captured
// logs and the integration test that builds the cases on the real engine.
import type { ReasonId } from '../../src/core/model.js'

export interface BuildExpectation {
  reason: ReasonId
  /** Text the summary or remedy must contain: the packages, versions, names. */
  culprits: RegExp[]
  /** `file:line` of every annotation, relative to the case directory. */
  pointers: string[]
  /** pip does not name its Python: the build phase asks the base image (so only a real run shows it). */
  pythonLookedUp?: RegExp
}

export interface BuildCase {
  name: string
  expect(suite: string): BuildExpectation
}

const PYTHON: Record<string, string> = { bookworm: '3.11', trixie: '3.13', forky: '3.14' }
const pythonOf = (suite: string): RegExp => new RegExp(`Python ${PYTHON[suite].replace('.', '\\.')}\\.\\d+`)
const always = (expectation: BuildExpectation) => (): BuildExpectation => expectation

export const BUILD_CASES: BuildCase[] = [
  {
    name: 'dependency-conflict',
    expect: always({
      reason: 'dependency-conflict',
      culprits: [
        /`gevent==23\.9\.1` \(`requirements\.txt:3`\) cannot be installed together with `greenlet==2\.0\.2` \(`requirements\.txt:4`\)/,
        /`greenlet>=3\.0\.0`/,
        /Move the pins together/
      ],
      pointers: ['requirements.txt:3', 'requirements.txt:4']
    })
  },
  {
    name: 'dependency-conflict-constraint',
    expect: always({
      reason: 'dependency-conflict',
      culprits: [/`gevent==23\.9\.1` \(`requirements\.txt:4`\)/, /`greenlet==2\.0\.2` \(`constraints\.txt:3`\)/, /`greenlet>=3\.0\.0`/],
      pointers: ['requirements.txt:4', 'constraints.txt:3']
    })
  },
  {
    name: 'version-not-found',
    expect: always({
      reason: 'package-not-found',
      culprits: [/`greenlet==3\.0\.4`/, /does not exist \(pip found 2\.0\.2, 3\.0\.3\)/, /`greenlet==3\.0\.3`/],
      pointers: ['requirements.txt:2']
    })
  },
  {
    name: 'version-for-other-python',
    expect: (suite) => ({
      reason: 'package-not-found',
      culprits: [/`numpy==2\.9\.0`/, /only for other Pythons/, /`>=3\.15`/, pythonOf(suite)],
      pointers: ['requirements.txt:2']
    })
  },
  {
    // From a PyPI-like index (file:///index): pip 23.1+ says which releases it ignored, not which Python it runs.
    name: 'version-for-other-python-index',
    expect: (suite) => ({
      reason: 'package-not-found',
      culprits: [/`numpy==2\.9\.0`/, /only for other Pythons/, /`>=3\.15`/],
      pointers: ['requirements.txt:2'],
      pythonLookedUp: pythonOf(suite)
    })
  },
  {
    name: 'misspelled-package',
    expect: always({
      reason: 'package-not-found',
      culprits: [/no package named `gevnet`/, /did you mean `gevent`/],
      pointers: ['requirements.txt:2']
    })
  },
  {
    name: 'native-build-failed',
    expect: always({
      reason: 'native-build-failed',
      culprits: [/`psycopg2`/, /`gcc` is missing/, /build-essential libpq-dev python3-dev/, /`psycopg2-binary`/, /before `Dockerfile:6`/],
      pointers: ['Dockerfile:6', 'requirements.txt:2']
    })
  },
  {
    name: 'native-header-missing',
    expect: always({
      reason: 'native-build-failed',
      culprits: [
        /`psycopg2`/,
        /`Python\.h` is missing/,
        /install -y --no-install-recommends python3-dev libpq-dev`/,
        /before `Dockerfile:9`/,
        /`psycopg2-binary`/
      ],
      pointers: ['Dockerfile:9', 'requirements.txt:2']
    })
  },
  {
    name: 'copy-renamed',
    expect: always({
      reason: 'build-file-missing',
      culprits: [/`requirement\.txt`/, /closest name there is `requirements\.txt`/],
      pointers: ['Dockerfile:4']
    })
  },
  {
    name: 'copy-dockerignored',
    expect: always({
      reason: 'build-file-missing',
      culprits: [/`config\/settings\.toml`/, /`\.dockerignore` excludes \(`config\/`, `\.dockerignore:4`\)/],
      pointers: ['Dockerfile:5', '.dockerignore:4']
    })
  },
  {
    name: 'apt-unknown-package',
    // forky's snapshot Release file is expired, so apt has no lists there and fails before naming the package.
    expect: (suite) =>
      suite === 'forky'
        ? { reason: 'build-failed', culprits: [/libpq-devel/, /exit code 100/], pointers: ['Dockerfile:3'] }
        : { reason: 'apt-package-not-found', culprits: [/`libpq-devel`/, /on Debian it is `libpq-dev`/], pointers: ['Dockerfile:3'] }
  },
  {
    // apt's own answer names the packages: the remedy installs the first by name (forky too: its dated Release is
    // read with Check-Valid-Until=false, as the user would not need to).
    name: 'apt-virtual-package',
    expect: always({
      reason: 'apt-package-not-found',
      culprits: [
        /`netcat`: apt says it is a virtual package provided by `netcat-openbsd` and `netcat-traditional`/,
        /Install `netcat-openbsd` instead of `netcat`/
      ],
      pointers: ['Dockerfile:5']
    })
  },
  {
    // Two user pins on one package, no dependency between them: pip's conflict lists only "The user requested" lines.
    name: 'pinned-twice',
    expect: always({
      reason: 'dependency-conflict',
      culprits: [/`greenlet` is pinned twice/, /`greenlet==2\.0\.2` and `greenlet==3\.0\.3`/, /Keep one pin of `greenlet`/],
      pointers: ['requirements.txt:2', 'requirements.txt:4']
    })
  },
  {
    name: 'requirements-not-copied',
    expect: always({
      reason: 'build-file-missing',
      culprits: [/`pip install -r` reads `requirements\.txt`/, /it is in the build context, but no step before this one copies it/],
      pointers: ['Dockerfile:6']
    })
  },
  {
    // libpq-dev exists on every base, but not at Debian 10's version: apt's `Version … was not found`.
    name: 'apt-version-gone',
    expect: always({
      reason: 'apt-package-not-found',
      culprits: [/`libpq-dev` at version `11\.9-0\+deb10u1`, which the Debian mirror no longer has/, /`apt-cache policy libpq-dev`/],
      pointers: ['Dockerfile:5']
    })
  }
]
