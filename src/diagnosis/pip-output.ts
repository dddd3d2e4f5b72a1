// What pip said when `pip install` failed inside a build, read from its own messages (pip 23 to 25).
import { normalizeName } from './requirements.js'
import { BUILD_BREAKS, type BuildBreak } from './native-deps.js'

export interface RequirementClash {
  /** `gevent 23.9.1 depends on greenlet>=3.0.0`: who requires, at which version, what. */
  dependent: string
  dependentVersion: string
  requirement: string
  /** The package the requirement is on (`greenlet`). */
  target: string
}

export interface DependencyConflict {
  /** `The user requested greenlet==2.0.2` (and `(constraint)` ones): the pins pip could not satisfy together. */
  requested: { requirement: string; name: string; constraint: boolean }[]
  clashes: RequirementClash[]
  /** pip's "ERROR: Cannot install …" line. */
  headline: string
  /** What the headline names (`-r requirements.txt (line 10)`, `astroid==2.5.7`): all a log may keep of the conflict. */
  named: string[]
}

export interface NotFound {
  requirement: string
  name: string
  /** The versions pip could see; empty when it found the name nowhere. */
  versions: string[]
  /** `3.11.2 not in '>=3.15'`, or the versions pip ignored for their Requires-Python. */
  otherPython?: { pythonVersion?: string; requiresPython: string }
  evidence: string[]
}

export interface NativeBuildFailure {
  /** The package pip was building; unknown when the output kept only the compiler's lines. */
  packageName?: string
  /** The compiler, header or config tool the build could not find. */
  missing?: string
  /** What the Python or the build tools of today removed from under an old package's build (distutils in 3.12). */
  broken?: BuildBreak
  evidence: string[]
}

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/

const HEADLINE = /Cannot install (.+?) because these package versions have conflicting dependencies/

/** pip's list (`a, b and c`): a specifier's commas have no space after them, so `, ` and ` and ` only separate. */
function namedInHeadline(headline: string): string[] {
  const list = headline.match(HEADLINE)?.[1]
  if (!list || list === 'the requested packages') return []
  return list.split(/, | and /).map((item) => item.trim())
}

/**
 * pip's ResolutionImpossible: its "The conflict is caused by:" lines, which name the requirements that clash (a
 * dependency's, or two of the user's on the same package); or, when the log kept only pip's first line, what it names.
 */
export function parseConflict(lines: string[]): DependencyConflict | undefined {
  const headlineLine = lines.find((line) => HEADLINE.test(line))
  const start = lines.findIndex((line) => /^The conflict is caused by:/.test(line.trim()))
  if (start < 0 && !headlineLine) return undefined
  const headline = headlineLine?.trim() ?? lines[start].trim()
  const conflict: DependencyConflict = { requested: [], clashes: [], headline, named: namedInHeadline(headline) }
  for (const raw of start < 0 ? [] : lines.slice(start + 1)) {
    const line = raw.trim()
    if (!line) {
      if (conflict.requested.length + conflict.clashes.length > 0) break
      continue
    }
    const requested = line.match(/^The user requested (\(constraint\) )?(\S+)/)
    const depends = line.match(/^(\S+) (\S+) depends on (\S+)/)
    if (requested)
      conflict.requested.push({ requirement: requested[2], name: requested[2].match(NAME)?.[1] ?? requested[2], constraint: !!requested[1] })
    else if (depends)
      conflict.clashes.push({
        dependent: depends[1],
        dependentVersion: depends[2],
        requirement: depends[3],
        target: depends[3].match(NAME)?.[1] ?? depends[3]
      })
    else break
  }
  const explained = conflict.clashes.length > 0 || conflict.requested.length > 1
  return explained || conflict.named.length > 0 ? conflict : undefined
}

