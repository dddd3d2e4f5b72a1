// Reads a report file that came from another run (a fork's pull_request run, via an artifact): untrusted input.
// Size first, then JSON, then the strict schema; the first problem ends it with one sentence naming the file.
// Nothing is taken from the file as Markdown: the renderer escapes every string it holds, like any RunReport's.
import fs from 'node:fs'
import path from 'node:path'
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv'
import type { ReportFile } from './file.js'
import { MAX_REPORT_BYTES, REPORT_FORMAT, reportSchema } from './schema.js'

// ajv is CommonJS: under ESM its default import is module.exports.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default

export class ReportFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ReportFileError'
  }
}

let validator: ValidateFunction | undefined
function validate(value: unknown): ErrorObject | undefined {
  // allErrors off: the first violation is enough to refuse, and a hostile file gets no more work than that.
  validator ??= new Ajv({ strict: true, allErrors: false, coerceTypes: false, useDefaults: false }).compile(reportSchema)
  return validator(value) ? undefined : (validator.errors?.[0] ?? ({ instancePath: '', message: 'is invalid' } as ErrorObject))
}

/** Where in the file and what, e.g. "/diagnosis/summary must NOT have more than 10000 characters". */
function describe(error: ErrorObject): string {
  const where = error.instancePath || 'the top level'
  const extra =
    error.keyword === 'additionalProperties'
      ? ` ('${String((error.params as { additionalProperty?: unknown }).additionalProperty).slice(0, 60)}')`
      : ''
  // Paths and names come from the file: printable ASCII only, so nothing in them can act on the log.
  return `${where} ${error.message ?? 'is invalid'}${extra}`.replace(/[^\x20-\x7e]/g, '?')
}

/**
 * The file itself, or the one JSON file in a folder (actions/download-artifact writes the artifact's files into a
 * folder, and the report's own name changes from run to run).
 */
function locate(where: string, label: string): { file: string; size: number; label: string } {
  const stat = fs.statSync(where)
  if (stat.isFile()) return { file: where, size: stat.size, label }
  if (!stat.isDirectory()) throw new ReportFileError(`The report file '${label}' is not a file.`)
  const found = fs.readdirSync(where).filter((name) => name.endsWith('.json'))
  const inside = found.length === 1 ? fs.statSync(path.join(where, found[0])) : undefined
  if (!inside?.isFile()) {
    throw new ReportFileError(
      `The folder '${label}' holds ${found.length} JSON files; 'publish-report' needs the report file or a folder with just that one.`
    )
  }
  return { file: path.join(where, found[0]), size: inside.size, label: `${label}/${found[0]}` }
}

/** The validated report; throws a ReportFileError (one sentence naming the file) on anything else. */
export function readReportFile(where: string, whereLabel = where): ReportFile {
  let located: { file: string; size: number; label: string }
  try {
    located = locate(where, whereLabel)
  } catch (error) {
    if (error instanceof ReportFileError) throw error
    throw new ReportFileError(`The report file '${whereLabel}' cannot be read (was the artifact downloaded to that path?).`, { cause: error })
  }
  const { file, size, label } = located
  if (size > MAX_REPORT_BYTES) {
    throw new ReportFileError(`The report file '${label}' is ${size} bytes, over the ${MAX_REPORT_BYTES}-byte limit: refused.`)
  }
  let value: unknown
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ReportFileError(`The report file '${label}' is not valid JSON: refused.`, { cause: error })
  }
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown; version?: unknown }) : undefined
  if (format?.format === REPORT_FORMAT && format.version !== 1) {
    throw new ReportFileError(
      `The report file '${label}' has version ${JSON.stringify(format.version)?.slice(0, 20)}, which this version of the action does not read: refused.`
    )
  }
  const error = validate(value)
  if (error) throw new ReportFileError(`The report file '${label}' does not match the report schema (${describe(error)}): refused.`)
  return value as ReportFile
}
