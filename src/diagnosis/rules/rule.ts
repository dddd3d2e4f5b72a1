// Small detection helpers every family shares (the wording helpers live in ../words.ts).
import type { Traceback } from '../context.js'

export { code, fileLine, frameAt, where, present } from '../words.js'

export const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:|$)/

/** The exception's class name without its module is one of these. */
export function exceptionIs(tb: Traceback, ...types: string[]): boolean {
  const last = tb.exception.type.slice(tb.exception.type.lastIndexOf('.') + 1)
  return types.includes(last)
}

/** A Gunicorn line without its `[time] [pid] [LEVEL] ` prefix, as quoted in a summary. */
export const withoutGunicornPrefix = (text: string): string => text.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, '')
