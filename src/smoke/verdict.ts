// The verdict: the Gunicorn facts from the log, the checks table rows, and the report, a pass or a diagnosed failure.
import { advisoriesFor } from '../diagnosis/advisories.js'
import { annotationsFor, explainRun, type DiagnosisContext } from '../diagnosis/index.js'
import type { ContainerState, ImageInfo } from '../docker/docker.js'
import { startCommand, staticWorkerCount } from '../setup/effective-config.js'
import type { Settings } from '../setup/inputs.js'
import type { HealthResult, LogLine, RunReport } from '../core/model.js'
import { repoRelative } from '../core/paths.js'
import { fitNotes } from '../profile/in-report.js'
import { findStartCommandElsewhere } from '../setup/start-command-search.js'
import { formatSeconds } from '../core/text.js'
import type { CheckRow } from './checks.js'
import { loadCheck } from './load-check.js'
import { reportOf } from './report.js'
import { shutdownCheck } from './shutdown-words.js'
import { writeWarnings } from './write-warnings.js'
import { stabilityCheck } from './stability-check.js'
import { gunicornStarted, startCheck } from './start.js'
import { bootsUnlogged, quietLogLevel, workersFigure, workersPhrase } from '../gunicorn/log-level.js'
import type { Evidence } from './teardown.js'
import type { Findings, Running, SmokeRun } from './types.js'
import { healthCheck } from './wait-healthy.js'
import { websocketCheck } from './websocket-check.js'

export function verdict(run: SmokeRun, running: Running, findings: Findings, health: HealthResult, evidence: Evidence): RunReport {
  const { settings } = run
  const { watch } = running
  watch.tracker.flush()
  const lines = watch.buffer.lines()
  const { logLevel } = evidence
  const facts = gunicornFacts(running, evidence.workersExpected, settings, findings.outcome === 'healthy', logLevel)
  const { outcome, healthyAt, websocket } = findings
  const answered = healthyAt !== undefined
  const started = gunicornStarted(facts, logLevel, answered)
  const rows: CheckRow[] = [
    startCheck(facts, lines, running.containerStartedAt, logLevel, answered),
    workersCheck(facts, findings, lines, running.containerStartedAt, started)
  ]
  rows.push(healthCheck(health, findings, running.containerStartedAt, started))
  if (settings.websocketPath) rows.push(websocketCheck(websocket))
  if (settings.stabilityWindowSec > 0) rows.push(stabilityCheck(run, running, findings))
  if (settings.loadRequests > 0) rows.push(loadCheck(findings, watch.workerTrouble?.what))
  if (settings.shutdownCheck) rows.push(shutdownCheck(findings.shutdown, outcome === 'shutdown-failed', logLevel))
  rows.forEach((row) => run.checks.set(row))
  const bootTimeMs = healthyAt !== undefined ? healthyAt - running.containerStartedAt : undefined
  const exitCode = evidence.state?.exitCode ?? evidence.exitedOnItsOwn?.code
  const websocketState: RunReport['websocket'] = websocket ? (websocket.ok ? 'ok' : 'failed') : settings.websocketPath ? 'failed' : 'skipped'
  const common = {
    gunicorn: facts,
    health,
    websocket: websocketState,
    websocketOutcome: websocket,
    bootTimeMs,
    image: running.image,
    dockerfile: settings.dockerfile ? repoRelative(settings.workspace, settings.dockerfile) : undefined,
    containerExitCode: exitCode,
    advisories: advisoriesFor(facts.version),
    log: lines,
    logTotalLines: watch.buffer.totalLines,
    shutdown: findings.shutdown
  }
  if (outcome === 'healthy') {
    const parts = [`healthy in ${formatSeconds(bootTimeMs!)}`, workersPhrase(facts)]
    if (websocket?.ok) parts.push('WebSocket OK')
    const fit = fitNotes(findings.profile)
    // Failures the host would see that did not stop the app here: warnings with their fix, and annotations.
    const hostNotes = [...writeWarnings(lines, settings), ...(findings.shutdownWarnings ?? [])]
    const hostAnnotations = hostNotes.map((message) => ({ level: 'warning' as const, title: 'Gunicorn smoke: deploy warning', message }))
    return reportOf(run, {
      ...common,
      result: 'pass',
      summary: `Gunicorn answered ${settings.healthPath} ${parts.join(', ')}.`,
      profile: findings.profile,
      warnings: [...run.warnings, ...hostNotes, ...fit.warnings],
      annotations: [...hostAnnotations, ...fit.annotations]
    })
  }
  const context = diagnosisContext(run, running, findings, health, evidence)
  const { diagnosis, pointers } = explainRun(context)
  const annotations = annotationsFor(diagnosis, context, pointers)
  return reportOf(run, { ...common, result: 'fail', reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, annotations })
}

