// `apt-get install` of a package the image's Debian does not know: another distribution's name, a step without
// `apt-get update`, or a name this release does not have.
import { defineReason, type Rule } from '../reason.js'
import { debianNameFor } from '../native-deps.js'
import { pointers, stepLocation } from '../rules/build.js'
import { code } from '../words.js'

type Facts =
  { kind: 'debian-name'; name: string; debian: string } | { kind: 'no-package-lists'; name: string } | { kind: 'unknown-name'; name: string }

const APT_UNKNOWN = /E: (?:Unable to locate package (\S+)|Package '?([^' ]+)'? has no installation candidate)/

const unknownPackage: Rule<Facts> = {
  stage: 'build',
  name: 'apt-get cannot locate a package',
  detect(ctx) {
    const hit = ctx.failure.stepOutput.map((line) => line.match(APT_UNKNOWN)).find(Boolean)
    if (!hit) return undefined
    // apt's two wordings: "Unable to locate package X" and "Package 'X' has no installation candidate".
    const name = hit[1] ?? hit[2]
    const debian = debianNameFor(name)
    const facts: Facts = debian
      ? { kind: 'debian-name', name, debian }
      : !/apt-get update|apt update/.test(ctx.failure.instruction ?? '')
        ? { kind: 'no-package-lists', name }
        : { kind: 'unknown-name', name }
    return { facts, evidence: [hit.input!.trim()], pointers: pointers(stepLocation(ctx)) }
  }
}

function remedy(facts: Facts): string {
  const search = code(`apt-cache search ${facts.name}`)
  switch (facts.kind) {
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

export default defineReason({
  id: 'apt-package-not-found',
  title: 'Unknown apt package',
  headline: 'unknown apt package',
  readme: "`apt-get install` of a package Debian does not have (e.g. RPM's `libpq-devel`: Debian's name is `libpq-dev`)",
  fixtures: [
    { path: '__fixtures__/build/cases/apt-unknown-package', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [unknownPackage],
  words: (facts) => ({
    summary:
      `${code('apt-get install')} does not know the package ${code(facts.name)}` +
      (facts.kind === 'debian-name' ? ` — on Debian it is ${code(facts.debian)}` : '') +
      '.',
    remedy: remedy(facts)
  })
})
