// What uv, Poetry, Pipenv and pip's hash checking said when they failed inside a build, read from their own
// messages. The lines come as the build kept them, often with a builder or CI prefix and wrapped at 80 columns, so
// the parsers read the step's text flattened into one line with those prefixes taken off.
import type { BuildFailure } from '../docker/build-output.js'

export type Installer = 'uv' | 'poetry' | 'pipenv'

/** A parsed verdict without its evidence: the facts a reason keeps (distributes over unions). */
export type WithoutEvidence<T> = T extends unknown ? Omit<T, 'evidence'> : never

// A BuildKit step prefix (`#12 4.217 `), a bare timestamp (`0.268 `), a CI timestamp (`[2024-08-11T21:52:40.824Z] `,
// `07:47:40 `), markdown bold, a quote marker, a GitHub annotation (`Notice: `) and tilt's `name │ → `.
const PREFIXES = [
  /^#\d+\s+/,
  /^\d+(\.\d+)?(\s+|$)/,
  /^\[\d{4}-\d\d-\d\dT[\d:.]+Z\]\s*/,
  /^\d\d:\d\d:\d\d\s+/,
  /^\*\*/,
  /^>\s*/,
  /^Notice:\s*/,
  /^.*│\s*→\s*/
]

export function cleanLine(line: string): string {
  let text = line
  for (let changed = true; changed;) {
    changed = false
    for (const prefix of PREFIXES) {
      const next = text.replace(prefix, '')
      if (next !== text) {
        text = next
        changed = true
      }
    }
  }
  return text.replace(/\*\*$/, '').trim()
}

/** The failing step's lines (and the builder's message) without prefixes, each once, in order. */
export function installerLines(failure: BuildFailure): string[] {
  const all = [...failure.stepOutput, ...failure.outputTail, failure.message].map(cleanLine).filter(Boolean)
  return all.filter((line, index) => all.indexOf(line) === index)
}

const flat = (lines: string[]): string => lines.join(' ').replace(/\s+/g, ' ')

/** The lines that contain `re`, as evidence. */
export const linesWith = (lines: string[], re: RegExp): string[] => lines.filter((line) => re.test(line)).slice(0, 4)

export interface LockProblem {
  tool: Installer
  /** As the tool names it: `uv.lock`, `poetry.lock`, `Pipfile.lock` (uv may print a path). */
  lockFile: string
  /** `outdated`: the lock does not match the project file; `unreadable`: this tool version cannot read it. */
  kind: 'outdated' | 'unreadable'
  /** Pipenv: the hash the lock carries and the one the Pipfile has now. */
  hashes?: { found: string; expected: string }
  evidence: string[]
}

