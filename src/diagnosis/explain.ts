// Runs the registry's rules of one stage in order; the first finding, worded by its reason, is the diagnosis.
import type { Diagnosis, SourceLocation } from '../core/model.js'
import type { Finding, Reason, Stage, StageInputs } from './reason.js'
import { REASONS, type ReasonId } from './registry.js'
import type { BuildContext } from './stages.js'
import type { RuleContext } from './context.js'
import { callerAt, importerWords } from './rules/config-frames.js'

const MAX_EVIDENCE_LINES = 12

export interface Explanation {
  diagnosis: Diagnosis
  /** Every repository line worth an annotation, the diagnosis location first. */
  pointers: SourceLocation[]
  /** The rule that recognised the run, for tests and the debug log. */
  rule: string
}

export function explain<S extends Stage>(stage: S, input: StageInputs[S]): Explanation | undefined {
  if (stage === 'build') return explainBuild(input as BuildContext)
  return firstFinding(stage, input)
}

function firstFinding<S extends Stage>(stage: S, input: StageInputs[S], skip?: ReasonId): Explanation | undefined {
  for (const reason of REASONS as readonly Reason<ReasonId>[]) {
    if (reason.id === skip) continue
    for (const rule of reason.rules) {
      if (rule.stage !== stage) continue
      const finding = (rule.detect as (input: StageInputs[S]) => Finding<unknown> | undefined)(input)
      if (!finding) continue
      const explanation = { ...worded(reason, finding, stage === 'boot'), rule: rule.name }
      return stage === 'boot' ? withConfigCaller(input as RuleContext, explanation) : explanation
    }
  }
  return undefined
}

/**
 * The failing step's output first; when it explains nothing beyond "the step failed", the whole output, whatever
 * frames it (an installer's message printed outside the step the builder blamed, or in a log whose framing was cut).
 * The step and its Dockerfile line stay those the builder named.
 */
function explainBuild(ctx: BuildContext): Explanation | undefined {
  const fromStep = firstFinding('build', ctx)
  if (fromStep && fromStep.diagnosis.reason !== 'build-failed') return fromStep
  const { output } = ctx.failure
  const whole = { ...ctx, failure: { ...ctx.failure, stepOutput: output, outputTail: output.slice(-30) } }
  return firstFinding('build', whole, 'build-failed') ?? fromStep
}

/** A booted run's evidence is deduplicated and capped (a log repeats itself); a build's is kept as pip printed it. */
function worded(reason: Reason<ReasonId>, finding: Finding<unknown>, trim: boolean): Omit<Explanation, 'rule'> {
  const { summary, remedy } = reason.words(finding.facts)
  const pointers = finding.pointers ?? (finding.location ? [finding.location] : [])
  const location = finding.location ?? pointers[0]
  const evidence = trim
    ? finding.evidence.filter((line, index, all) => line.trim() !== '' && all.indexOf(line) === index).slice(0, MAX_EVIDENCE_LINES)
    : finding.evidence
  return {
    diagnosis: { reason: reason.id, summary, evidence, ...(location ? { location } : {}), remedy },
    pointers
  }
}

/**
 * A booted run's failure raised in a module the Gunicorn config file imports or calls from a hook: whatever the
 * reason, the summary names the config file as the way in (unless the reason's words already do) and its line is
 * annotated too.
 */
function withConfigCaller(rc: RuleContext, explanation: Explanation): Explanation {
  const caller = callerAt(rc, explanation.diagnosis.location)
  if (!caller) return explanation
  const { diagnosis } = explanation
  const { location } = caller.config
  const known = explanation.pointers.some((p) => location && p.file === location.file && p.line === location.line)
  const pointers = location && !known ? [...explanation.pointers, location] : explanation.pointers
  if (diagnosis.summary.includes(`\`${caller.config.file}\``)) return { ...explanation, pointers }
  const summary = `${diagnosis.summary.replace(/\.$/, '')}; ${importerWords(caller)}.`
  return { ...explanation, diagnosis: { ...diagnosis, summary }, pointers }
}
