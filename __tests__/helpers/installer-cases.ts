// The uv, Poetry, Pipenv and --require-hashes build cases of __fixtures__/build/installers and what each must be
// diagnosed as: shared by the integration test that builds them (installers.itg.ts), the capture script
// (scripts/capture-installer-logs.mjs) and the unit test on the captured output (diagnosis/installer-rules.test.ts).
import path from 'node:path'
import type { ReasonId } from '../../src/core/model.js'
import { BASES } from './docker.js'
import { ROOT } from './run-action.js'

export const FIXTURES = path.join(ROOT, '__fixtures__', 'build', 'installers')
// The Debian suites that package Poetry 2 (trixie 2.1, forky 2.3) and Pipenv; bookworm's Poetry 1.3 reads neither
// PEP 621's [project] nor poetry.lock 2.1.
export const INSTALLER_SUITES = BASES.filter((base) => base !== 'bookworm')

export interface InstallerCase {
  name: string
  dir: string
  dockerfile?: string
  /** Build arguments beyond BASE_IMAGE. */
  args?: (base: string) => Record<string, string>
  image: (base: string) => string
  reason: ReasonId
  culprits: RegExp[]
  pointers: string[]
}

export const installers = (base: string) => `gunicorn-smoke-installers:${base}`
const plain = (base: string) => `gunicorn-smoke-base:${base}`

export const CASES: InstallerCase[] = [
  {
    name: 'poetry: pyproject.toml changed after locking',
    dir: 'poetry-lock-outdated',
    image: installers,
    reason: 'lock-file-outdated',
    culprits: [/`poetry\.lock` \(`poetry\.lock:1`\) is out of date with `pyproject\.toml`/, /`poetry lock`/],
    pointers: ['Dockerfile:6', 'poetry.lock:1']
  },
  {
    name: 'poetry: the readme was not copied',
    dir: 'poetry-readme-missing',
    image: installers,
    reason: 'build-file-missing',
    culprits: [/needs its readme `README\.md`/, /`\/app\/README\.md` does not exist/, /`poetry install --no-root`/, /`Dockerfile:6`/],
    pointers: ['Dockerfile:7', 'Dockerfile:6']
  },
  {
    name: 'poetry: not installed in the runtime stage',
    dir: 'poetry-not-in-stage',
    image: installers,
    args: (base) => ({ RUNTIME_IMAGE: plain(base) }),
    reason: 'installer-missing',
    culprits: [/`poetry` is not installed in the stage `runtime`/, /installed in the stage `builder` \(`Dockerfile:5`\)/],
    pointers: ['Dockerfile:14', 'Dockerfile:5']
  },
  {
    name: 'pipenv: Pipfile changed after locking',
    dir: 'pipenv-lock-outdated',
    image: installers,
    reason: 'lock-file-outdated',
    culprits: [
      /`Pipfile\.lock` \(`Pipfile\.lock:4`\) is out of date with `Pipfile` \(its hash `(ebffa69a1fa1|3cbc06)`, the Pipfile's `(f226f2c246fa|efb63f)`\)/,
      /`pipenv lock`/
    ],
    // Pipenv 2026 prints the whole hashes, 2024 their last six digits (both of the same two hashes).
    pointers: ['Dockerfile:6', 'Pipfile.lock:4']
  },
  {
    name: 'poetry: the project requires a newer Python than the image',
    dir: 'poetry-python-mismatch',
    image: installers,
    reason: 'package-not-found',
    culprits: [/The project `orders` requires Python `>=3\.15` \(`requires-python` \(`pyproject\.toml:5`\)\)/, /this image's Python 3\.1[34]\.\d+/],
    pointers: ['pyproject.toml:5', 'Dockerfile:6']
  },
  {
    name: 'pip --require-hashes: a dependency without a pin',
    dir: 'hashes-transitive',
    image: installers,
    reason: 'unpinned-hashed-requirement',
    culprits: [/`hashdemo-util>=1\.0`, a dependency of `hashdemo-core==1\.0` from `requirements\.txt` line 2 \(`requirements\.txt:2`\)/],
    pointers: ['requirements.txt:2', 'Dockerfile:6']
  }
]

export const UV_CASES: InstallerCase[] = [
  ['locked', 'lock-file-outdated', [/`uv\.lock` \(`uv\.lock:1`\) is out of date/, /`uv lock`/], ['Dockerfile.locked:8', 'uv.lock:1']],
  [
    'required-version',
    'installer-missing',
    [/`pyproject\.toml` \(`pyproject\.toml:8`\) requires uv `>=0\.10, <0\.12` and the image runs uv `0\.12\.0`/],
    ['Dockerfile.required-version:8', 'pyproject.toml:8']
  ],
  [
    'python-range',
    'package-not-found',
    [
      /`mypkg\[openai\]/,
      /requires Python `>=3\.12\.0,<3\.13`, not the project's Python range `>=3\.8`/,
      /`requires-python` in `pyproject\.toml` \(`pyproject\.toml:4`\)/
    ],
    ['pyproject.toml:4', 'Dockerfile.python-range:8']
  ],
  [
    'conflict',
    'dependency-conflict',
    [/`boto3==1\.34\.153` \(`requirements\.txt:1`\) cannot be installed together with `botocore/, /`uv lock`/],
    ['requirements.txt:1', 'requirements.txt:2', 'Dockerfile.conflict:8']
  ],
  [
    'pinned-twice',
    'dependency-conflict',
    [/`pypyp` is pinned twice, to versions no release satisfies together: `pypyp==1` and `pypyp>=1\.2`/, /`requirements\.in:2`/],
    ['requirements.in:2', 'constraints.txt:2', 'Dockerfile.pinned-twice:8']
  ]
].map(([caseName, reason, culprits, pointers]) => ({
  name: `uv (replayed public log): ${caseName as string}`,
  dir: 'uv-replay',
  dockerfile: `Dockerfile.${caseName as string}`,
  image: plain,
  reason: reason as ReasonId,
  culprits: culprits as RegExp[],
  pointers: pointers as string[]
}))

/** A case's id in file names: its directory, and its Dockerfile's suffix when it has one. */
export const caseId = (c: InstallerCase): string => (c.dockerfile ? `${c.dir}.${c.dockerfile.replace(/^Dockerfile\./, '')}` : c.dir)