export function parseNotFound(lines: string[]): NotFound | undefined {
  const differentPython = lines
    .map((line) => line.match(/ERROR: Package '([^']+)' requires a different Python: (\S+) not in '([^']+)'/))
    .find(Boolean)
  if (differentPython) {
    const [line, name, pythonVersion, requiresPython] = differentPython
    return { requirement: name, name, versions: [], otherPython: { pythonVersion, requiresPython }, evidence: [line.trim()] }
  }
  // pip 9 and 10: "numpy requires Python '>=3.7' but the running Python is 3.6.9".
  const runningPython = lines
    .map((line) => line.match(/([A-Za-z0-9][\w.-]*) requires Python '([^']+)' but the running Python is (\d[\w.]*)/))
    .find(Boolean)
  if (runningPython) {
    const [line, name, requiresPython, pythonVersion] = runningPython
    return { requirement: name, name, versions: [], otherPython: { pythonVersion, requiresPython }, evidence: [line.trim()] }
  }
  // A release's own setup refusing the running Python (`RuntimeError: uvloop requires Python 3.7 or greater`).
  const setupRefused = lines
    .map((line) => line.match(/\b([A-Za-z][\w.-]*) requires Python (?:version )?(\d+(?:\.\d+)*) or (?:greater|higher|later|newer|above)\b/))
    .find(Boolean)
  if (setupRefused) {
    const [line, name, minimum] = setupRefused
    return { requirement: name, name, versions: [], otherPython: { requiresPython: `>=${minimum}` }, evidence: [line.trim()] }
  }
  const index = lines.findIndex((line) => /Could not find a version that satisfies the requirement/.test(line))
  if (index < 0) return undefined
  const match = lines[index].match(/satisfies the requirement (\S+)/)
  if (!match) return undefined
  const requirement = match[1]
  // Older pip names where the requirement came from first: `(from -r main.txt (line 238)) (from versions: …)`.
  const versions = (lines[index].match(/\(from versions: ([^)]*)\)/)?.[1] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v && v !== 'none')
  // pip 23.1+: "Ignored the following versions that require a different python version: 2.9.0 Requires-Python >=3.15"
  const ignoredLine = lines.find((line) => /Ignored the following versions that require a different python version/.test(line))
  const ignored = ignoredLine?.match(/Requires-Python ([^;,]+)/)?.[1]?.trim()
  const evidence = [ignoredLine, lines[index], lines.find((line) => /No matching distribution found/.test(line))]
    .filter((line): line is string => Boolean(line))
    .map((line) => line.trim())
  return {
    requirement,
    name: requirement.match(NAME)?.[1] ?? requirement,
    versions,
    otherPython: ignored ? { requiresPython: ignored } : undefined,
    evidence
  }
}

