// A package pip had to compile from source, and the compiler or a header it needs is not in the image.
import { atStart } from '../install-at-start.js'
import { defineReason, type Rule } from '../reason.js'
import { APT_FOR_MISSING, APT_FOR_PACKAGE, BINARY_ALTERNATIVE } from '../native-deps.js'
import { parseNativeBuildFailure, type NativeBuildFailure } from '../pip-output.js'
import { installerLines, parseProjectFileMissing } from '../installer-output.js'
import { normalizeName, pinsOf } from '../requirements.js'
import { dockerfileAt, pinLocation, pinsFor, pointers } from '../rules/build-causes.js'
import { code, fileLine, present } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Facts {
  /** Unknown when the output kept only the compiler's lines. */
  packageName?: string
  /** The compiler or header the build looked for, when it said. */
  missing?: string
  /** The apt packages that provide what the build needs. */
  apt: string[]
  /** The failing step's Dockerfile line, before which they are installed. */
  step?: SourceLocation
  /** The package that ships prebuilt wheels instead, e.g. `psycopg2-binary`. */
  binary?: string
  /** What today's Python or build tools removed from under the build, and its way out. */
  broken?: { said: string; why: string; fix: string }
}

/** What provides the missing compiler or header (build-essential when unsaid), and what the package itself needs. */
function aptPackages(native: NativeBuildFailure, stepOutput: string[]): string[] {
  const forMissing = APT_FOR_MISSING.find((entry) => native.missing && entry.match.test(native.missing))?.apt ?? ['build-essential']
  const forPackage = native.packageName ? (APT_FOR_PACKAGE[normalizeName(native.packageName)] ?? []) : []
  const apt = [...new Set([...forMissing, ...forPackage])]
  // The compiler line shows where Python's headers are looked for: /usr/include is Debian's Python (python3-dev).
  if (!apt.includes('python3-dev') && stepOutput.some((line) => /-I\/usr\/include\/python3/.test(line))) apt.push('python3-dev')
  return apt
}

const compileFailed: Rule<Facts> = {
  stage: 'build',
  name: 'a package built from source did not compile',
  detect(ctx) {
    const native = parseNativeBuildFailure(ctx.failure.stepOutput)
    // The build backend's error is a file of the project missing from the image (its readme): build-file-missing's.
    if (!native || parseProjectFileMissing(installerLines(ctx.failure))) return undefined
    const step = dockerfileAt(ctx)
    const pin = native.packageName ? pinLocation(ctx, pinsOf(pinsFor(ctx), native.packageName)[0]) : undefined
    return {
      facts: {
        packageName: native.packageName,
        missing: native.missing,
        apt: aptPackages(native, ctx.failure.stepOutput),
        step,
        binary: native.packageName ? BINARY_ALTERNATIVE[normalizeName(native.packageName)] : undefined,
        broken: native.broken && { said: native.broken.said, why: native.broken.why, fix: native.broken.fix }
      },
      evidence: present(...native.evidence),
      pointers: pointers(step, pin)
    }
  }
}

function remedy({ packageName, apt, step, binary }: Facts): string {
  const install = `RUN apt-get update && apt-get install -y --no-install-recommends ${apt.join(' ')}`
  const before = step ? ` before ${code(fileLine(step))}` : ''
  return (
    `Add ${code(install)} to the Dockerfile${before}` +
    (binary && packageName
      ? `, or install ${code(binary)} instead of ${code(packageName)} (a prebuilt wheel, no compiler needed).`
      : ', or pin a release that ships a wheel for this Python.')
  )
}

export default defineReason({
  id: 'native-build-failed',
  title: 'Package needs a compiler',
  headline: 'a package did not compile',
  readme:
    'a package had to be compiled and could not: the missing compiler or header, the apt packages to add ' +
    'before the Dockerfile line, or the binary alternative (e.g. `psycopg2-binary`)',
  fixtures: [
    { path: '__fixtures__/build/cases/native-build-failed', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/native-header-missing', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' }
  ],
  rules: [compileFailed, atStart(compileFailed)],
  words: (facts) => ({
    summary:
      `${facts.packageName ? code(facts.packageName) : 'A package'} had to be compiled from source and its build failed` +
      (facts.broken
        ? `: ${facts.broken.why}${facts.broken.why.includes(facts.broken.said) ? '' : ` (${code(facts.broken.said)})`}.`
        : facts.missing
          ? `: ${code(facts.missing)} is missing from the image.`
          : '.'),
    remedy: facts.broken ? facts.broken.fix : remedy(facts)
  })
})
