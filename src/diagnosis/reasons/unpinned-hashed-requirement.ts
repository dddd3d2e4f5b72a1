// pip's hash-checking mode met a requirement without an `==` pin: usually a dependency of a pinned package that the
// hashed requirements file (pip-tools, `uv export`, `poetry export`) does not list, or an unpinned line.
import path from 'node:path'
import { defineReason, type Rule } from '../reason.js'
import { installerLines, parseUnpinnedUnderHashes, type UnpinnedUnderHashes, type WithoutEvidence } from '../installer-output.js'
import { pointers, rel, stepLocation } from '../rules/build-causes.js'
import { requirementFilesOf } from '../requirements.js'
import type { BuildContext } from '../stages.js'
import { code, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

type Facts = WithoutEvidence<UnpinnedUnderHashes> & {
  instruction?: string
  /** The line of the requirements file that pulled it in (the parent's pin), in the repository. */
  parentAt?: SourceLocation
  stepAt?: SourceLocation
}

/** The repository file pip read the parent from: among those the step installs, the one with the same name. */
function parentLocation(ctx: BuildContext, found: UnpinnedUnderHashes): SourceLocation | undefined {
  if (!found.file || !found.line) return undefined
  const files = requirementFilesOf(ctx.failure.instruction ?? '', ctx.contextDir)
  const file = files.find((candidate) => path.basename(candidate) === path.basename(found.file!))
  return file ? { file: rel(ctx, file), line: found.line } : undefined
}

const unpinnedUnderHashes: Rule<Facts> = {
  stage: 'build',
  name: 'pip in hash-checking mode met an unpinned requirement',
  detect(ctx) {
    const found = parseUnpinnedUnderHashes(installerLines(ctx.failure))
    if (!found) return undefined
    const { evidence, ...rest } = found
    const stepAt = stepLocation(ctx)
    const parentAt = parentLocation(ctx, found)
    return { facts: { ...rest, instruction: ctx.failure.instruction, parentAt, stepAt }, evidence, pointers: pointers(parentAt, stepAt) }
  }
}

function summary(facts: Facts): string {
  const others = facts.names.length > 1 ? ` (and ${facts.names.length - 1} more)` : ''
  const from = facts.file ? ` from ${code(facts.file)} line ${facts.line}${where(facts.parentAt)}` : ''
  const via = facts.parent ? `, a dependency of ${code(facts.parent)}${from},` : from
  return (
    `${code(facts.requirement)}${via} has no ${code('==')} pin with a hash${others}: with hashes, pip requires every package ` +
    `it installs, dependencies included, pinned and hashed.`
  )
}

function remedy(facts: Facts): string {
  return facts.parent
    ? `Regenerate the file with every dependency pinned and hashed (${code('pip-compile --generate-hashes')}, ` +
        `${code('uv pip compile --generate-hashes')} or ${code('uv export --format requirements-txt')}) and install that file.`
    : `Pin ${code(facts.name)} with ${code('==')} and its ${code('--hash')} in a requirements file, or leave it out of the hashed install.`
}

export default defineReason({
  id: 'unpinned-hashed-requirement',
  title: 'Unpinned requirement under --require-hashes',
  headline: 'a requirement is not pinned for hash checking',
  readme:
    'pip\'s `--require-hashes` "These do not:": the package without a pin, the pinned package that pulled it in ' +
    'and its line in the requirements file, annotated: regenerate with `--generate-hashes` or `uv export`',
  fixtures: [
    { path: '__fixtures__/build/installers/hashes-transitive', test: '__tests__/installers.itg.ts', via: '__tests__/helpers/installer-cases.ts' }
  ],
  rules: [unpinnedUnderHashes],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
