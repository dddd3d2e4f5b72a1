// Loads the real logs captured by scripts/capture-logs.sh (both base images) for the unit tests.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { LogLine } from '../../src/core/model.js'
import { toLogLines } from '../../src/gunicorn/log-parser.js'

export const SUITES = ['bookworm', 'trixie', 'forky'] as const
export type Suite = (typeof SUITES)[number]

export { GUNICORN_VERSION } from '../helpers/docker.js'

export interface CapturedRun {
  suite: Suite
  scenario: string
  lines: LogLine[]
  meta: {
    fixture: string
    running: boolean
    exitCode: number | null
    oomKilled: boolean
    health: { status: number; body: string } | null
  }
}

const LOGS = path.resolve(process.cwd(), '__fixtures__/logs')

export function captured(suite: Suite, scenario: string): CapturedRun {
  const text = readFileSync(path.join(LOGS, suite, `${scenario}.log`), 'utf8')
  const meta = JSON.parse(readFileSync(path.join(LOGS, suite, `${scenario}.json`), 'utf8'))
  return { suite, scenario, lines: toLogLines(text), meta }
}

export function scenarios(suite: Suite): string[] {
  return readdirSync(path.join(LOGS, suite))
    .filter((name) => name.endsWith('.log'))
    .map((name) => name.slice(0, -4))
    .sort()
}

/** A Gunicorn-prefixed line as 24.x/25.x would print it. */
export function glog(pid: number, level: string, message: string): string {
  return `[2026-11-27 10:14:03 +0000] [${pid}] [${level}] ${message}`
}

export function linesOf(texts: string[]): LogLine[] {
  return texts.map((text, seq) => ({ seq, stream: 'stderr', text, at: 1_800_000_000_000 + seq }))
}