const UV_LOCKED = /The lockfile at `?([^`\s]*uv\.lock)`? needs to be updated, but `?--locked`? was provided/
const UV_UNREADABLE = /Failed to parse `?([^`\s]*uv\.lock)`?|lockfile at `?([^`\s]*uv\.lock)`? uses an unsupported schema version/
const POETRY_CHANGED = /pyproject\.toml changed significantly since poetry\.lock was last generated/
const POETRY_UNREADABLE = /The lock file is not compatible with the current version of Poetry/
const PIPENV_OUTDATED = /Your Pipfile\.lock \((\w+)\) is out of date\. Expected: \((\w+)\)/

export function parseLockProblem(lines: string[]): LockProblem | undefined {
  const text = flat(lines)
  const evidence = (re: RegExp) => linesWith(lines, re)
  const uv = text.match(UV_LOCKED)
  if (uv) return { tool: 'uv', lockFile: uv[1], kind: 'outdated', evidence: evidence(/needs to be updated/) }
  const uvBad = text.match(UV_UNREADABLE)
  if (uvBad) return { tool: 'uv', lockFile: uvBad[1] ?? uvBad[2], kind: 'unreadable', evidence: evidence(/uv\.lock/) }
  if (POETRY_CHANGED.test(text)) return { tool: 'poetry', lockFile: 'poetry.lock', kind: 'outdated', evidence: evidence(/changed significantly/) }
  if (POETRY_UNREADABLE.test(text))
    return { tool: 'poetry', lockFile: 'poetry.lock', kind: 'unreadable', evidence: evidence(/lock file is not compatible|regenerate the lock/) }
  const pipenv = text.match(PIPENV_OUTDATED)
  if (pipenv)
    return {
      tool: 'pipenv',
      lockFile: 'Pipfile.lock',
      kind: 'outdated',
      hashes: { found: pipenv[1], expected: pipenv[2] },
      evidence: evidence(/Pipfile\.lock|Aborting deploy/)
    }
  return undefined
}

export type InstallerProblem =
  | ({ tool: Installer; evidence: string[] } & ({ kind: 'wrong-version'; required: string; running: string } | { kind: 'no-environment' }))
  /** pip too: a base image without it (Debian's or Alpine's own Python, a distroless or scratch stage). */
  | { tool: Installer | 'pip'; kind: 'not-found'; path?: string; evidence: string[] }
  /** pip refused the distribution's own Python (PEP 668: a Debian or Ubuntu base image's `python3`). */
  | { tool: 'pip'; kind: 'system-managed'; evidence: string[] }
  /** Poetry's own installer (install.python-poetry.org) gave up: the stage has no Poetry. */
  | { tool: 'poetry'; kind: 'installer-failed'; version?: string; evidence: string[] }

// The shell's and the exec form's words, for the bare name or a path the Dockerfile names (`/usr/local/bin/uv`).
const NOT_FOUND =
  /(?:^|[\s:"])((?:\/[\w.-]+)*\/)?(uv|uvx|poetry|pipenv|pip3?)(?:: not found|: command not found|": executable file not found|: No such file or directory)/
// `python3 -m pip` where the interpreter has no pip module.
const NO_PIP_MODULE = /\/python[\d.]*: No module named pip\b/
const UV_VERSION = /Required uv version `([^`]+)` does not match the running version `([^`]+)`/
const UV_NO_ENV =
  /No virtual environment found; run `uv venv`|No Python interpreters found in virtual environments|Failed to locate a virtualenv or Conda environment/

// pip 23+ on a distribution's Python that marks itself managed (PEP 668), and uv's words for the same refusal.
const EXTERNALLY_MANAGED = /error: externally-managed-environment|This environment is externally managed|The interpreter at .+ is externally managed/

// The official Poetry installer's last words when it gives up (it removes what it installed).
const POETRY_INSTALLER_FAILED = /Installing Poetry \(([\d.]+\w*)\): An error occurred|^\s*Poetry installation failed\.?\s*$/m

export function parseInstallerProblem(lines: string[]): InstallerProblem | undefined {
  const text = flat(lines)
  const missing = text.match(NOT_FOUND)
  if (missing) {
    const tool = missing[2].replace(/^uvx$/, 'uv').replace(/^pip3$/, 'pip') as Installer | 'pip'
    const path = missing[1] ? `${missing[1]}${missing[2]}` : undefined
    return { tool, kind: 'not-found', path, evidence: linesWith(lines, NOT_FOUND) }
  }
  if (NO_PIP_MODULE.test(text)) return { tool: 'pip', kind: 'not-found', evidence: linesWith(lines, NO_PIP_MODULE) }
  const version = text.match(UV_VERSION)
  if (version)
    return { tool: 'uv', kind: 'wrong-version', required: version[1], running: version[2], evidence: linesWith(lines, /Required uv version/) }
  if (UV_NO_ENV.test(text)) return { tool: 'uv', kind: 'no-environment', evidence: linesWith(lines, UV_NO_ENV) }
  if (EXTERNALLY_MANAGED.test(text)) return { tool: 'pip', kind: 'system-managed', evidence: linesWith(lines, EXTERNALLY_MANAGED) }
  const poetryFailed = POETRY_INSTALLER_FAILED.exec(text)
  if (poetryFailed) {
    const version = /Installing Poetry \(([\d.]+\w*)\): An error occurred/.exec(text)?.[1]
    return { tool: 'poetry', kind: 'installer-failed', version, evidence: linesWith(lines, POETRY_INSTALLER_FAILED) }
  }
  return undefined
}

/**
 * A resolver's verdict (uv's PubGrub report, Poetry's SolverProblemError), as far as the build needs it. An empty
 * `name` is the project itself (Poetry's "not supported by the project").
 */
type OtherPython = { kind: 'other-python'; name: string; requirement: string; requiresPython: string; pythonVersion?: string; requested: boolean }
export type SolverVerdict =
  | ({ tool: 'uv' | 'poetry'; evidence: string[] } & (
      | OtherPython
      | { kind: 'no-version'; name: string; requirement: string }
      | { kind: 'conflict'; dependent: string; dependentVersion: string; requirement: string; target: string; targetShown?: string }
      | { kind: 'pinned-twice'; name: string; requested: string[] }
    ))
  /** Pipenv resolves nothing before it has the Pipfile's Python: only that one can be missing. */
  | ({ tool: 'pipenv'; evidence: string[] } & OtherPython)

const UV_SOLVER = /No solution found when resolving/
/** uv's explanation without its `No solution found` header (a paste of the reasoning only): Poetry words it otherwise. */
const UV_DERIVATION = /\bBecause .+? we can conclude that .+? (?:cannot be used|are unsatisfiable)/
const POETRY_SOLVER = /SolverProblemError|version solving failed|is not supported by the project/
const PKG = String.raw`[A-Za-z0-9][\w.\-]*(?:\[[\w,\-]+\])?`

/**
 * uv found no Python for the project's range among the interpreters it may use (`No interpreter found for Python
 * >=3.13.7 in search path`, `… in managed installations or search path`): it stops before resolving anything.
 */
const UV_NO_INTERPRETER = /No interpreter found for Python (.+?) in (?:virtual environments|managed installations|search path|system path)/

// Pipenv's: the Pipfile's `python_version` is not the image's Python, and it has no pyenv or asdf to install one.
const PIPENV_NO_PYTHON = /Warning: Python (\S+?)(?:\.\.\.)? was not found on your system/

export function parseSolverVerdict(lines: string[]): SolverVerdict | undefined {
  const text = flat(lines)
  const noInterpreter = UV_NO_INTERPRETER.exec(text)
  if (noInterpreter) {
    const evidence = linesWith(lines, /No interpreter found for Python/)
    return { tool: 'uv', evidence, kind: 'other-python', name: '', requirement: '', requiresPython: noInterpreter[1], requested: false }
  }
  const pipenvPython = PIPENV_NO_PYTHON.exec(text)
  if (pipenvPython) {
    const evidence = linesWith(lines, /was not found on your system|could be found to install Python/)
    return { tool: 'pipenv', evidence, kind: 'other-python', name: '', requirement: '', requiresPython: pipenvPython[1], requested: false }
  }
  const tool = UV_SOLVER.test(text) ? 'uv' : POETRY_SOLVER.test(text) ? 'poetry' : UV_DERIVATION.test(text) ? 'uv' : undefined
  if (!tool) return undefined
  const evidence = linesWith(
    lines,
    /No solution found|Because|SolverProblemError|version solving failed|conclude|requires Python|not supported by the project/
  )
  const found = otherPython(text) ?? noVersion(text) ?? pinnedTwice(text) ?? conflict(text)
  return found ? { tool, evidence, ...found } : undefined
}

function otherPython(text: string) {
  const uv = text.match(/the (current|requested) Python version \(([^)]+)\) does not satisfy Python(\S+)/)
  if (uv) {
    const requiresPython = uv[3].replace(/,$/, '')
    const pkg =
      text.match(new RegExp(`(${PKG})(==\\S+)? depends on Python`)) ??
      text.match(new RegExp(`all versions of (${PKG}) depend on Python`)) ??
      text.match(new RegExp(`only (${PKG})(==\\S+)? is available`))
    const name = pkg?.[1] ?? 'the project'
    const requirement = `${name}${pkg?.[2] ?? ''}`
    return { kind: 'other-python' as const, name, requirement, requiresPython, pythonVersion: uv[2], requested: uv[1] === 'requested' }
  }
  // Poetry: the image's Python is outside the project's own `requires-python` (the project is named by the rule).
  const project = text.match(/The currently activated Python version (\S+) is not supported by the project \(([^)]+)\)/)
  if (project)
    return { kind: 'other-python' as const, name: '', requirement: '', requiresPython: project[2], pythonVersion: project[1], requested: false }
  const poetry = text.match(
    /Python requirement \(([^)]+)\) is not compatible with some of the required packages Python requirement: - (\S+) requires Python (\S+)/
  )
  if (!poetry) return undefined
  return {
    kind: 'other-python' as const,
    name: poetry[2],
    requirement: poetry[2],
    requiresPython: poetry[3],
    pythonVersion: poetry[1],
    requested: false
  }
}

function noVersion(text: string) {
  const uv =
    text.match(new RegExp(`there is no version of (${PKG})(\\S*?),? (?:and|we)\\b`)) ??
    text.match(new RegExp(`Because (${PKG}) was not found in the package registry()`))
  if (uv) return { kind: 'no-version' as const, name: uv[1], requirement: `${uv[1]}${uv[2]}` }
  const poetry = text.match(new RegExp(`depends on (${PKG}) \\(([^)]+)\\) which doesn't match any versions`))
  return poetry ? { kind: 'no-version' as const, name: poetry[1], requirement: `${poetry[1]} (${poetry[2]})` } : undefined
}

