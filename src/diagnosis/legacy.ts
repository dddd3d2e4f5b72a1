// Bridges a rule written before the registry (one `explain()` that detects, locates and words at once) into the
// Rule shape, while its family is rewritten as facts and words. A reason using it words its findings as they come.
import type { Diagnosis, SourceLocation } from '../model.js'
import type { Rule, StageInputs, Words } from './reason.js'

interface LegacyRule<S extends 'boot' | 'build'> {
  explain(input: StageInputs[S]): (Diagnosis & { pointers?: SourceLocation[] }) | undefined
}

export function legacyRule<S extends 'boot' | 'build'>(stage: S, name: string, rule: LegacyRule<S>): Rule<Words> {
  const detect = (input: StageInputs[S]) => {
    const diagnosis = rule.explain(input)
    if (!diagnosis) return undefined
    const { summary, remedy, evidence, location, pointers } = diagnosis
    return { facts: { summary, remedy }, evidence, location, pointers }
  }
  return { stage, name, detect } as Rule<Words>
}

export const asIs = (words: Words): Words => words
