// `apt-get install` of a package the image's Debian does not know: another distribution's name, a step without
// `apt-get update`, or a name this release does not have.
import { defineReason, type Rule } from '../reason.js'
import { parseApkRefusal } from '../apk-output.js'
import { debianNameFor } from '../native-deps.js'
import { pointers, stepLocation } from '../rules/build-causes.js'
import { code } from '../words.js'
import type { BuildContext } from '../stages.js'

type Facts =
  | { kind: 'apt-suggests'; name: string; how: 'virtual' | 'replaced'; packages: string[] }
  | { kind: 'debian-name'; name: string; debian: string }
  | { kind: 'no-package-lists'; name: string }
  | { kind: 'unknown-name'; name: string }
  /** Alpine's `apk add` of a name its repositories do not have. */
  | { kind: 'apk-unknown-name'; name: string }
  /** An exact version (or apt's target release) the mirror no longer serves: it keeps only the current build. */
  | { kind: 'version-gone'; tool: 'apt' | 'apk'; name: string; version: string; release?: boolean; available?: string }

// `E: ` may be cut from its message: apt writes it apart, and BuildKit interleaves it with stdout.
const APT_UNKNOWN = /(?:E: |^\s*)(?:Unable to locate package (\S+)|Package '?([^' ]+)'? has no installation candidate)/

// apt's own answer, printed before its `E:` line: the packages that provide or replace the name, one or more a line.
const APT_ANSWER: { how: 'virtual' | 'replaced'; head: RegExp }[] = [
  { how: 'virtual', head: /^Package '?([^' ]+)'? is a virtual package provided by:/ },
  { how: 'replaced', head: /^However the following packages replace it:/ }
]

/** The packages apt names for `name` (`netcat` → `netcat-openbsd`, `netcat-traditional`), with its lines. */
function aptSuggestion(lines: string[], name: string): { how: 'virtual' | 'replaced'; packages: string[]; lines: string[] } | undefined {
  for (const { how, head } of APT_ANSWER) {
    const start = lines.findIndex((line) => head.test(line.trim()) && (how === 'replaced' || head.exec(line.trim())?.[1] === name))
    if (start === -1) continue
    const listed = indentedBlock(lines.slice(start + 1))
    // `  netcat-openbsd 1.219-1` (a package and its version) or `  pkg-a pkg-b` (names only).
    const packages = listed.flatMap((line) => (how === 'virtual' ? [line.trim().split(/\s+/)[0]] : line.trim().split(/\s+/)))
    if (packages.length > 0) return { how, packages, lines: [lines[start].trim(), ...listed.map((l) => l.trim())] }
  }
  return undefined
}

/**
 * The indented lines that follow. apt's stderr (`E: …`) is interleaved with them by the builders, whole
 * (`E: Package 'netcat' has no…`, skipped) or as a bare prefix (`E:  netcat-traditional 1.10-50.1`, kept).
 */
function indentedBlock(lines: string[]): string[] {
  const block: string[] = []
  for (const raw of lines) {
    const line = raw.replace(/^[EWN]: ?/, '')
    if (line !== raw && /^\S/.test(line)) continue
    if (!/^\s+\S/.test(line)) break
    block.push(line)
  }
  return block
}

/** The step installs without `apt-get update` and apt fetched no list: it had none to look in. */
function listsMissing(failure: BuildContext['failure']): boolean {
  if (failure.output.some((line) => /^(Get|Hit):\d+ /.test(line.trim()))) return false
  return failure.instruction !== undefined && !/apt-get update|apt update/.test(failure.instruction)
}

const unknownPackage: Rule<Facts> = {
  stage: 'build',
  name: 'apt-get cannot locate a package',
  detect(ctx) {
    const hit = ctx.failure.stepOutput.map((line) => line.match(APT_UNKNOWN)).find(Boolean)
    if (!hit) return undefined
    // apt's two wordings: "Unable to locate package X" and "Package 'X' has no installation candidate".
    const name = hit[1] ?? hit[2]
    const debian = debianNameFor(name)
    const suggested = aptSuggestion(ctx.failure.stepOutput, name)
    if (suggested) {
      const facts: Facts = { kind: 'apt-suggests', name, how: suggested.how, packages: suggested.packages }
      return { facts, evidence: [...suggested.lines, hit.input!.trim()], pointers: pointers(stepLocation(ctx)) }
    }
    const facts: Facts = debian
      ? { kind: 'debian-name', name, debian }
      : listsMissing(ctx.failure)
        ? { kind: 'no-package-lists', name }
        : { kind: 'unknown-name', name }
    return { facts, evidence: [hit.input!.trim()], pointers: pointers(stepLocation(ctx)) }
  }
}

