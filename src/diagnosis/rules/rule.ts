// What a rule is, and the small wording helpers every family shares.
import type { Diagnosis, ReasonId, SourceLocation } from '../../model.js'
import type { RuleContext, Traceback } from '../context.js'

export interface DiagnosisRule {
  reason: ReasonId
  explain(rc: RuleContext): Diagnosis | undefined
}

/** Inline code for a summary or remedy (a backtick inside would end the span). */
export const code = (text: string | number) => `\`${String(text).replace(/`/g, "'")}\``

/** `file:line` of a repository location. */
export const fileLine = (location: SourceLocation) => `${location.file}:${location.line}`

/** " (`file:line`)" after a sentence's subject, or nothing. */
export const where = (location: SourceLocation | undefined) => (location ? ` (${code(fileLine(location))})` : '')

export const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:|$)/

/** Evidence lines that exist, in order. */
export function present(...lines: (string | undefined)[]): string[] {
  return lines.filter((line): line is string => Boolean(line))
}

/** The exception's class name without its module is one of these. */
export function exceptionIs(tb: Traceback, ...types: string[]): boolean {
  const last = tb.exception.type.slice(tb.exception.type.lastIndexOf('.') + 1)
  return types.includes(last)
}
