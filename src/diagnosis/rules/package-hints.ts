// A library that names the package it needs in its own words instead of a ModuleNotFoundError: Django's
// `Couldn't import Django`, its database backends' `Error loading psycopg2 or psycopg module`, Pydantic 2's
// `BaseSettings has been moved to the pydantic-settings package`, setuptools' and importlib.metadata's distribution
// not found. The package is what to install.
import type { RuleContext, Traceback } from '../context.js'

interface Hint {
  pattern: RegExp
  /** The import name of the package the message asks for. */
  module: (match: RegExpExecArray) => string
  /** The name to install, when the message gives it (else the import name's, packages.ts). */
  pip?: (match: RegExpExecArray) => string
}

const HINTS: Hint[] = [
  { pattern: /has been moved to the [`'"]?([A-Za-z][\w-]*)[`'"]? package/, module: (m) => m[1].replace(/-/g, '_'), pip: (m) => m[1] },
  { pattern: /Couldn't import Django\b/, module: () => 'django', pip: () => 'Django' },
  { pattern: /Error loading (psycopg2|psycopg|MySQLdb|pymysql|cx_Oracle|oracledb)\b(?: or \w+)? module/, module: (m) => m[1] },
  { pattern: /\b(mysqlclient|psycopg2?|Pillow|PyYAML|gevent|uvicorn) (?:is required|must be installed|is not installed)\b/, module: (m) => m[1] },
  // A library checking for an optional package before it is used (FastAPI's `Form data requires "python-multipart" to be installed`).
  {
    pattern: /\brequires [`'"]([A-Za-z][\w.-]*)[`'"] to be installed/,
    module: (m) => m[1].replace(/-/g, '_'),
    pip: (m) => m[1]
  },
  // setuptools' entry points and importlib.metadata ask for a distribution by its installed name (often the project itself).
  {
    pattern: /The '([\w.-]+)(?:\[[\w,-]+\])?(?:[=<>!~][^']*)?' distribution was not found/,
    module: (m) => m[1].replace(/-/g, '_'),
    pip: (m) => m[1]
  },
  { pattern: /No package metadata was found for ([\w.-]+)/, module: (m) => m[1].replace(/-/g, '_'), pip: (m) => m[1] }
]

export interface PackageHint {
  tb: Traceback
  moduleName: string
  pipName?: string
  /** The library's own sentence, as evidence and in the summary. */
  said: string
}

export function packageHint(rc: RuleContext): PackageHint | undefined {
  for (const tb of rc.tracebacks) {
    for (const hint of HINTS) {
      const match = hint.pattern.exec(tb.exception.message)
      if (match) return { tb, moduleName: hint.module(match), pipName: hint.pip?.(match), said: tb.exception.line }
    }
  }
  return undefined
}
