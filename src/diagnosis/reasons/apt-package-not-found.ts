// `apt-get install` of a package the image's Debian does not know: another distribution's name, a step without
// `apt-get update`, or a name this release does not have.
import { defineReason, type Rule } from '../reason.js'
import { debianNameFor } from '../native-deps.js'
import { pointers, stepLocation } from '../rules/build-causes.js'
import { code } from '../words.js'
import type { BuildContext } from '../stages.js'

type Facts =
  | { kind: 'apt-suggests'; name: string; how: 'virtual' | 'replaced'; packages: string[] }
  | { kind: 'debian-name'; name: string; debian: string }
  | { kind: 'no-package-lists'; name: string }
  | { kind: 'unknown-name'; name: string }

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
    'or a virtual one (`netcat`): the remedy names the package apt itself lists (`netcat-openbsd`)',
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/apt-virtual-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/apps/fail-apt-virtual-package', test: '__tests__/remedies.itg.ts' }
  ],
  rules: [unknownPackage],
  words: (facts) => ({
    summary:
      `${code('apt-get install')} does not know the package ${code(facts.name)}` +
      (facts.kind === 'debian-name' ? ` — on Debian it is ${code(facts.debian)}` : '') +
      (facts.kind === 'apt-suggests' ? `: ${aptSays(facts)}` : '') +
      '.',
    remedy: remedy(facts)
  })
})
