// A log line that is one JSON object (python-json-logger, structlog's JSONRenderer, Docker's json-file driver,
// Cloud Logging's and Azure's exports, `az containerapp logs show`'s `Log`): the text the program wrote is in its message field, a traceback in its
// exception field, each with the newlines it had. The parser reads those texts as lines of their own.
import type { LogLine } from '../core/model.js'
import { stripLinePrefixes } from './line-prefix.js'

/** Where loggers and collectors keep the program's text, in the order it was written. */
const MESSAGE_FIELDS = ['message', 'msg', 'event', 'log', 'Log', 'textPayload', 'MESSAGE', 'body']
const EXCEPTION_FIELDS = ['exc_info', 'exception', 'exc_text', 'stack_trace', 'traceback', 'stack', 'error']

/** The lines a JSON log line carries, or undefined when the line is not a JSON object with a text field. */
export function jsonLogLines(text: string, depth = 0): string[] | undefined {
  const start = text.search(/\S/)
  if (text.charCodeAt(start) !== 123 /* { */ || !text.trimEnd().endsWith('}')) return undefined
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof record !== 'object' || record === null) return undefined
  const texts = [...fieldTexts(record, MESSAGE_FIELDS), ...fieldTexts(record, EXCEPTION_FIELDS)]
  if (texts.length === 0) return undefined
  const lines = texts.flatMap((value) => value.replace(/\n$/, '').split('\n'))
  // A JSON formatter's record inside a collector's (an app's JSON logs in Docker's json-file): read the inner one too.
  return depth > 0 ? lines : lines.flatMap((line) => (line.charCodeAt(0) === 123 ? (jsonLogLines(line, depth + 1) ?? [line]) : [line]))
}

function fieldTexts(record: object, fields: readonly string[]): string[] {
  const values = record as Record<string, unknown>
  const nested = values.jsonPayload
  const texts: string[] = []
  for (const field of fields) {
    const value = values[field] ?? (typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>)[field] : undefined)
    if (typeof value === 'string' && value.trim() !== '') texts.push(value)
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) texts.push(value.join('\n'))
  }
  return texts
}

/**
 * The lines as the program wrote them, for rules that read line texts: each JSON record replaced by the texts it
 * carries, a Windows line end (`\r`) dropped. The same array when there is nothing to change.
 */
export function recordTexts(lines: LogLine[]): LogLine[] {
  const endsInCr = (text: string) => text.charCodeAt(text.length - 1) === 13 /* \r */
  if (!lines.some((line) => opensRecord(line.text) || line.text.includes('{"') || endsInCr(line.text))) return lines
  return lines.flatMap((line) => {
    const text = endsInCr(line.text) ? line.text.slice(0, -1) : line.text
    const texts = recordLines(text)
    return texts ? texts.map((part) => ({ ...line, text: part })) : [text === line.text ? line : { ...line, text }]
  })
}

/** The texts a line carries when it is a JSON record, also one after a shipper's prefix; else undefined. */
export function recordLines(text: string): string[] | undefined {
  const record = recordAfterPrefix(text)
  return record === undefined ? undefined : jsonLogLines(record)
}

/** The line when it is a record, or the record after a shipper's prefix (`2025-… {"log": …}`); else undefined. */
function recordAfterPrefix(text: string): string | undefined {
  if (opensRecord(text)) return text
  if (!text.includes('{"')) return undefined
  const rest = stripLinePrefixes(text)
  return opensRecord(rest) ? rest : undefined
}

/** The first character after any blanks is `{` (checked without copying the line). */
export function opensRecord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9) return code === 123 /* { */
  }
  return false
}
