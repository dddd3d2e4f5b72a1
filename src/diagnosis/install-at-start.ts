// pip run by the container's entrypoint when it starts (`pip install -r requirements.txt && gunicorn …`), not in
// the build: its refusal in the container's log is read the way the build reasons read a failed build, with the
// repository's requirements files around it. The log is turned into a build's output once per run, and only when
// a line of it looks like pip's verdict.
import path from 'node:path'
import { parseBuildFailure } from '../docker/build-output.js'
import type { RuleContext } from './context.js'
import type { Rule } from './reason.js'
import type { BuildContext } from './stages.js'

const PIP_VERDICT =
  /ResolutionImpossible|The conflict is caused by|have conflicting dependencies|Could not find a version that satisfies|requires a different Python|requires Python '[^']*' but the running Python|Failed building wheel|subprocess-exited-with-error|pg_config executable not found/

const EDGE_LINES = 10_000

const READ = new WeakMap<RuleContext, BuildContext | null>()

/** The container's log as the output of a failed install, when pip said why it failed. */
function installOutput(rc: RuleContext): BuildContext | undefined {
  if (!READ.has(rc)) {
    const all = rc.ctx.lines
    // pip's output opens the container's log, and its verdict ends it when the start command stops there: a flooded
    // log's middle is not read (its head and tail are).
    const lines = (all.length > 2 * EDGE_LINES ? [...all.slice(0, EDGE_LINES), ...all.slice(-EDGE_LINES)] : all).map((line) => line.text)
    const { repoRoot, contextDir, dockerfile } = rc.ctx.paths
    READ.set(
      rc,
      lines.some((line) => PIP_VERDICT.test(line))
        ? { failure: parseBuildFailure(lines), workspace: repoRoot, contextDir, dockerfile: dockerfile ?? path.join(contextDir, 'Dockerfile') }
        : null
    )
  }
  return READ.get(rc) ?? undefined
}

/** A build rule of pip's, applied to the container's log: pip ran when the container started. */
export function atStart<Facts>(rule: Rule<Facts>): Rule<Facts> {
  if (rule.stage !== 'build') throw new Error(`${rule.name} is not a build rule`)
  const build = rule
  return {
    stage: 'boot',
    name: `${rule.name} (pip run when the container started)`,
    detect(rc) {
      const install = installOutput(rc)
      return install ? build.detect(install) : undefined
    }
  }
}
