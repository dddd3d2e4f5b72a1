// Builds a DiagnosisContext from log lines the way the pipeline does: every line through a BootTracker.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { BootTracker } from '../../src/gunicorn/boot-tracker.js'
import { REASONS, diagnose as diagnoseRun, type DiagnosisContext, type FailedOutcome } from '../../src/diagnosis/index.js'
import type { Reason } from '../../src/diagnosis/reason.js'
import { captured, linesOf, type Suite } from '../gunicorn/captured-logs.js'
import { RuleContext } from '../../src/diagnosis/context.js'
import type { Diagnosis, LogLine, ReasonId } from '../../src/core/model.js'
import { parseBuildFailure } from '../../src/docker/build-output.js'
import { explain } from '../../src/diagnosis/explain.js'

export const REPO = process.cwd()

/** A log captured by hand on a base (scripts/capture-*.sh; forky unless named), as the pipeline reads it. */
export const byHandLog = (name: string, suite: Suite = 'forky'): LogLine[] =>
  toLogLines(readFileSync(path.join(REPO, '__fixtures__/logs/by-hand', `${name}-${suite}.log`), 'utf8'))

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

/**
 * Runs every boot rule of every reason on its own over the context and words what it finds: each finding must
 * be worded by its reason (a summary and a remedy) without throwing, whatever rule came before it.
 */
export function findingsOfEachRule(ctx: DiagnosisContext): { reason: ReasonId; rule: string }[] {
  const rc = new RuleContext(ctx)
  return (REASONS as readonly Reason<ReasonId>[]).flatMap((reason) =>
    reason.rules.flatMap((rule) => {
      if (rule.stage !== 'boot') return []
      const finding = rule.detect(rc)
      if (!finding) return []
      const words = reason.words(finding.facts)
      expect(words.summary.length).toBeGreaterThan(0)
      expect(words.remedy.length).toBeGreaterThan(0)
      return [{ reason: reason.id, rule: rule.name }]
    })
  )
}

/** `diagnose`, which also checks that every rule alone over the same context is worded by its reason. */
export function diagnose(ctx: DiagnosisContext): Diagnosis {
  findingsOfEachRule(ctx)
  return diagnoseRun(ctx)
}

/**
 * The context of a boot captured on a base (scripts/capture-logs.sh): its log, the container's fate and the last
 * health answer; a container still running counts as `outcomeWhileRunning` unless the overrides say otherwise.
 */
export function fromCapture(
  suite: Suite,
  scenario: string,
  overrides: Partial<DiagnosisContext> = {},
  outcomeWhileRunning: FailedOutcome = 'gave-up'
): DiagnosisContext {
  const run = captured(suite, scenario)
  const health = run.meta.health
  return contextFor(run.lines, {
    fixture: run.meta.fixture,
    outcome: run.meta.running ? outcomeWhileRunning : 'container-exited',
    container: { running: run.meta.running, exitCode: run.meta.exitCode ?? undefined, oomKilled: run.meta.oomKilled },
    health: health
      ? {
          ok: false,
          status: health.status || undefined,
          bodyExcerpt: health.body || undefined,
          error: health.status ? undefined : 'socket hang up',
          attempts: 5
        }
      : undefined,
    ...overrides
  })
}

/** The context of a container that exited on its own with `code`. */
export const exited = (code: number) => ({ outcome: 'container-exited' as const, container: { running: false, exitCode: code } })

/** A build's output lines as the build diagnosis reads them, against an empty repository at `repo`. */
export function explainBuildLines(lines: string[], repo: string): { reason?: string; summary: string; remedy: string } {
  const explained = explain('build', {
    failure: parseBuildFailure(lines),
    workspace: repo,
    contextDir: repo,
    dockerfile: path.join(repo, 'Dockerfile')
  })
  return { reason: explained?.diagnosis.reason, summary: explained?.diagnosis.summary ?? '', remedy: explained?.diagnosis.remedy ?? '' }
}

/** A worker's traceback raised while Gunicorn imports the app (`import_app`), the given frames and exception under it. */
export const loadingTraceback = (...lines: string[]): LogLine[] =>
  linesOf([
    '[2025-03-28 12:32:16 +0000] [26183] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    '  File "/srv/venv/lib/python3.11/site-packages/gunicorn/util.py", line 371, in import_app',
    '    mod = importlib.import_module(module)',
    ...lines,
    '[2025-03-28 12:32:16 +0000] [26183] [INFO] Worker exiting (pid: 26183)'
  ])
