// The start command is a script the kernel could not run: Windows line endings, no `#!` line, an interpreter the
// image lacks, no executable bit, or not in the image at all. The container ends before Gunicorn starts, with one
// line from runc or the shell and nothing else, so the repository's copy of the script says which.
import path from 'node:path'
import { defineReason, type Finding, type Rule } from '../reason.js'
import type { StartContext } from '../stages.js'
import {
  refusalAtRun,
  refusalIn,
  scriptInRepository,
  scriptProblem,
  startProgram,
  type ScriptProblem,
  type UnrunnableScript
} from '../rules/start-scripts.js'
import { dockerignoreLine } from '../build-context.js'
import { lastCommandLine } from '../container-paths.js'
import { RepoFiles, type RuleContext } from '../context.js'
import { repoRelative } from '../../core/paths.js'
import { code, fileLine, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Facts extends UnrunnableScript {
  /** The Dockerfile's CMD or ENTRYPOINT line that runs it. */
  command?: SourceLocation
  /** The `.dockerignore` line that keeps the script out of the image. */
  ignoredBy?: SourceLocation & { pattern: string }
}

const FIRST_LINE_PROBLEMS: readonly ScriptProblem[] = ['crlf', 'no-shebang', 'byte-order-mark', 'interpreter-missing']

/** The container started, and runc or the shell refused the script: the log's one line. */
const refusedInContainer: Rule<Facts> = {
  stage: 'boot',
  name: 'runc or the shell could not run the start script',
  detect(rc) {
    // Also while a supervisor (supervisord, a host's init) keeps the container running and restarts the refused script.
    if (rc.ofKind('master-start').length > 0) return undefined
    const refusal = refusalIn(rc.ctx.lines)
    if (!refusal) return undefined
    const script = refusal.script ?? startProgram(rc.ctx.image?.started)
    if (!script) return refusal.failure === 'crlf' ? unnamedScript(rc, refusal.line) : undefined
    const inContext = scriptInRepository(script, rc.ctx.paths.workdir, (relative) => rc.repo.isFile(rc.inContext(relative)))
    const file = inContext === undefined ? undefined : rc.inContext(inContext)
    const found = scriptProblem({ ...refusal, script }, file === undefined ? undefined : rc.repo.read(file))
    if (!found) return undefined
    const commandLine = rc.dockerCommandLine()
    const command = commandLine && { file: commandLine.file, line: commandLine.line }
    const atFirstLine = file !== undefined && FIRST_LINE_PROBLEMS.includes(found.problem) ? { file, line: 1 } : undefined
    const location = atFirstLine ?? command
    return {
      facts: { ...found, script, file, line: refusal.line, command },
      evidence: [refusal.line, ...(commandLine ? [commandLine.text] : [])],
      location,
      pointers: [atFirstLine, command].filter((pointer): pointer is SourceLocation => pointer !== undefined)
    }
  }
}

/** Line endings the refusal shows by itself, with no script named (a log without the image's command). */
function unnamedScript(rc: RuleContext, line: string): Finding<Facts> {
  const commandLine = rc.dockerCommandLine()
  const command = commandLine && { file: commandLine.file, line: commandLine.line }
  return { facts: { problem: 'crlf', script: '', line, command }, evidence: present(line, commandLine?.text), location: command }
}

/** `docker run` failed: runc refused the script before the container started. */
const refusedAtRun: Rule<Facts> = {
  stage: 'start',
  name: 'docker run refused the start script',
  detect(ctx: StartContext) {
    const refusal = refusalAtRun(ctx.message)
    if (!refusal?.script) return undefined
    // Without the build context (an `image` input), the refusal alone.
    const context = ctx.context
    const repo = context && new RepoFiles(context.repoRoot)
    const relativeToRoot = (relative: string) => repoRelative(context!.repoRoot, path.join(context!.dir, relative))
    const inContext = repo && scriptInRepository(refusal.script, undefined, (relative) => repo.isFile(relativeToRoot(relative)))
    const found = scriptProblem(refusal, inContext === undefined ? undefined : repo!.read(relativeToRoot(inContext)))
    // A program that is not there and not the repository's script (a virtualenv's python): the start command's.
    if (!found || (found.problem === 'not-in-image' && inContext === undefined && !/\.sh$/.test(refusal.script))) return undefined
    const ignored = context && inContext !== undefined ? dockerignoreLine(context.dir, inContext) : undefined
    const commandLine = ctx.dockerfile && lastCommandLine(ctx.dockerfile.text)
    const command = ctx.dockerfile && commandLine && { file: ctx.dockerfile.file, line: commandLine.line }
    const ignoredAt = ignored && { file: relativeToRoot('.dockerignore'), line: ignored.line }
    const ignoredBy = ignoredAt && { ...ignoredAt, pattern: ignored.pattern }
    return {
      facts: {
        ...found,
        script: refusal.script,
        file: inContext === undefined ? undefined : relativeToRoot(inContext),
        line: ctx.message,
        command,
        ignoredBy
      },
      evidence: [ctx.message],
      location: ignoredAt ?? command,
      pointers: [ignoredAt, command].filter((pointer): pointer is SourceLocation => pointer !== undefined)
    }
  }
}

const shown = (facts: Facts) => `${code(facts.script)}${where(facts.file === undefined ? undefined : { file: facts.file, line: 1 })}`

const EXITS = 'so the container exits before Gunicorn starts'

function summary(facts: Facts): string {
  const script = facts.script ? `The start script ${shown(facts)}` : 'The start script'
  switch (facts.problem) {
    case 'crlf':
      // Run by a shell (`sh start.sh`, `. start.sh`), its lines' commands end in the carriage return instead.
      return facts.line?.includes(': not found')
        ? `${script} has Windows (CRLF) line endings: the shell reads each command with a carriage return at its end, which no program is named, ${EXITS}.`
        : `${script} has Windows (CRLF) line endings: its \`#!\` line names an interpreter ending in a carriage return, which no image has, ${EXITS}.`
    case 'no-shebang':
      return `${script} has no \`#!\` line: the kernel cannot run it (\`exec format error\`), ${EXITS}.`
    case 'byte-order-mark':
      return `${script} begins with a UTF-8 byte order mark before its \`#!\`: the kernel cannot read that line, ${EXITS}.`
    case 'interpreter-missing':
      return facts.interpreter
        ? `${script} names ${code(facts.interpreter)} in its \`#!\` line, which the image does not have, ${EXITS}.`
        : `${script} could not run: the interpreter its \`#!\` line names is not in the image (or the file has Windows line endings), ${EXITS}.`
    case 'not-executable':
      return `${script} is not executable (no \`x\` permission in the image), so it was refused and Gunicorn never started.`
    case 'not-in-image': {
      const ignored = facts.ignoredBy
        ? `: ${code(fileLine(facts.ignoredBy))} (${code(facts.ignoredBy.pattern)}) keeps it out of the build context`
        : ''
      return `The start command runs ${code(facts.script)}, which is not at that path in the image${ignored}, so the container could not start.`
    }
    case 'not-a-program':
      return (
        `The start command ${code(facts.script)} is neither a script with a \`#!\` line nor a program for this machine's ` +
        `platform (\`exec format error\`), ${EXITS}.`
      )
  }
}

function remedy(facts: Facts): string {
  const path = facts.file ?? (facts.script || '<script>')
  const file = code(path)
  const inImage = code(facts.script)
  switch (facts.problem) {
    case 'crlf':
      return (
        `Save ${file} with LF line endings (${code(`sed -i 's/\\r$//' ${path}`)}) and keep Git from converting it with ` +
        `${code('*.sh text eol=lf')} in \`.gitattributes\`; or strip them while building: ${code(`RUN sed -i 's/\\r$//' ${facts.script || path}`)}.`
      )
    case 'no-shebang':
      return `Add ${code('#!/bin/sh')} as the first line of ${file}, or run it through the shell: ${code(`ENTRYPOINT ["sh", "${facts.script}"]`)}.`
    case 'byte-order-mark':
      return `Save ${file} as UTF-8 without a byte order mark (the first two characters must be \`#!\`).`
    case 'interpreter-missing': {
      const name = facts.interpreter?.split('/').pop()
      if (!name || name === 'env')
        return `Check the first line of ${file}: the interpreter it names must be in the image, and the file saved with LF line endings.`
      const install = `${code(`apt-get install -y ${name}`)}, ${code(`apk add ${name}`)}`
      return `Install ${code(name)} in the image (${install}), or change the first line of ${file} to ${code('#!/bin/sh')} if it needs nothing of ${code(name)}'s own.`
    }
    case 'not-executable':
      return (
        `Make it executable in the repository (${code(`git update-index --chmod=+x ${path}`)}) or in the image ` +
        `(${code(`RUN chmod +x ${facts.script}`)}, or ${code('COPY --chmod=755')}), or run it as ${code(`sh ${facts.script}`)}.`
      )
    case 'not-in-image':
      return facts.ignoredBy
        ? `Remove ${code(facts.ignoredBy.pattern)} from ${code('.dockerignore')} (or add ${code(`!${path}`)} after it), so the COPY brings ${inImage} into the image.`
        : `Copy ${inImage} into the image where the command looks for it (the \`COPY\` that brings it, the \`WORKDIR\` the command runs in), or correct the path.`
    case 'not-a-program':
      return (
        "Build the image for the runner's platform (drop `--platform` from the `FROM` line, or set `platforms` to the runner's), " +
        'or add a `#!` line if it is a script.'
      )
  }
}

export default defineReason({
  id: 'start-script-unrunnable',
  title: 'Start script cannot run',
  headline: 'the start script cannot run',
  readme:
    'the start script the container runs was refused before Gunicorn started: saved with Windows (CRLF) line endings ' +
    '(`exec ./start.sh: no such file or directory`, `bash\\r`), without a `#!` line (`exec format error`), naming an ' +
    'interpreter the image lacks (`#!/bin/bash` on Alpine), without its executable bit, or kept out of the image by ' +
    '`.dockerignore`; the repository file and its first line are named',
  fixtures: [{ path: '__fixtures__/apps/fail-start-script-crlf', test: '__tests__/diagnosis.itg.ts' }],
  rules: [refusedAtRun, refusedInContainer],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