/** Everything the diagnosis reads, built in one place from the settings and what the run saw. */
export function diagnosisContext(run: SmokeRun, running: Running, findings: Findings, health: HealthResult, evidence: Evidence): DiagnosisContext {
  const { settings } = run
  const { watch } = running
  const { outcome, websocket } = findings
  const state: ContainerState | undefined = evidence.state
  return {
    outcome: outcome === 'health-failed' && websocket && !websocket.ok ? 'websocket-failed' : outcome === 'healthy' ? 'boot-timeout' : outcome,
    lines: watch.buffer.lines(),
    // The tracker saw every line (the buffer only keeps head and tail), so its events are the complete record.
    events: [...watch.tracker.events],
    state: watch.tracker.state(),
    container: {
      exitCode: state?.exitCode ?? evidence.exitedOnItsOwn?.code,
      oomKilled: state?.oomKilled ?? false,
      memoryLimit: settings.memory,
      running: state?.running ?? false,
      oomEvents: evidence.oomEvents
    },
    health,
    websocket,
    settings: {
      port: settings.port,
      timeoutSec: settings.timeoutSec,
      healthPath: settings.healthPath,
      healthStatus: settings.healthStatus.text,
      hostHeader: settings.hostHeader,
      host: settings.host?.port && {
        name: settings.host.name,
        // The port the run gave (an explicit `port` input is the port configured on the host).
        port: settings.port,
        assigned: settings.host.port.assigned,
        words: settings.host.portFailureWords
      },
      readOnly: settings.readOnly,
      user: settings.user,
      ...quietLogLevel(evidence.logLevel)
    },
    stackRequest: findings.stackRequest,
    shutdown: findings.shutdown,
    image: imageStartCommand(settings, running),
    paths: diagnosisPaths(settings, running.imageInfo),
    env: { provided: settings.env.map(([name]) => name), hostFilled: run.deps.hostFilledEnv }
  }
}

function imageStartCommand(settings: Settings, running: Running): DiagnosisContext['image'] {
  const info = running.imageInfo
  if (!info) return undefined
  // Only looked up when it can matter: an image that brings no CMD of its own.
  const elsewhere = info.cmd?.length ? undefined : findStartCommandElsewhere(settings.workspace, ['.', settings.context])
  const started = startCommand(settings, info)
  return { entrypoint: info.entrypoint, cmd: info.cmd, commandGiven: settings.command !== undefined, started, startCommandElsewhere: elsewhere }
}

export function diagnosisPaths(settings: Settings, imageInfo: ImageInfo | undefined): DiagnosisContext['paths'] {
  return { repoRoot: settings.workspace, contextDir: settings.context, dockerfile: settings.dockerfile, workdir: imageInfo?.workdir }
}

function gunicornFacts(
  running: Running,
  printedWorkers: number | undefined,
  settings: Settings,
  healthy: boolean,
  logLevel: string | undefined
): RunReport['gunicorn'] {
  const { tracker } = running.watch
  const bootState = tracker.state()
  const trackerFacts = tracker.facts()
  // A count the config computes (cpu_count()) and a --print-config that did not answer in time: on a healthy run
  // the first burst of boots is the count; on a failed one it may be cut short, so it stays unknown.
  const expected =
    printedWorkers ??
    staticWorkerCount(settings, running.imageInfo) ??
    trackerFacts.workersExpected ??
    (healthy ? bootState.expectedWorkers : undefined)
  // Workers that booted without an exception; replacements of dead workers are not extra workers.
  const bootedOk = bootState.bootedPids.filter((pid) => !bootState.failedBootPids.includes(pid)).length
  return {
    ...trackerFacts,
    workersExpected: expected,
    workersBooted: expected !== undefined ? Math.min(bootedOk, expected) : bootedOk,
    ...quietLogLevel(logLevel)
  }
}

/** `2/2`, or at a `loglevel` that hides the boots, the count expected and why none is seen. */
function workersDone(facts: RunReport['gunicorn']): string {
  return bootsUnlogged(facts) ? `${facts.workersExpected ?? '?'} expected (boots not logged at \`loglevel\` ${facts.logLevel})` : workersFigure(facts)
}

function workersCheck(facts: RunReport['gunicorn'], findings: Findings, lines: LogLine[], since: number, started: boolean): CheckRow {
  const { outcome, healthyAt } = findings
  const failed = outcome === 'gave-up' || (facts.workersBooted === 0 && !bootsUnlogged(facts)) || (outcome === 'unstable' && healthyAt === undefined)
  const workersText = workersDone(facts)
  const boots = lines.filter((line) => line.text.includes('Booting worker with pid'))
  const count = facts.workersBooted
  return {
    id: 'workers',
    status: !started ? 'not-reached' : failed ? 'fail' : 'pass',
    detail: facts.workersDied > 0 ? `${workersText}, ${facts.workersDied} exited` : workersText,
    durationMs: count > 0 && boots.length >= count ? boots[count - 1].at - since : undefined
  }
}
