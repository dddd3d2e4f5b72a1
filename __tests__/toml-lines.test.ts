// The TOML line scanner and the project-file lookups on pyproject.toml files of the three shapes projects write
// (Poetry 1's [tool.poetry] tables, Poetry 2's [project], uv's [dependency-groups] and [tool.uv]), a Pipfile and the
// lock files: every line asserted against the file's own text, so a miscount cannot pass.
import fs from 'node:fs'
import path from 'node:path'
import { entryAt, readTomlLines, type TomlEntry } from '../src/core/toml-lines.js'
import {
  dependencyLines,
  lockedPackageLine,
  pythonRequirementLine,
  unreadableProjectFiles,
  uvSettingLine
} from '../src/diagnosis/rules/project-files.js'
import type { BuildContext } from '../src/diagnosis/stages.js'
import { ROOT } from './helpers/run-action.js'

const PROJECTS = path.join(ROOT, '__fixtures__', 'projects')
const text = (dir: string, file: string) => fs.readFileSync(path.join(PROJECTS, dir, file), 'utf8')
const lineOf = (dir: string, file: string, needle: string) =>
  text(dir, file)
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1
const exactLine = (dir: string, file: string, whole: string) => text(dir, file).split('\n').indexOf(whole) + 1

function entries(dir: string, file = 'pyproject.toml'): TomlEntry[] {
  const read = readTomlLines(text(dir, file), file)
  if ('error' in read) throw new Error(read.error)
  return read.entries
}

const ctx = (dir: string): BuildContext => ({
  failure: { stepOutput: [], outputTail: [], message: '' } as unknown as BuildContext['failure'],
  workspace: PROJECTS,
  contextDir: path.join(PROJECTS, dir),
  dockerfile: path.join(PROJECTS, dir, 'Dockerfile')
})
const at = (dir: string, file: string, needle: string) => ({ file: `${dir}/${file}`, line: lineOf(dir, file, needle) })

describe('the TOML line scanner', () => {
  it('finds keys of Poetry 1 tables: bare, quoted, with inline tables, after blank lines and comments', () => {
    const found = entries('poetry1')
    const line = (key: string[]) => entryAt(found, key)?.line
    expect(line(['tool', 'poetry', 'dependencies', 'uvicorn'])).toBe(lineOf('poetry1', 'pyproject.toml', 'uvicorn = {'))
    expect(line(['tool', 'poetry', 'dependencies', 'python-multipart'])).toBe(lineOf('poetry1', 'pyproject.toml', '"python-multipart"'))
    expect(line(['tool', 'poetry', 'dependencies', 'gunicorn'])).toBe(lineOf('poetry1', 'pyproject.toml', 'gunicorn = '))
    expect(line(['tool', 'poetry', 'group', 'dev', 'dependencies', 'mypy'])).toBe(lineOf('poetry1', 'pyproject.toml', 'mypy = '))
    // A `]` inside a string or a comment of a multi-line array does not end it.
    expect(line(['build-system', 'requires'])).toBe(lineOf('poetry1', 'pyproject.toml', 'requires = '))
    expect(entryAt(found, ['tool', 'poetry', 'name'])?.value).toBe('shop-api')
  })

  it('keeps the line of each string item of a multi-line array, and skips multi-line strings', () => {
    const deps = entryAt(entries('poetry2'), ['project', 'dependencies'])!
    expect(deps.line).toBe(exactLine('poetry2', 'pyproject.toml', 'dependencies = ['))
    expect(deps.items.map((item) => [item.value.split(' ')[0], item.line])).toEqual([
      ['django', lineOf('poetry2', 'pyproject.toml', '"django')],
      ['gunicorn', lineOf('poetry2', 'pyproject.toml', '"gunicorn')],
      ['psycopg[binary]', lineOf('poetry2', 'pyproject.toml', '"psycopg')],
      ['celery[redis]>=5.3;', lineOf('poetry2', 'pyproject.toml', "'celery")]
    ])
    // The `dependencies = [...]` inside the description's triple-quoted string is text, not a key.
    expect(entries('poetry2').filter((entry) => entry.path.join('.') === 'project.dependencies')).toHaveLength(1)
  })

  it('reads arrays of tables, inline tables inside arrays and items on the key line', () => {
    const found = entries('uv')
    expect(entryAt(found, ['tool', 'uv', 'index', 'url'])?.line).toBe(lineOf('uv', 'pyproject.toml', 'url = '))
    expect(entryAt(found, ['dependency-groups', 'dev'])!.items.map((item) => item.value)).toEqual(['pytest>=8'])
    expect(entryAt(found, ['project', 'dependencies'])!.items.map((item) => item.line)).toEqual([
      lineOf('uv', 'pyproject.toml', '"flask>=3.0"'),
      lineOf('uv', 'pyproject.toml', '"flask>=3.0"'),
      lineOf('uv', 'pyproject.toml', '"redis>=5"'),
      lineOf('uv', 'pyproject.toml', '"sqlalchemy')
    ])
  })

  it('answers one sentence naming the file that is not valid TOML', () => {
    const read = readTomlLines(text('broken', 'pyproject.toml'), 'pyproject.toml')
    expect(read).toEqual({ error: expect.stringMatching(/^pyproject\.toml is not valid TOML( \(line \d+\))?, so its lines are not annotated\.$/) })
    expect(unreadableProjectFiles(path.join(PROJECTS, 'broken'))).toEqual([(read as { error: string }).error])
    expect(unreadableProjectFiles(path.join(PROJECTS, 'uv'))).toEqual([])
  })
})

