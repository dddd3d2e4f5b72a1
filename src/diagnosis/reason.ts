// What one reason is: its id and words, the rules that recognise it at each stage of a run, its row in the
// README and the fixtures that produce it for real. One reason is one module in src/diagnosis/reasons/; the
// registry (registry.ts) lists them in the order their rules are tried.
import type { RuleContext } from './context.js'
import type { BuildContext, DependencyContext, ProfileContext, StartContext } from './stages.js'
import type { GunicornEvent } from '../gunicorn/log-parser.js'
import type { SourceLocation } from '../core/model.js'

/** Where in a run a rule looks: the failed build, a container that never started, the booted run, the profile. */
export interface StageInputs {
  build: BuildContext
  start: StartContext
  boot: RuleContext
  profile: ProfileContext
  dependencies: DependencyContext
}
export type Stage = keyof StageInputs

/** What a rule found: the facts the reason's words are made from, the lines that prove it and where it points. */
export interface Finding<Facts> {
  facts: Facts
  /** The log or build lines that prove it: the exception line, the frame in the user's code, the Gunicorn line. */
  evidence: string[]
  /** The repository line the failure is about. */
  location?: SourceLocation
  /** Every repository line worth an annotation (build rules: the Dockerfile step, the pins, the .dockerignore line). */
  pointers?: SourceLocation[]
}

/** One way of recognising a reason: detection and location only, never wording. */
export type Rule<Facts> = {
  [S in Stage]: {
    stage: S
    /** Names the rule in tests and in the order list. */
    name: string
    detect(input: StageInputs[S]): Finding<Facts> | undefined
  }
}[Stage]

/** What the report says: one sentence naming the culprit, and what to change. */
export interface Words {
  summary: string
  remedy: string
}

/** A fixture that produces the reason for real, and the integration test that runs it and asserts the reason. */
export interface FixtureRef {
  /** Relative to the repository root, e.g. `__fixtures__/apps/fail-missing-env`. */
  path: string
  /** The integration test that runs the fixture, e.g. `__tests__/diagnosis.itg.ts`. */
  test: string
  /** The file through which the test reaches the fixture, when it does not name it itself (a table, a script). */
  via?: string
}

/**
 * An HTTP answer's verdict before the timeout: the reason decides at the second identical wrong answer when its
 * hook recognises it (a known cause outside the app's health logic).
 */
export interface WrongAnswerHook {
  recognises(answer: { status?: number; body: string }, events: readonly GunicornEvent[]): boolean
}

export interface Reason<Id extends string = string, Facts = unknown> {
  id: Id
  /** Title of the annotation, after "Gunicorn smoke: ". */
  title: string
  /** What the comment headline says after "failed —". */
  headline: string
  /** The headline reads better with the culprit named: "missing dependency `gevent`". */
  namesCulprit?: true
  /** The README's "What it catches" row. */
  readme: string
  fixtures: readonly FixtureRef[]
  /** Tried in order; the first finding explains the run. */
  rules: readonly Rule<Facts>[]
  words(facts: Facts): Words
  wrongAnswer?: WrongAnswerHook
}

/** Declares a reason; the id keeps its literal type so the registry can compute `ReasonId`. */
export function defineReason<const Id extends string, Facts>(reason: Reason<Id, Facts>): Reason<Id, Facts> {
  return reason
}