/** uv: `Because you require pypyp==1 and you require pypyp>=1.2, we can conclude …` (a requirement and a constraint). */
function pinnedTwice(text: string) {
  const uv = text.match(new RegExp(`you require (${PKG})([=<>!~]\\S*?),?\\s+and you require (${PKG})([=<>!~]\\S*?),?\\s`))
  if (!uv || uv[1].toLowerCase() !== uv[3].toLowerCase() || uv[2] === uv[4]) return undefined
  return { kind: 'pinned-twice' as const, name: uv[1], requested: [`${uv[1]}${uv[2]}`, `${uv[3]}${uv[4]}`] }
}

function conflict(text: string) {
  const uv = text.match(new RegExp(`(${PKG})==(\\S+) depends on (${PKG})(\\S*?),?\\s(?:and|we)\\b`))
  if (uv) {
    const requirement = `${uv[3]}${uv[4]}`
    const shown = [...text.matchAll(new RegExp(`(?:you require|depends on) (${escape(uv[3])}[=<>!~]\\S*?),?\\s`, 'g'))].map((m) => m[1])
    const targetShown = shown.find((candidate) => candidate !== requirement)
    return { kind: 'conflict' as const, dependent: uv[1], dependentVersion: uv[2], requirement, target: uv[3], targetShown }
  }
  const poetry = text.match(new RegExp(`(${PKG}) \\(([^)]+)\\) (?:which )?depends on (${PKG}) \\(([^)]+)\\)`))
  if (!poetry) return undefined
  const requirement = `${poetry[3]} (${poetry[4]})`
  const other = [...text.matchAll(new RegExp(`depends on (?:both )?(${escape(poetry[3])} \\([^)]+\\))`, 'g'))].map((m) => m[1])
  return {
    kind: 'conflict' as const,
    dependent: poetry[1],
    dependentVersion: poetry[2],
    requirement,
    target: poetry[3],
    targetShown: other.find((shown) => shown !== requirement)
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface UnpinnedUnderHashes {
  /** As pip printed it: `itsdangerous>=0.24`, `futures<4.0.0,>=2.2.0; python_version == "2.7"`, `pip`. */
  requirement: string
  name: string
  /** The requirement that pulled it in (`Flask==1.0.2`), and the file and line pip read that one from. */
  parent?: string
  file?: string
  line?: number
  /** Every package pip listed. */
  names: string[]
  evidence: string[]
}

const HASH_MODE = /In --require-hashes mode, all requirements must have their versions pinned with ==\. These do not:/

export function parseUnpinnedUnderHashes(lines: string[]): UnpinnedUnderHashes | undefined {
  const start = lines.findIndex((line) => HASH_MODE.test(line))
  if (start < 0) return undefined
  const listed = lines.slice(start + 1).filter((line) => / from (https?|file):\/\//.test(line))
  const first = listed[0]
  if (!first) return undefined
  const requirement = first
    .replace(/^ERROR:\s*/, '')
    .split(/ from (?:https?|file):\/\//)[0]
    .trim()
  const via = first.match(/\(from (?:(\S+?)->)?-r (\S+) \(line (\d+)\)/)
  const parent = via?.[1] ?? first.match(/\(from (\S+?)->/)?.[1]
  const names = listed.map((line) => line.trim().match(/^([A-Za-z0-9][\w.-]*)/)?.[1] ?? line.trim())
  return {
    requirement,
    name: names[0],
    parent,
    file: via?.[2],
    line: via ? Number(via[3]) : undefined,
    names,
    evidence: [lines[start], ...listed.slice(0, 3)]
  }
}

/**
 * A file of the project itself that the installer needs to install it and that is not in the image: Poetry's (and
 * hatchling's, under uv) readme, or Poetry's own package directory (`/app/pkg does not contain any element`, Poetry
 * 1.1; `No file/folder found for package pkg`, 1.2+). The path or name as the tool printed it.
 */
export function parseProjectFileMissing(
  lines: string[]
): { tool: 'poetry' | 'uv'; what: 'readme' | 'package' | 'path dependency'; path: string; evidence: string[] } | undefined {
  const text = flat(lines)
  const poetry = text.match(/Readme path `([^`]+)` does not exist/)
  if (poetry) return { tool: 'poetry', what: 'readme', path: poetry[1], evidence: linesWith(lines, /Readme path|--no-root/) }
  // hatchling's words, and pdm-backend's (`project.readme.file: Readme file not found ('README.md')`), under uv's build.
  const backend = text.match(/Readme file does not exist: (\S+)|Readme file not found \('([^']+)'\)/)
  if (backend)
    return { tool: 'uv', what: 'readme', path: backend[1] ?? backend[2], evidence: linesWith(lines, /Readme file (?:does not exist|not found)/) }
  // uv's lock names a local package by its path (`file:///app/package`) that is not in the image yet.
  const local = text.match(/Distribution not found at: file:\/\/(\/\S+)/)
  if (local) return { tool: 'uv', what: 'path dependency', path: local[1], evidence: linesWith(lines, /Distribution not found at|installation plan/) }
  const pkg = text.match(/(\/\S+) does not contain any element|No file\/folder found for package (\S+)/)
  const evidence = linesWith(lines, /does not contain any element|No file\/folder found|Installing the current project/)
  return pkg ? { tool: 'poetry', what: 'package', path: pkg[1] ?? pkg[2], evidence } : undefined
}
