// The start command runs a program of a virtualenv that another stage of the Dockerfile made, and the final stage
// cannot run it: the virtualenv was never copied into it (each FROM starts over), or it was copied and its `python`
// links to an interpreter the final stage lacks (made by another Python: another base image, version or path).
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { defineReason, type Rule, type Words } from '../reason.js'
import type { StartContext } from '../stages.js'
import { venvAcrossStages, type VenvAcrossStages } from '../rules/venv-stages.js'
import type { StageLine } from '../rules/installers.js'
import { code, fileLine, where } from '../words.js'
import { clip } from '../../core/text.js'
import type { SourceLocation } from '../../core/model.js'
import { commandLine, firstLocation } from '../rules/locate.js'

type At = { line: StageLine; at: SourceLocation }

interface StageFacts {
  kind: VenvAcrossStages['kind']
  executable: string
  venv: string
  created: At
  copied?: At
  finalFrom: At
  createdFrom?: At
  command?: At
}

/** The virtualenv's own `gunicorn` script ran, and the Python it runs finds no `gunicorn`: another Python made it. */
interface ScriptFacts {
  kind: 'script-other-python'
  venv: string
  exceptionLine: string
  /** The Dockerfile's lines that copy the virtualenv from another stage. */
  stages: StageFacts
}

/** The start command names a virtualenv's program, and there is no such file: the virtualenv was never made there. */
interface MissingFacts {
  kind: 'venv-missing'
  executable: string
  venv: string
}

type Facts = StageFacts | ScriptFacts | MissingFacts

// runc's words when the program (or the interpreter a symlink points to) does not exist: `stat …: no such file or
// directory`, or `executable file not found in $PATH` for a bare name.
const NOT_THERE = /exec: "?([^":\s]+)"?: (?:stat \S+: no such file or directory|executable file not found in \$PATH)/

/** The facts and the lines to annotate, when the Dockerfile makes `executable`'s virtualenv in another stage. */
function acrossStages(dockerfile: { file: string; text: string; target?: string }, executable: string, evidence: string, commandGiven = false) {
  const found = venvAcrossStages(dockerfile.text, executable, dockerfile.target)
  if (!found) return undefined
  // A command given to the run (the `command` input, a Procfile) replaced the Dockerfile's CMD.
  if (commandGiven) found.command = undefined
  const at = (line: StageLine | undefined): At | undefined => (line ? { line, at: { file: dockerfile.file, line: line.line } } : undefined)
  const facts: StageFacts = {
    kind: found.kind,
    executable,
    venv: found.venv,
    created: at(found.created)!,
    copied: at(found.copied),
    finalFrom: at(found.finalFrom)!,
    createdFrom: at(found.createdFrom),
    command: at(found.command)
  }
  const lines = [
    facts.command,
    facts.copied ?? facts.created,
    facts.copied ? facts.createdFrom : undefined,
    facts.copied ? facts.finalFrom : undefined
  ]
  return {
    facts,
    evidence: [evidence, ...[facts.created, facts.copied, facts.command].flatMap((line) => (line ? [line.line.text.trim()] : []))],
    pointers: lines.flatMap((line) => (line ? [line.at] : []))
  }
}

/** `docker run` refused an exec-form command (runc checks the program, and a symlink's target, before starting). */
const startRefused: Rule<Facts> = {
  stage: 'start',
  name: "the start command's virtualenv is not usable in the final stage",
  detect(ctx: StartContext) {
    const executable = ctx.message.match(NOT_THERE)?.[1]
    return executable && ctx.dockerfile ? acrossStages(ctx.dockerfile, executable, ctx.message) : undefined
  }
}

// A shell (a shell-form CMD, a Procfile) or runc's init that could not run the program: dash's `not found`, bash's
// `No such file or directory` / `required file not found` (a script whose interpreter is gone), runc's `exec …`.
const SHELL_NOT_THERE =
  /^(?:\S*sh: (?:\d+: |line \d+: )?|exec )(\S+\/bin\/[^\s:]+):? (?:not found|[Nn]o such file or directory|cannot execute: required file not found)$/