describe('the lines a build failure points at in the project files', () => {
  it('a package: its [project] dependencies entry, optional dependencies and dependency groups (names normalised)', () => {
    expect(dependencyLines(ctx('poetry2'), 'Psycopg')).toEqual([at('poetry2', 'pyproject.toml', '"psycopg')])
    expect(dependencyLines(ctx('poetry2'), 'celery[redis]')).toEqual([at('poetry2', 'pyproject.toml', "'celery")])
    expect(dependencyLines(ctx('poetry2'), 'boto3')).toEqual([at('poetry2', 'pyproject.toml', 'boto3')])
    expect(dependencyLines(ctx('poetry2'), 'pytest_django')).toEqual([at('poetry2', 'pyproject.toml', 'pytest-django')])
    expect(dependencyLines(ctx('uv'), 'pytest')).toEqual([at('uv', 'pyproject.toml', '"pytest>=8"')])
    expect(dependencyLines(ctx('uv'), 'SQLAlchemy')).toEqual([at('uv', 'pyproject.toml', '"sqlalchemy')])
  })

  it("a package: its [tool.poetry.dependencies] or group key, and the Pipfile's [packages] and [dev-packages]", () => {
    expect(dependencyLines(ctx('poetry1'), 'flask-sqlalchemy')).toEqual([at('poetry1', 'pyproject.toml', 'Flask_SQLAlchemy')])
    expect(dependencyLines(ctx('poetry1'), 'pytest')).toEqual([at('poetry1', 'pyproject.toml', 'pytest = ')])
    expect(dependencyLines(ctx('pipenv'), 'gunicorn')).toEqual([at('pipenv', 'Pipfile', '"gunicorn"')])
    expect(dependencyLines(ctx('pipenv'), 'pytest')).toEqual([at('pipenv', 'Pipfile', 'pytest')])
    expect(dependencyLines(ctx('poetry1'), 'werkzeug')).toEqual([])
  })

  it("the Python the project requires: requires-python, Poetry's python, the Pipfile's [requires]", () => {
    expect(pythonRequirementLine(ctx('poetry2'))).toEqual(at('poetry2', 'pyproject.toml', 'requires-python'))
    expect(pythonRequirementLine(ctx('poetry1'))).toEqual(at('poetry1', 'pyproject.toml', 'python = '))
    expect(pythonRequirementLine(ctx('pipenv'))).toEqual(at('pipenv', 'Pipfile', 'python_version'))
    expect(pythonRequirementLine(ctx('broken'))).toBeUndefined()
  })

  it('a [tool.uv] setting, and a package in uv.lock and Pipfile.lock', () => {
    expect(uvSettingLine(ctx('uv'), 'required-version')).toEqual(at('uv', 'pyproject.toml', 'required-version'))
    expect(uvSettingLine(ctx('poetry2'), 'required-version')).toBeUndefined()
    expect(lockedPackageLine(ctx('uv'), 'uv.lock', 'Werkzeug')).toEqual({ file: 'uv/uv.lock', line: exactLine('uv', 'uv.lock', 'name = "werkzeug"') })
    expect(lockedPackageLine(ctx('pipenv'), 'Pipfile.lock', 'gunicorn')).toEqual(at('pipenv', 'Pipfile.lock', '"gunicorn": {'))
    expect(lockedPackageLine(ctx('uv'), 'uv.lock', 'django')).toBeUndefined()
  })
})
