// The small wording helpers every reason's templates share.
import type { SourceLocation } from '../core/model.js'

/** Inline code for a summary or remedy (a backtick inside would end the span). */
export const code = (text: string | number) => `\`${String(text).replace(/`/g, "'")}\``

/** `file:line` of a repository location. */
export const fileLine = (location: SourceLocation) => `${location.file}:${location.line}`

/** A frame's `file:line`: the repository's path when it has the file, else the file's name as the traceback printed it. */
export const frameAt = (frame: { frame: { file: string; line: number }; location?: SourceLocation } | undefined): string | undefined =>
  frame ? (frame.location ? fileLine(frame.location) : `${frame.frame.file.split('/').pop()}:${frame.frame.line}`) : undefined

/** " (`file:line`)" after a sentence's subject, or nothing. */
export const where = (location: SourceLocation | undefined) => (location ? ` (${code(fileLine(location))})` : '')

/** Evidence lines that exist, in order. */
export function present(...lines: (string | undefined)[]): string[] {
  return lines.filter((line): line is string => Boolean(line))
}
