// `COPY`/`ADD` of a file that is not in the build context: `.dockerignore` excludes it, it was renamed, or it is
// not there at all. And the project file an installer needs that the Dockerfile never copied (Poetry's readme).
import fs from 'node:fs'
import path from 'node:path'
import { defineReason, type Finding, type Rule } from '../reason.js'
import { closestExistingFile, dockerignoreLine, existsInContext } from '../build-context.js'
import { installerLines, parseProjectFileMissing } from '../installer-output.js'
import { pointers, rel, stepLocation } from '../rules/build-causes.js'
import { stageLines } from '../rules/installers.js'
import type { BuildContext } from '../stages.js'
import { code, fileLine, present } from '../words.js'
import { clip } from '../../core/text.js'
import type { SourceLocation } from '../../core/model.js'

interface Copied {
  /** The failing COPY or ADD instruction; unknown when the output kept only the builder's message. */
  instruction?: string
  /** The missing file, relative to the build context. */
  file: string
  /** The build context, relative to the repository (`.` at its root). */
  context: string
}

type Facts = Copied &
  (
    | { kind: 'dockerignored'; pattern: string; ignoreAt: SourceLocation }
    | { kind: 'renamed'; renamed: string }
    | { kind: 'absent' }
    /** The build context is not on disk to look in (a log read apart from its repository): the builder's two causes. */
    | { kind: 'unchecked' }
    /** The installer (Poetry, or uv's build backend) needs `file` to install the project, and no step copied it. */
    | {
        kind: 'not-copied'
        tool: 'poetry' | 'uv'
        what: 'readme' | 'package' | 'path dependency'
        imagePath: string
        stepAt?: SourceLocation
        copyAt?: SourceLocation
      }
    /** pip or uv was told to read a requirements file that is not in the image; `inContext` when the context was read. */
    | { kind: 'not-in-image'; tool: 'pip' | 'uv'; inContext?: boolean; stepAt?: SourceLocation }
    /** The legacy builder refuses a source above the build context (`COPY ../requirements.txt .`): `file` as written. */
    | { kind: 'outside-context' }
  )

/** Where the file went: the `.dockerignore` line that excludes it, else the closest existing name, else nowhere. */
function whereItWent(ctx: BuildContext, copied: Copied): Facts {
  if (!contextOnDisk(ctx.contextDir)) return { ...copied, kind: 'unchecked' }
  const ignored = existsInContext(ctx.contextDir, copied.file) ? dockerignoreLine(ctx.contextDir, copied.file) : undefined
  if (ignored) {
    const ignoreAt = { file: rel(ctx, path.join(ctx.contextDir, '.dockerignore')), line: ignored.line }
    return { ...copied, kind: 'dockerignored', pattern: ignored.pattern, ignoreAt }
  }
  const renamed = closestExistingFile(ctx.contextDir, copied.file)
  return renamed ? { ...copied, kind: 'renamed', renamed } : { ...copied, kind: 'absent' }
}

function contextOnDisk(contextDir: string): boolean {
  try {
    return fs.readdirSync(contextDir).length > 0
  } catch {
    return false
  }
}

// Without a COPY or ADD step header, only the builder's words say the failing step was one.
const COPY_WORDS = /(?:COPY|ADD) failed|failed to compute cache key|failed to calculate checksum/

/** A COPY or ADD step whose missing source the builder names in words `message` matches. */
function copySourceMissing(name: string, message: RegExp): Rule<Facts> {
  return {
    stage: 'build',
    name,
    detect(ctx): Finding<Facts> | undefined {
      const text = [ctx.failure.message, ...ctx.failure.stepOutput].join('\n')
      const match = text.match(message)
      // A COPY of an ONBUILD trigger fails under its FROM: the builder's words say it was a copy.
      const instruction = ctx.failure.instruction && /^(COPY|ADD)\b/i.test(ctx.failure.instruction) ? ctx.failure.instruction : undefined
      if (!match || !(instruction || COPY_WORDS.test(text))) return undefined
      const file = path.posix.normalize(match[1].replace(/^\/+/, ''))
      const facts = whereItWent(ctx, { instruction, file, context: rel(ctx, ctx.contextDir) })
      return {
        facts,
        evidence: present(match[0], ctx.failure.message),
        pointers: pointers(stepLocation(ctx), facts.kind === 'dockerignored' ? facts.ignoreAt : undefined)
      }
    }
  }
}

// The legacy builder's wordings (Docker 20.10+, then before: a path in the builder's temporary copy), then BuildKit's.
const statFailed = copySourceMissing(
  'the builder cannot stat the copied file',
  /stat (?:\/var\/lib\/docker\/tmp\/docker-builder\d+\/)?([^:\n]+): (?:file does not exist|no such file or directory)/
)
const sourceNotFound = copySourceMissing('the builder does not find the copied file', /"\/?([^"\n]+)"(?::)? not found/)