/** What a C/Rust extension's build looked for and did not find: the first match in the output. */
const MISSING_TOOLS: { pattern: RegExp; missing: (m: RegExpMatchArray) => string }[] = [
  { pattern: /fatal error: ([\w./-]+\.h): No such file or directory/, missing: (m) => m[1] },
  { pattern: /command '(?:[\w-]*-)?(gcc|g\+\+|cc|clang)' failed: No such file or directory/, missing: (m) => m[1] },
  { pattern: /unable to execute '(?:[\w-]*-)?(gcc|g\+\+|cc|clang)': No such file or directory/, missing: (m) => m[1] },
  { pattern: /No such file or directory: '(?:[\w-]*-)?(gcc|g\+\+|cc|clang)'/, missing: (m) => m[1] },
  { pattern: /\b(gcc|cc|g\+\+): (?:command )?not found/, missing: (m) => m[1] },
  { pattern: /(pg_config) executable not found/, missing: (m) => m[1] },
  { pattern: /(mysql_config|pkg-config)[: ].*not found/, missing: (m) => m[1] },
  // mysqlclient 2.2+ asks pkg-config for the MySQL or MariaDB client library and finds neither.
  { pattern: /Can not find valid pkg-config name/, missing: () => 'pkg-config' },
  { pattern: /can't find Rust compiler|(cargo|rustc).*not found/, missing: () => 'rustc' },
  { pattern: /(Cargo), the Rust package manager, is not installed/, missing: (m) => m[1] },
  // libxml2's and libxslt's config scripts, which lxml runs to find their headers.
  { pattern: /\b(xslt-config|xml2-config)[: ].*not found/, missing: (m) => m[1] },
  // Pillow names the library it did not find: `The headers or library files could not be found for jpeg,`.
  { pattern: /headers or library files could not be found for (\w+)/, missing: (m) => m[1] },
  // A bundled autoconf script (gevent's libev, libuv) that finds no working compiler.
  { pattern: /configure: error: (?:C compiler cannot create executables|no acceptable C compiler found)/, missing: () => 'gcc' },
  // autoconf's words when `make` is not there (libev's, libuv's bundled configure), and make's own absence.
  { pattern: /Something went wrong bootstrapping makefile fragments|\bmake: (?:command )?not found|unable to execute 'make'/, missing: () => 'make' }
]

/** The tools whose absence is a failed compile by itself, even when the output kept no line of pip's around it. */
const COMPILE_EVIDENCE = new RegExp(
  [
    String.raw`fatal error: [\w./-]+\.h: No such file|'(?:[\w-]*-)?(?:gcc|g\+\+|cc|clang)'|pg_config executable not found`,
    String.raw`Can not find valid pkg-config name|bootstrapping makefile fragments|Rust package manager, is not installed`,
    String.raw`could not be found for \w+|configure: error: (?:C compiler cannot|no acceptable C compiler)`
  ].join('|')
)

/** pip's, setup.py's and uv's ways of naming the package it was building when the build failed. */
const FAILED_PACKAGE =
  /Failed building wheel for ([^\s:]+)|Could not build wheels for ([A-Za-z0-9][\w.-]*)|^\s*Failed to build ([A-Za-z0-9][\w.-]*)\s*$|Failed to fetch wheel: ([A-Za-z0-9][\w.-]*?)(?:==|\s|$)|Failed to (?:download and )?build:? `([A-Za-z0-9][\w.-]*)|Running setup\.py (?:install|bdist_wheel) for ([^\s:]+):? (?:\.\.\. |finished with status ')error|Building wheel for (\S+) \(.*\)(?::| \.\.\.) (?:finished with status ')?error/

/**
 * The installer's own word that a source build failed: pip's (before pip 10: `Command "python setup.py egg_info" failed
 * with error code 1 in /tmp/pip-build-…/`), and uv's build backend (`× Failed to build …`).
 */
const BUILD_FAILED = new RegExp(
  [
    String.raw`subprocess-exited-with-error|Failed building wheel|Could not build wheels for|legacy-install-failure`,
    String.raw`[Bb]uild backend (?:returned an error|failed)|Command "[^"]*setup\.py[^"]*" failed with error code`,
    // pip's frame around the build's own output (its last words may be wrapped onto the next line), and older pip's.
    String.raw`× [\w .()-]+ did not run\b|Complete output from command .*setup\.py`
  ].join('|')
)

/** pip's status line for a source build's step that failed (`Preparing metadata (pyproject.toml): finished with status 'error'`). */
const SOURCE_STEP_FAILED =
  /(?:Preparing metadata|Getting requirements to build wheel|Building wheel for \S+|Running setup\.py \w+ for \S+).*: finished with status 'error'/

export function parseNativeBuildFailure(lines: string[]): NativeBuildFailure | undefined {
  const failed = lines.map((line) => line.match(FAILED_PACKAGE)).find(Boolean)
  const encountered = lines.findIndex((line) => /Encountered error while (trying to install|generating) package/.test(line))
  // pip 23+ names the package under its `Encountered error` line, or only points back (`See above for output.`).
  const underEncountered = encountered >= 0 ? lines[encountered + 1]?.replace(/^\s*╰─>\s*/, '').trim() : undefined
  const named = failed?.slice(1).find(Boolean) ?? (underEncountered && !/^See above/.test(underEncountered) ? underEncountered : undefined)
  const missingTool = MISSING_TOOLS.map(({ pattern, missing }) => {
    const hit = lines.map((line) => line.match(pattern)).find(Boolean)
    return hit ? { name: missing(hit), line: hit.input!.trim() } : undefined
  }).find(Boolean)
  // A removal is a build's only inside pip's or uv's words for a build (else a RUN step's own import, say), unless its words are a build's alone.
  const buildFailedSaid = lines.some((line) => BUILD_FAILED.test(line))
  const sourceStepSaid = lines.some((line) => SOURCE_STEP_FAILED.test(line))
  const broken = BUILD_BREAKS.filter((entry) => buildFailedSaid || sourceStepSaid || entry.buildOnly)
    .map((entry) => ({ entry, line: lines.find((line) => entry.match.test(line)) }))
    .find((hit) => hit.line)
  // A step cut before pip names the package still says a build failed, and what it missed.
  // pip's status line after the source archive it downloaded also names what it was building.
  const collected = collectedNames(lines)
  const sourceArchive = lastSourceDownload(lines, collected)
  const pipSaysSo = (named !== undefined || missingTool !== undefined || (sourceStepSaid && sourceArchive !== undefined)) && buildFailedSaid
  if (!pipSaysSo && !(missingTool && COMPILE_EVIDENCE.test(missingTool.line)) && !broken) return undefined
  // Older pip fell back to `setup.py install` after a failed wheel, and that may have worked: no failure then.
  if (named && lines.some((line) => installedAfterAll(line, named))) return undefined
  // psycopg2's own message names it: "pg_config is required to build psycopg2 from source".
  const packageName =
    named ??
    collectedAs(
      collected,
      lines.map((line) => line.match(/(?:is required to build|dependency when compiling) ([A-Za-z0-9][\w.-]*) from source/)?.[1]).find(Boolean)
    ) ??
    sourceArchive ??
    flagsOwner(lines) ??
    eggInfoOf(lines) ??
    buildDirectoryOf(lines) ??
    (broken?.entry.package !== undefined ? collectedAs(collected, broken.entry.package) : undefined)
  const evidence = [...(broken?.line ? [broken.line.trim()] : missingTool ? [missingTool.line] : []), ...(failed ? [failed[0]] : [])]
  return { packageName, missing: broken ? undefined : missingTool?.name, broken: broken?.entry, evidence }
}

/**
 * A build's own message names the project (`psycopg2`), pip's `Collecting` line the distribution asked for, which may
 * be a variant of it built from the same source (`psycopg2-binary`): the requirement to change is the collected one.
 */
function collectedAs(collected: string[], project: string | undefined): string | undefined {
  if (project === undefined) return undefined
  const lower = project.toLowerCase()
  const variants = collected.filter((name) => name.toLowerCase().startsWith(`${lower}-`) || name.toLowerCase() === lower)
  return variants[variants.length - 1] ?? project
}

/** The distributions pip collected, in order, as its `Collecting` lines spell them. */
function collectedNames(lines: string[]): string[] {
  return lines.map((line) => /\bCollecting ([A-Za-z0-9][\w.-]*)/.exec(line)?.[1]).filter((name): name is string => name !== undefined)
}

/**
 * The last source archive pip fetched before the build failed (`Downloading mysqlclient-2.2.0.tar.gz`): the one it was
 * building, as its `Collecting` line spells it (an archive's name has `_` for `-`: `pydantic_core` is `pydantic-core`).
 */
function lastSourceDownload(lines: string[], collected: string[]): string | undefined {
  const sdists = lines.map((line) => /\b(?:Downloading|Using cached) ([A-Za-z0-9][\w.]*?)-\d[\w.]*\.(?:tar\.gz|zip)\b/.exec(line)?.[1])
  const archive = sdists.filter((name): name is string => name !== undefined).pop()
  if (archive === undefined) return undefined
  return collected.find((name) => normalizeName(name) === normalizeName(archive)) ?? archive.replace(/_/g, '-')
}

/** A build that asks for its own flags by name (`Specify MYSQLCLIENT_CFLAGS and MYSQLCLIENT_LDFLAGS`): mysqlclient. */
function flagsOwner(lines: string[]): string | undefined {
  return lines.map((line) => /Specify ([A-Z][A-Z0-9]*)_CFLAGS and \1_LDFLAGS/.exec(line)?.[1].toLowerCase()).find(Boolean)
}

/** pip before 6 named the project whose metadata step it ran (`Running setup.py egg_info for package psycopg2`). */
function eggInfoOf(lines: string[]): string | undefined {
  return lines.map((line) => /Running setup\.py egg_info for package ([A-Za-z0-9][\w.-]*)/.exec(line)?.[1]).findLast(Boolean)
}

/** Older pip built each source distribution in `/tmp/pip-build-<random>/<project>/` (newer: `pip-install-…/<project>_<hash>/`). */
function buildDirectoryOf(lines: string[]): string | undefined {
  return lines.map((line) => /\/pip-(?:build|install)-\w+\/([A-Za-z][\w.-]*?)(?:_[0-9a-f]{32})?\//.exec(line)?.[1]).find(Boolean)
}

function installedAfterAll(line: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`Running setup\\.py install for ${escaped} \\.\\.\\. done|Successfully installed .*\\b${escaped}-\\d`, 'i').test(line)
}

/** pip skipped releases for their Requires-Python without naming the Python it runs on (pip 23.1+ on an index). */
export function pythonVersionUnstated(lines: string[]): boolean {
  return (
    lines.some((line) => /Ignored the following versions that require a different python version/.test(line)) &&
    !lines.some((line) => /requires a different Python: \S+ not in/.test(line))
  )
}
