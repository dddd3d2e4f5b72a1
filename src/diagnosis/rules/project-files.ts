// The lines of a uv, Poetry or Pipenv project that a build failure is about: a package's entry in pyproject.toml
// (`[project] dependencies`, optional dependencies, `[dependency-groups]`, `[tool.poetry.dependencies]` and its
// groups) or the Pipfile (`[packages]`, `[dev-packages]`), the Python the project requires, a `[tool.uv]` setting,
// and a package's entry in the lock file (uv.lock, poetry.lock, Pipfile.lock).
import fs from 'node:fs'
import path from 'node:path'
import { entryAt, readTomlLines, type TomlEntry } from '../../core/toml-lines.js'
import type { SourceLocation } from '../../core/model.js'
import { normalizeName } from '../requirements.js'
import type { BuildContext } from '../stages.js'
import { rel } from './build-causes.js'

export const PROJECT_FILES = ['pyproject.toml', 'Pipfile'] as const
type ProjectFile = (typeof PROJECT_FILES)[number]

/** The project file at the build context's root, read line-aware; undefined when absent or not valid TOML. */
function projectEntries(ctx: BuildContext, name: ProjectFile | 'uv.lock' | 'poetry.lock'): { file: string; entries: TomlEntry[] } | undefined {
  const file = path.join(ctx.contextDir, name)
  const text = readText(file)
  if (text === undefined) return undefined
  const read = readTomlLines(text, name)
  return 'error' in read ? undefined : { file: rel(ctx, file), entries: read.entries }
}

/** A sentence for each project file of the context that is not valid TOML (its lines cannot be annotated). */
export function unreadableProjectFiles(contextDir: string): string[] {
  return PROJECT_FILES.flatMap((name) => {
    const text = readText(path.join(contextDir, name))
    const read = text === undefined ? undefined : readTomlLines(text, name)
    return read && 'error' in read ? [read.error] : []
  })
}

/** The package a PEP 508 requirement or an uv/Poetry name names, without extras or version (`mypkg[openai]` → mypkg). */
export const packageName = (requirement: string): string => normalizeName(requirement.trim().match(/^[A-Za-z0-9][A-Za-z0-9._-]*/)?.[0] ?? requirement)

const DEPENDENCY_LISTS = [/^project\.dependencies$/, /^project\.optional-dependencies\.[^.]+$/, /^dependency-groups\.[^.]+$/]
const DEPENDENCY_TABLES = [
  /^tool\.poetry\.dependencies$/,
  /^tool\.poetry\.dev-dependencies$/,
  /^tool\.poetry\.group\.[^.]+\.dependencies$/,
  /^packages$/,
  /^dev-packages$/
]

/** The line of each entry of `name` in the project files: list items (PEP 621, uv) and table keys (Poetry, Pipfile). */
export function dependencyLines(ctx: BuildContext, name: string): SourceLocation[] {
  const wanted = packageName(name)
  return PROJECT_FILES.flatMap((project) => {
    const read = projectEntries(ctx, project)
    if (!read) return []
    return read.entries.flatMap((entry) => {
      const joined = entry.path.join('.')
      if (DEPENDENCY_LISTS.some((re) => re.test(joined)))
        return entry.items.filter((item) => packageName(item.value) === wanted).map((item) => ({ file: read.file, line: item.line }))
      const table = entry.path.slice(0, -1).join('.')
      const key = entry.path[entry.path.length - 1]
      return DEPENDENCY_TABLES.some((re) => re.test(table)) && packageName(key) === wanted ? [{ file: read.file, line: entry.line }] : []
    })
  })
}

/** The project's own Python requirement: `requires-python`, Poetry's `python`, the Pipfile's `[requires]`. */
export function pythonRequirementLine(ctx: BuildContext): SourceLocation | undefined {
  const candidates: [ProjectFile, string[]][] = [
    ['pyproject.toml', ['project', 'requires-python']],
    ['pyproject.toml', ['tool', 'poetry', 'dependencies', 'python']],
    ['Pipfile', ['requires', 'python_version']],
    ['Pipfile', ['requires', 'python_full_version']]
  ]
  for (const [project, key] of candidates) {
    const read = projectEntries(ctx, project)
    const entry = read && entryAt(read.entries, key)
    if (read && entry) return { file: read.file, line: entry.line }
  }
  return undefined
}

/** The project's name in pyproject.toml (`[project]`, else `[tool.poetry]`). */
export function projectName(ctx: BuildContext): string | undefined {
  const read = projectEntries(ctx, 'pyproject.toml')
  return (entryAt(read?.entries ?? [], ['project', 'name']) ?? entryAt(read?.entries ?? [], ['tool', 'poetry', 'name']))?.value
}

/** A `[tool.uv]` setting's line in pyproject.toml (`required-version`, `index-url` …). */
export function uvSettingLine(ctx: BuildContext, setting: string): SourceLocation | undefined {
  const read = projectEntries(ctx, 'pyproject.toml')
  const entry = read && entryAt(read.entries, ['tool', 'uv', setting])
  return read && entry ? { file: read.file, line: entry.line } : undefined
}

/** The `[[package]]` of `name` in uv.lock or poetry.lock, or its entry in Pipfile.lock, at the context's root. */
export function lockedPackageLine(ctx: BuildContext, lockFile: string, name: string): SourceLocation | undefined {
  const wanted = packageName(name)
  const base = path.basename(lockFile)
  if (base === 'uv.lock' || base === 'poetry.lock') {
    const read = projectEntries(ctx, base)
    const entry = read?.entries.find((e) => e.path.join('.') === 'package.name' && e.value !== undefined && packageName(e.value) === wanted)
    return read && entry ? { file: read.file, line: entry.line } : undefined
  }
  if (base !== 'Pipfile.lock') return undefined
  const file = path.join(ctx.contextDir, base)
  const index = (readText(file) ?? '').split(/\r?\n/).findIndex((line) => packageName(line.match(/^\s*"([^"]+)"\s*:\s*\{/)?.[1] ?? '') === wanted)
  return index >= 0 ? { file: rel(ctx, file), line: index + 1 } : undefined
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