/** The COPY that brings pyproject.toml in (where the readme should be added), before the failing line. */
function projectCopy(ctx: BuildContext, before: number | undefined): SourceLocation | undefined {
  if (!ctx.dockerfileText) return undefined
  const copies = stageLines(ctx.dockerfileText).filter(
    ({ line, text }) => /^\s*(COPY|ADD)\b/i.test(text) && /pyproject\.toml/.test(text) && (!before || line < before)
  )
  const last = copies[copies.length - 1]
  return last ? { file: rel(ctx, ctx.dockerfile), line: last.line } : undefined
}

const readmeNotCopied: Rule<Facts> = {
  stage: 'build',
  name: 'the installer needs a project file (its readme, its package), which was not copied',
  detect(ctx): Finding<Facts> | undefined {
    const missing = parseProjectFileMissing(installerLines(ctx.failure))
    if (!missing) return undefined
    const stepAt = stepLocation(ctx)
    const copyAt = projectCopy(ctx, stepAt?.line)
    const file = path.posix.basename(missing.path)
    const facts: Facts = {
      instruction: ctx.failure.instruction ?? `${missing.tool} install`,
      file,
      context: rel(ctx, ctx.contextDir),
      kind: 'not-copied',
      tool: missing.tool,
      what: missing.what,
      imagePath: missing.path,
      stepAt,
      copyAt
    }
    return { facts, evidence: missing.evidence, pointers: pointers(stepAt, copyAt) }
  }
}

// The legacy builder's refusal (BuildKit cleans the `..` away and reports the file not found instead).
const FORBIDDEN_PATH = /(?:COPY|ADD) failed: forbidden path outside the build context: (.+?) \(/

const outsideContext: Rule<Facts> = {
  stage: 'build',
  name: 'the builder refuses a source outside the build context',
  detect(ctx): Finding<Facts> | undefined {
    const text = [ctx.failure.message, ...ctx.failure.stepOutput].join('\n')
    const match = text.match(FORBIDDEN_PATH)
    if (!match) return undefined
    const instruction = ctx.failure.instruction && /^(COPY|ADD)\b/i.test(ctx.failure.instruction) ? ctx.failure.instruction : undefined
    const facts: Facts = { instruction, file: match[1].trim(), context: rel(ctx, ctx.contextDir), kind: 'outside-context' }
    return { facts, evidence: [match[0].replace(/ \($/, '')], pointers: pointers(stepLocation(ctx)) }
  }
}

// pip's words for a `-r`/`-c` file it cannot open (every pip since 1.x, `ERROR: ` from 10 on), then uv's.
const REQUIREMENTS_UNREADABLE: { tool: 'pip' | 'uv'; pattern: RegExp }[] = [
  { tool: 'pip', pattern: /Could not open requirements file: \[Errno 2\] No such file or directory: '([^']+)'/ },
  { tool: 'uv', pattern: /error: File not found: `([^`]+)`/ }
]

const requirementsNotInImage: Rule<Facts> = {
  stage: 'build',
  name: 'the installer cannot open a requirements file that is not in the image',
  detect(ctx): Finding<Facts> | undefined {
    for (const { tool, pattern } of REQUIREMENTS_UNREADABLE) {
      const hit = ctx.failure.stepOutput.map((line) => line.match(pattern)).find(Boolean)
      if (!hit) continue
      const file = path.posix.normalize(hit[1])
      const stepAt = stepLocation(ctx)
      const inContext = contextOnDisk(ctx.contextDir) ? existsInContext(ctx.contextDir, file.replace(/^\/+/, '')) : undefined
      const facts: Facts = {
        instruction: ctx.failure.instruction,
        file,
        context: rel(ctx, ctx.contextDir),
        kind: 'not-in-image',
        tool,
        inContext,
        stepAt
      }
      return { facts, evidence: [hit.input!.trim()], pointers: pointers(stepAt) }
    }
    return undefined
  }
}

const inContext = (context: string) => (context === '.' ? 'the build context' : `the build context ${code(context)}`)

function words(facts: Facts): { summary: string; remedy: string } {
  const copies = facts.instruction ? `${code(clip(facts.instruction, 80))} copies ${code(facts.file)}` : `A COPY step copies ${code(facts.file)}`
  switch (facts.kind) {
    case 'dockerignored':
      return {
        summary: `${copies}, which ${code('.dockerignore')} excludes (${code(facts.pattern)}, ${code(fileLine(facts.ignoreAt))}).`,
        remedy:
          `Remove or narrow the ${code(facts.pattern)} line of ${code('.dockerignore')} ` +
          `(or add ${code(`!${facts.file}`)} after it) so the file reaches the build.`
      }
    case 'renamed':
      return {
        summary: `${copies}, which is not in ${inContext(facts.context)} — the closest name there is ${code(facts.renamed)}.`,
        remedy: `Copy ${code(facts.renamed)} (or rename it back to ${code(facts.file)}).`
      }
    case 'not-copied': {
      if (facts.what === 'path dependency') return pathDependencyWords(facts)
      const copy = facts.copyAt ? ` to the COPY of ${code('pyproject.toml')} (${code(fileLine(facts.copyAt))})` : ' before this step'
      const noRoot = facts.tool === 'poetry' ? code('poetry install --no-root') : code('uv sync --no-install-project')
      return {
        summary:
          `${code(clip(facts.instruction ?? `${facts.tool} install`, 80))} installs the project itself, which needs its ${facts.what} ${code(facts.file)}, ` +
          `and no step copied it into the image before this step (${code(facts.imagePath)} ${facts.what === 'readme' ? 'does not exist' : 'has no files'}).`,
        remedy:
          `Install only the dependencies at this step (${noRoot}` +
          (facts.tool === 'poetry' ? `, or ${code('package-mode = false')} under ${code('[tool.poetry]')}` : '') +
          `), or add ${code(facts.file)}${copy}.`
      }
    }
    case 'not-in-image':
      return notInImage(facts)
    case 'outside-context':
      return {
        summary: `${copies}, which is outside ${inContext(facts.context)}: the builder sees only the files under it.`,
        remedy:
          `Build from a directory that holds ${code(facts.file.replace(/^(\.\.\/)+/, ''))} (with Compose, the service's ` +
          `${code('build.context')}, the Dockerfile named relative to it) and copy it by its path there, without ${code('..')}.`
      }
    case 'unchecked':
      return {
        summary: `${copies}, which the builder did not find in the build context: it is not there, or ${code('.dockerignore')} excludes it.`,
        remedy:
          `Commit ${code(facts.file)} (or fix the path in the Dockerfile, relative to the build context), and check that no ` +
          `${code('.dockerignore')} line excludes it (a later ${code(`!${facts.file}`)} line brings it back).`
      }
    case 'absent':
      return {
        summary: `${copies}, which is not in ${inContext(facts.context)}.`,
        remedy: `Commit ${code(facts.file)}, or fix the path in the Dockerfile; paths are relative to ${inContext(facts.context)}.`
      }
  }
}