// apt: `E: Version '11.9-0+deb10u1' for 'libpq-dev' was not found` (`Release 'buster-backports'` for `-t`/`pkg/release`).
const APT_VERSION_GONE = /(?:E: |^\s*)(Version|Release) '([^']+)' for '([^']+)' was not found/

const aptVersionGone: Rule<Facts> = {
  stage: 'build',
  name: 'apt-get does not have the pinned version of a package',
  detect(ctx) {
    const hit = ctx.failure.stepOutput.map((line) => line.match(APT_VERSION_GONE)).find(Boolean)
    if (!hit) return undefined
    const facts: Facts = { kind: 'version-gone', tool: 'apt', name: hit[3], version: hit[2], release: hit[1] === 'Release' }
    return { facts, evidence: [hit.input!.trim()], pointers: pointers(stepLocation(ctx)) }
  }
}

const apkRefused: Rule<Facts> = {
  stage: 'build',
  name: 'apk cannot select a package',
  detect(ctx) {
    const refusal = parseApkRefusal(ctx.failure.stepOutput)
    if (!refusal) return undefined
    const facts: Facts =
      refusal.kind === 'no-such-package'
        ? { kind: 'apk-unknown-name', name: refusal.name }
        : { kind: 'version-gone', tool: 'apk', name: refusal.name, version: refusal.version, available: refusal.available }
    return { facts, evidence: refusal.evidence, pointers: pointers(stepLocation(ctx)) }
  }
}

function remedy(facts: Facts): string {
  const search = code(`apt-cache search ${facts.name}`)
  switch (facts.kind) {
    case 'apt-suggests':
      return (
        `Install ${code(facts.packages[0])} instead of ${code(facts.name)} in that \`RUN\` line` +
        (facts.packages.length > 1 ? ` (apt names ${facts.packages.map(code).join(', ')}: pick one by name).` : '.')
      )
    case 'debian-name':
      return `Debian calls it ${code(facts.debian)}: install that instead of ${code(facts.name)}.`
    case 'no-package-lists':
      return (
        `Run ${code('apt-get update')} in the same \`RUN\` as the install (the image ships without package lists), ` +
        `and check the name with ${search}.`
      )
    case 'unknown-name':
      return `Check the name for this Debian release (${search}); package names differ between distributions and releases.`
    case 'apk-unknown-name':
      return (
        `Check the name for this Alpine release (${code(`apk search ${facts.name}`)}); package names differ between ` +
        `distributions, and some are only in the ${code('community')} repository.`
      )
    case 'version-gone':
      return (
        (facts.available
          ? `Pin the version the repository has now (${code(facts.available)}) or drop the pin`
          : 'Drop the pin or pin the current version') +
        ` (${code(facts.tool === 'apk' ? `apk policy ${facts.name}` : `apt-cache policy ${facts.name}`)} lists them): ` +
        'distribution mirrors keep only the current build of a package, so an exact pin breaks at the next update.'
      )
  }
}

function aptSays(facts: Extract<Facts, { kind: 'apt-suggests' }>): string {
  const packages = facts.packages.map(code).join(facts.packages.length > 2 ? ', ' : ' and ')
  return facts.how === 'virtual'
    ? `apt says it is a virtual package provided by ${packages}, and installs none of them by that name`
    : `apt says it is replaced by ${packages}`
}

export default defineReason({
  id: 'apt-package-not-found',
  title: 'Unknown apt package',
  headline: 'unknown apt package',
  readme:
    "`apt-get install` of a package Debian does not have (e.g. RPM's `libpq-devel`: Debian's name is `libpq-dev`), " +
    'or a virtual one (`netcat`): the remedy names the package apt itself lists (`netcat-openbsd`); ' +
    "a pinned version the mirror no longer has (apt's `Version … was not found`, apk's `breaks: world[…]`), apk's `no such package`",
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/apt-virtual-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/apt-version-gone', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/apps/fail-apt-virtual-package', test: '__tests__/remedies.itg.ts' }
  ],
  rules: [unknownPackage, aptVersionGone, apkRefused],
  words: (facts) => ({
    summary: summaryOf(facts),
    remedy: remedy(facts)
  })
})

function summaryOf(facts: Facts): string {
  if (facts.kind === 'apk-unknown-name') return `${code('apk add')} does not know the package ${code(facts.name)}.`
  if (facts.kind === 'version-gone') {
    const what = facts.release ? 'release' : 'version'
    return (
      `${code(facts.tool === 'apk' ? 'apk add' : 'apt-get install')} asks for ${code(facts.name)} at ${what} ${code(facts.version)}, ` +
      `which the ${facts.tool === 'apk' ? 'Alpine repository' : 'Debian mirror'} no longer has` +
      (facts.available ? ` (it has ${code(facts.available)}).` : '.')
    )
  }
  return (
    `${code('apt-get install')} does not know the package ${code(facts.name)}` +
    (facts.kind === 'debian-name' ? ` — on Debian it is ${code(facts.debian)}` : '') +
    (facts.kind === 'apt-suggests' ? `: ${aptSays(facts)}` : '') +
    '.'
  )
}
