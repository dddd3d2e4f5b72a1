// A virtualenv made in one stage of a multi-stage Dockerfile and run from the final one: where the start command
// expects it, the line that makes it, the COPY --from that should bring it (or its absence) and the CMD that runs it.
import path from 'node:path'
import { stageLines, type StageLine } from './installers.js'

export interface VenvAcrossStages {
  /** The virtualenv's directory in the image, e.g. `/app/.venv`. */
  venv: string
  /** `not-copied`: the final stage never copies it; `other-python`: it is copied, and its interpreter is not there. */
  kind: 'not-copied' | 'other-python'
  created: StageLine
  /** The final stage's `COPY --from=…` that brings it. */
  copied?: StageLine
  /** The final stage's FROM, and the FROM of the stage that made the virtualenv. */
  finalFrom: StageLine
  createdFrom?: StageLine
  /** The final stage's CMD or ENTRYPOINT (the last one). */
  command?: StageLine
}

// The commands that make a virtualenv (uv, Poetry and Pipenv make one in the project directory: `.venv`).
const MAKES_VENV = /-m\s+venv\b|\bvirtualenv\b|\buv\s+(venv|sync)\b|\bpoetry\s+install\b|\bpipenv\s+(install|sync)\b/

/**
 * How the final stage lacks the virtualenv whose program `executable` the start command runs (a path in it, or a
 * bare name found through an `ENV PATH=…/bin` of the final stage), when another stage makes that virtualenv.
 */
export function venvAcrossStages(dockerfileText: string, executable: string, target?: string): VenvAcrossStages | undefined {
  const lines = stageLines(dockerfileText).filter(({ text }) => !/^\s*#/.test(text))
  const finalStage = target ?? lines[lines.length - 1]?.stage
  const final = lines.filter((line) => line.stage === finalStage)
  const finalFrom = final.find(({ text }) => /^\s*FROM\b/i.test(text))
  if (!finalFrom) return undefined
  const workdir = lastWorkdir(final)
  const venv = venvOf(executable, final, workdir)
  if (!venv) return undefined
  const created = lines.find(({ stage, text }) => stage !== finalStage && /^\s*RUN\b/i.test(text) && makesVenv(text, venv))
  if (!created) return undefined
  const copied = final.find(({ text }) => copiesInto(text, venv, workdir))
  const createdFrom = lines.find(({ stage, text }) => stage === created.stage && /^\s*FROM\b/i.test(text))
  const command = [...final].reverse().find(({ text }) => /^\s*(CMD|ENTRYPOINT)\b/i.test(text))
  return { venv, kind: copied ? 'other-python' : 'not-copied', created, copied, finalFrom, createdFrom, command }
}

/** The virtualenv directory a program lives in: `/app/.venv/bin/python` → `/app/.venv`; a bare name via PATH. */
function venvOf(executable: string, final: StageLine[], workdir: string): string | undefined {
  const inBin = executable.match(/^(.*)\/bin\/[^/]+$/)?.[1]
  if (inBin) return path.posix.resolve(workdir, inBin)
  if (executable.includes('/')) return undefined
  const pathValue = final.map(({ text }) => text.match(/^\s*ENV\s+PATH[=\s]["']?([^"'\s]+)/i)?.[1]).filter(Boolean)
  const venvBin = pathValue
    .pop()
    ?.split(':')
    .find((dir) => /\/bin$/.test(dir) && !/^\/(usr|bin|sbin)|\$/.test(dir))
  return venvBin ? path.posix.resolve(workdir, venvBin.replace(/\/bin$/, '')) : undefined
}

function makesVenv(text: string, venv: string): boolean {
  return MAKES_VENV.test(text) || text.includes(venv) || text.includes(path.posix.basename(venv))
}

/** `COPY --from=builder /app/.venv /app/.venv` (or a parent of it: `COPY --from=builder /app /app`). */
function copiesInto(text: string, venv: string, workdir: string): boolean {
  const words = text.trim().split(/\s+/)
  if (!/^COPY$/i.test(words[0]) || !words.some((word) => /^--from=/i.test(word))) return false
  const dest = path.posix.resolve(workdir, words[words.length - 1].replace(/^["']|["']$/g, ''))
  return venv === dest || venv.startsWith(`${dest.replace(/\/$/, '')}/`)
}

function lastWorkdir(final: StageLine[]): string {
  let workdir = '/'
  for (const { text } of final) {
    const set = text.match(/^\s*WORKDIR\s+(\S+)/i)?.[1]
    if (set) workdir = path.posix.resolve(workdir, set)
  }
  return workdir
}