/** The container started and exited at once: its shell or runc could not find the virtualenv's program. */
const exitedAtOnce: Rule<Facts> = {
  stage: 'boot',
  name: "the shell could not run the start command's virtualenv program",
  detect(rc) {
    if (rc.ctx.container.running || rc.ofKind('master-start').length > 0) return undefined
    const line = rc.ctx.lines.map((l) => l.text.trim()).find((text) => SHELL_NOT_THERE.test(text))
    const file = rc.dockerfile()
    const text = file && rc.repo.read(file)
    if (!line || !file || text === undefined) return undefined
    return acrossStages({ file, text }, line.match(SHELL_NOT_THERE)![1], line, rc.ctx.image?.commandGiven)
  }
}

// systemd's words for a unit whose ExecStart program is not there, and the shells' and runc's (above).
const SYSTEMD_NOT_THERE = /(?:Failed at step EXEC spawning|Failed to locate executable) (\/\S+): No such file or directory/
// A virtualenv's program: `<venv>/bin/gunicorn` (or its python, uvicorn), outside the system's own bin directories;
// a start script may name it relative to its directory (`./venv/bin/gunicorn`).
const VENV_PROGRAM = /^(.+)\/bin\/(?:gunicorn|python3?(?:\.\d+)?|uvicorn)$/

/** The program a line says is not there, when it is a virtualenv's. */
function missingVenvProgram(text: string): { executable: string; venv: string } | undefined {
  const executable = SYSTEMD_NOT_THERE.exec(text)?.[1] ?? SHELL_NOT_THERE.exec(text)?.[1] ?? NOT_THERE.exec(text)?.[1]
  const venv = executable && VENV_PROGRAM.exec(executable)?.[1]
  return executable && venv && !SYSTEM_PREFIX.test(venv) ? { executable, venv } : undefined
}

/** The virtualenv the command names is not there at all (no stage of the Dockerfile makes it elsewhere). */
const venvNeverMade: Rule<Facts> = {
  stage: 'boot',
  name: "the start command's virtualenv does not exist",
  detect(rc) {
    // Also while the container or host runs on (systemd, a supervisor): the refusal is the evidence.
    if (rc.ofKind('master-start').length > 0) return undefined
    const missing = rc.ctx.lines.flatMap(({ text }) => {
      const found = text.includes('/bin/') ? missingVenvProgram(stripLinePrefixes(text).trim()) : undefined
      return found ? [{ found, line: text.trim() }] : []
    })
    // A start script may look for the virtualenv's python first: Gunicorn's own program is the one it starts.
    const chosen = missing.find(({ found }) => found.executable.endsWith('/gunicorn')) ?? missing[0]
    if (!chosen) return undefined
    const evidence = [...new Set(missing.map(({ line }) => line))].slice(0, 3)
    return { facts: { kind: 'venv-missing', ...chosen.found }, evidence, location: firstLocation(commandLine(rc)) }
  }
}

function missingWords({ executable, venv }: MissingFacts): Words {
  return {
    summary:
      `The start command runs ${code(executable)}, which cannot be found where it runs: the virtualenv ${code(venv)} was never ` +
      'made there, Gunicorn was never installed into it, or the Python its scripts name is not there.',
    remedy:
      `Make the virtualenv before the command runs and install the app with Gunicorn into it (${code(`python -m venv ${venv}`)}, then ` +
      `${code(`${venv}/bin/pip install -r requirements.txt gunicorn`)}), or start Gunicorn from where it is installed (${code('python -m gunicorn')}).`
  }
}

const stage = (line: StageLine) => (line.stage ? `the stage ${code(line.stage)}` : 'another stage')
const quoted = (found: At) => `${code(clip(found.line.text.trim(), 80))} (${code(fileLine(found.at))})`

// A console script pip wrote into a virtualenv: `<venv>/bin/gunicorn`, outside the system's own bin directories.
const VENV_SCRIPT = /^(\/.+)\/bin\/gunicorn$/
const SCRIPT_FRAME = /File "(\/[^"]+\/bin\/gunicorn)", line \d+/
const SYSTEM_PREFIX = /^\/(?:usr(?:\/local)?|opt\/conda)?$/

/**
 * The virtualenv's `gunicorn` script raised `No module named 'gunicorn'`, and the Dockerfile copies that virtualenv
 * from another stage: the final stage's Python is not the one that made it (its `python` link resolves, but its
 * packages are under another `lib/pythonX.Y`).
 */
