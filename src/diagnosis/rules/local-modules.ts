// The repository's own modules: what a missing import, or an INSTALLED_APPS entry, was meant to name. A module that
// exists (or almost exists) in the repository is a typo or a path to fix, never a package to install from PyPI.
import { readdirSync, statSync, type Dirent } from 'node:fs'
import { closestName, editDistance, WELL_KNOWN_PACKAGES } from '../closest.js'
import { LIBRARY_PATH, type RuleContext, type Traceback } from '../context.js'
import { knownImportName } from '../packages.js'
import type { SourceLocation } from '../../core/model.js'

// Folders that hold no app code, and scripts nobody imports (manage.py is one edit from `mangum`, a real package).
const NOT_MODULES = /^(\.|__pycache__$|node_modules$|venv$|env$|site-packages$|tests?$|(__init__|manage|setup|conftest|noxfile|fabfile)\.py$)/

/** Names importable from a folder of the build context: its `x.py` files and its `x/` folders holding Python. */
export function localModuleNames(rc: RuleContext, folder = ''): string[] {
  const names: string[] = []
  let entries: Dirent[]
  try {
    entries = readdirSync(rc.repo.absolute(rc.inContext(folder)), { withFileTypes: true })
  } catch {
    return names
  }
  for (const entry of entries) {
    if (NOT_MODULES.test(entry.name)) continue
    if (entry.isFile() && /^[A-Za-z_]\w*\.py$/.test(entry.name)) names.push(entry.name.slice(0, -3))
    else if (entry.isDirectory() && /^[A-Za-z_]\w*$/.test(entry.name) && holdsPython(rc, `${folder ? `${folder}/` : ''}${entry.name}`)) {
      names.push(entry.name)
    }
  }
  return names
}

function holdsPython(rc: RuleContext, folder: string): boolean {
  try {
    return readdirSync(rc.repo.absolute(rc.inContext(folder))).some((name) => name.endsWith('.py'))
  } catch {
    return false
  }
}

/** A local module whose name is one typo away from a missing one: `uploads` → `upload` (the package `upload/`). */
export interface LocalNeighbour {
  /** The dotted name the code meant, e.g. `upload` or `shop.upload`. */
  name: string
  /** Its file or folder, relative to the repository root. */
  path: string
}

/** The repository's module closest to a missing one, next to where it was looked for; none for a known PyPI name. */
export function closestLocalModule(rc: RuleContext, moduleName: string): LocalNeighbour | undefined {
  const segments = moduleName.split('.')
  if (segments.length === 1 && knownPackage(moduleName)) return undefined
  const parent = segments.slice(0, -1)
  const folder = parent.join('/')
  const candidates = localModuleNames(rc, folder)
  const missing = segments[segments.length - 1]
  const closest = closestName(missing, candidates)
  // One typo (two in a long name): a looser match would turn a real package someone forgot into a "typo".
  if (!closest || editDistance(missing, closest) > (missing.length >= 8 ? 2 : 1)) return undefined
  const relative = [...parent, closest].join('/')
  const path = rc.repo.isFile(rc.inContext(`${relative}.py`)) ? rc.inContext(`${relative}.py`) : rc.inContext(relative)
  return { name: [...parent, closest].join('.'), path }
}

/** A name pip users install by that import name: a typo of a local module would not look like one of these. */
export function knownPackage(name: string): boolean {
  const normalised = name.toLowerCase().replace(/_/g, '-')
  return knownImportName(name) || WELL_KNOWN_PACKAGES.includes(normalised)
}

/** Django imported the entries of INSTALLED_APPS (`apps.populate(settings.INSTALLED_APPS)`) when this was raised. */
export function raisedByDjangoPopulate(tb: Traceback): boolean {
  return tb.frames.some((f) => /django\/apps\/registry\.py$/.test(f.file) && f.func === 'populate')
}