function notInImage(facts: Extract<Facts, { kind: 'not-in-image' }>): { summary: string; remedy: string } {
  const reader = facts.tool === 'pip' ? code('pip install -r') : code('uv pip install -r')
  const context = inContext(facts.context)
  const where =
    facts.inContext === true ? `; it is in ${context}, but no step before this one copies it` : facts.inContext === false ? `, nor in ${context}` : ''
  return {
    summary: `${reader} reads ${code(facts.file)}, which is not in the image at that step${where}.`,
    remedy:
      `Copy it in before the install (${code(`COPY ${path.posix.basename(facts.file)} .`)}; the path is read from the step's ` +
      `${code('WORKDIR')}), and keep it inside the build context: with Compose, under the service's ${code('build.context')}.`
  }
}

/** uv's lock file names a local package by its path, and no step copied that folder in before `uv sync`. */
function pathDependencyWords(facts: Extract<Facts, { kind: 'not-copied' }>): { summary: string; remedy: string } {
  const step = code(clip(facts.instruction ?? 'uv sync', 80))
  return {
    summary:
      `${step} installs the local package ${code(facts.imagePath)} that the lock file names by its path, and no step copied it ` +
      'into the image before this step.',
    remedy:
      `Copy ${code(facts.file)} into the image (to ${code(facts.imagePath)}) before this step, or install the dependencies ` +
      `first without the workspace's own packages (${code('uv sync --frozen --no-install-workspace')}) and sync again after the COPY of the source.`
  }
}

export default defineReason({
  id: 'build-file-missing',
  title: 'File missing from the build context',
  headline: 'a copied file is missing',
  readme:
    '`COPY`/`ADD` of a file not in the build context: the `.dockerignore` line that excludes it, or the closest existing name; ' +
    "Poetry's `Readme path … does not exist`: the COPY to add it to, or `--no-root`; a `-r` requirements file pip or uv " +
    'cannot open (not copied, or outside the build context)',
  fixtures: [
    { path: '__fixtures__/build/cases/copy-renamed', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/copy-dockerignored', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/cases/requirements-not-copied', test: '__tests__/build-diagnosis.itg.ts', via: '__tests__/helpers/build-cases.ts' },
    { path: '__fixtures__/build/installers/poetry-readme-missing', test: '__tests__/installers.itg.ts', via: '__tests__/helpers/installer-cases.ts' }
  ],
  rules: [statFailed, sourceNotFound, outsideContext, readmeNotCopied, requirementsNotInImage],
  words
})
