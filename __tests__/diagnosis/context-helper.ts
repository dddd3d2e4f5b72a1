// Builds a DiagnosisContext from log lines the way the pipeline does: every line through a BootTracker.
import path from 'node:path'
import { BootTracker } from '../../src/gunicorn/boot-tracker.js'
import type { DiagnosisContext } from '../../src/diagnosis/index.js'
import type { LogLine } from '../../src/model.js'

export const REPO = process.cwd()

export function contextFor(
  lines: LogLine[],
  overrides: Partial<DiagnosisContext> & { fixture?: string; repoRoot?: string; provided?: string[] } = {}
): DiagnosisContext {
  const tracker = new BootTracker()
  for (const line of lines) tracker.push(line)
  tracker.flush()
  const { fixture, repoRoot, provided, ...rest } = overrides
  return {
    outcome: 'gave-up',
    lines,
    events: [...tracker.events],
    state: tracker.state(),
    container: { running: false },
    settings: { port: 8000, timeoutSec: 60, healthPath: '/health', healthStatus: '200' },
    paths: { repoRoot: repoRoot ?? REPO, contextDir: path.join(repoRoot ?? REPO, fixture ? `__fixtures__/apps/${fixture}` : '.') },
    env: { provided: provided ?? ['PORT'] },
    ...rest
  }
}