const scriptUnderAnotherPython: Rule<Facts> = {
  stage: 'boot',
  name: "the virtualenv's gunicorn script runs a Python that lacks the virtualenv's packages",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => /^No module named '?gunicorn'?$/.test(t.exception.message))
    // A paste that lost the traceback's header and indentation still shows the script's frame line.
    const script = tb && (tb.frames[0]?.file ?? rc.ctx.lines.map((line) => SCRIPT_FRAME.exec(line.text)?.[1]).find(Boolean))
    const venv = script && VENV_SCRIPT.exec(script)?.[1]
    if (!tb || !venv || SYSTEM_PREFIX.test(venv)) return undefined
    const file = rc.dockerfile()
    const text = file && rc.repo.read(file)
    const stages =
      file && text !== undefined ? acrossStages({ file, text }, `${venv}/bin/gunicorn`, tb.exception.line, rc.ctx.image?.commandGiven) : undefined
    // Without a Dockerfile that copies it from another stage, the same lines fit a virtualenv Gunicorn was never installed in.
    if (!stages) return undefined
    const facts: ScriptFacts = { kind: 'script-other-python', venv, exceptionLine: tb.exception.line, stages: stages.facts }
    return { facts, evidence: [...rc.tracebackEvidence(tb), ...stages.evidence.slice(1)], pointers: stages.pointers, location: stages.pointers[0] }
  }
}

function scriptWords({ venv, exceptionLine, stages }: ScriptFacts): Words {
  const copied = stages.copied ? `, copied from ${stage(stages.created.line)} at ${quoted(stages.copied)}` : ''
  return {
    summary:
      `The virtualenv ${code(venv)}${copied} has a ${code('gunicorn')} script, yet the Python it runs finds no Gunicorn ` +
      `(${code(exceptionLine)}): another Python made the virtualenv, and this one looks for its packages under another ${code('lib/pythonX.Y')}.`,
    remedy: remedy({ ...stages, kind: 'other-python' })
  }
}

function summary(facts: StageFacts): string {
  const runs = `The start command runs ${code(facts.executable)}${where(facts.command?.at)} from the virtualenv ${code(facts.venv)}`
  if (facts.kind === 'not-copied')
    return `${runs}, which ${stage(facts.created.line)} makes at ${quoted(facts.created)} and the final stage never copies: each FROM starts over.`
  return (
    `${runs}, copied from ${stage(facts.created.line)} at ${quoted(facts.copied!)}, and it does not run there: its ${code('python')} ` +
    `links to the interpreter that made it, which the final stage${where(facts.finalFrom.at)} does not have ` +
    `(built FROM another Python${facts.createdFrom ? ` at ${code(fileLine(facts.createdFrom.at))}` : ''}).`
  )
}

function remedy(facts: StageFacts): string {
  const from = facts.created.line.stage || '<stage>'
  if (facts.kind === 'not-copied')
    return (
      `Copy it into the final stage before its command: ${code(`COPY --from=${from} ${facts.venv} ${facts.venv}`)}` +
      `${facts.command ? ` above ${code(fileLine(facts.command.at))}` : ''}, or start Gunicorn from where the final stage installs it.`
    )
  return (
    `Build both stages FROM the same Python (one ${code('ARG')} for both FROM lines, the same version and path), or make the ` +
    `virtualenv in the final stage; with uv, ${code('UV_PYTHON_DOWNLOADS=never')} keeps it on the image's own Python ` +
    `(${code('uv venv --python /usr/local/bin/python3')}).`
  )
}

export default defineReason({
  id: 'venv-unusable',
  title: 'Virtualenv unusable in the final stage',
  headline: 'the virtualenv does not run in the final stage',
  readme:
    "the start command's virtualenv (`/app/.venv/bin/gunicorn`, `.venv/bin/python`) does not exist where it runs (never made: " +
    "systemd's `Failed at step EXEC spawning`), is missing from the final stage (never " +
    'copied) or was built by another Python (its `python` links to an interpreter the final stage lacks, or to another version, ' +
    "whose packages are elsewhere: `No module named 'gunicorn'` from the virtualenv's own script): the stage that makes it, the COPY and the CMD",
  fixtures: [{ path: '__fixtures__/apps/venv-stages', test: '__tests__/venv-stages.itg.ts' }],
  rules: [startRefused, exitedAtOnce, scriptUnderAnotherPython, venvNeverMade],
  words: (facts) =>
    facts.kind === 'script-other-python'
      ? scriptWords(facts)
      : facts.kind === 'venv-missing'
        ? missingWords(facts)
        : { summary: summary(facts), remedy: remedy(facts) }
})