const SETTINGS_MODULE = /DJANGO_SETTINGS_MODULE['"]?\s*[,=:]\s*['"]?([A-Za-z_][\w.]*)/

/** The settings files of a Django project: the module its wsgi/asgi file or Dockerfile names, else the usual places. */
function djangoSettingsFiles(rc: RuleContext, tb: Traceback): string[] {
  const named = [...tb.frames.map((f) => rc.mapContainerPath(f.file)), rc.dockerfile()]
    .map((file) => (file ? SETTINGS_MODULE.exec(rc.repo.read(file) ?? '')?.[1] : undefined))
    .map((module) => (module ? rc.moduleFile(module) : undefined))
  const usual = ['', ...localModuleNames(rc)].flatMap((folder) => {
    const prefix = folder ? `${folder}/` : ''
    return [`${prefix}settings.py`, ...localModuleNames(rc, `${prefix}settings`).map((name) => `${prefix}settings/${name}.py`)]
  })
  const files = [...named.filter((file): file is string => file !== undefined), ...usual.map((file) => rc.inContext(file))]
  return [...new Set(files)].filter((file) => rc.repo.isFile(file))
}

/** The settings line that lists an app, e.g. `    "uploads",` in `gallery/settings.py`. */
export function settingsLineListing(rc: RuleContext, tb: Traceback, app: string): SourceLocation | undefined {
  const quoted = new RegExp(`(['"])${app.replace(/\./g, '\\.')}(\\.\\w+)*\\1`)
  for (const file of djangoSettingsFiles(rc, tb)) {
    const found = rc.repo.findLine(file, quoted)
    if (found) return { file, line: found.line }
  }
  return undefined
}

/** `shop.settings_missing`: a module whose package is the repository's own (`shop/`) but which that package lacks. */
export interface MissingSubmodule {
  /** The repository's package that should hold it, dotted (`shop`), and its folder. */
  packageName: string
  packagePath: string
  /** The first name the package does not hold (`settings_missing`), and the modules it holds. */
  missing: string
  has: string[]
}

/** The repository's package a dotted import reaches into, when that package lacks the module (never a PyPI package). */
export function missingLocalSubmodule(rc: RuleContext, moduleName: string): MissingSubmodule | undefined {
  const segments = moduleName.split('.')
  if (segments.length < 2) return undefined
  const isDirectory = (relative: string) => {
    try {
      return statSync(rc.repo.absolute(rc.inContext(relative))).isDirectory()
    } catch {
      return false
    }
  }
  const root = ['', 'src/'].find((prefix) => isDirectory(`${prefix}${segments[0]}`) && holdsPython(rc, `${prefix}${segments[0]}`))
  if (root === undefined) return undefined
  for (let depth = 1; depth < segments.length; depth++) {
    const folder = `${root}${segments.slice(0, depth).join('/')}`
    const name = segments[depth]
    if (rc.repo.isFile(rc.inContext(`${folder}/${name}.py`))) continue
    if (isDirectory(`${folder}/${name}`)) continue
    return { packageName: segments.slice(0, depth).join('.'), packagePath: rc.inContext(folder), missing: name, has: localModuleNames(rc, folder) }
  }
  return undefined
}

/** Django imported its settings module (`Settings(settings_module)` → `importlib.import_module(SETTINGS_MODULE)`). */
export function raisedImportingDjangoSettings(tb: Traceback): boolean {
  return tb.frames.some((f) => /django\/conf\/__init__\.py$/.test(f.file) && (f.func === '__init__' || /SETTINGS_MODULE/.test(f.code ?? '')))
}

/**
 * `src.routes.vacaciones` imported by the app's own `…/src/main.py`: the module's top package is a folder the app's
 * frames run from, so it is the app's own module (never a PyPI package), whether or not the repository is at hand.
 */
export function ownPackageOnFrames(tb: Traceback, moduleName: string): { packageName: string; folder: string } | undefined {
  const [top, ...rest] = moduleName.split('.')
  if (rest.length === 0 || knownPackage(top)) return undefined
  for (const frame of tb.frames) {
    if (!frame.file.startsWith('/') || LIBRARY_PATH.test(frame.file)) continue
    const at = frame.file.indexOf(`/${top}/`)
    if (at !== -1) return { packageName: top, folder: frame.file.slice(0, at + top.length + 2) }
  }
  return undefined
}
