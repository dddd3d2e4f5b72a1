// Phase 2a, the compose dependencies: the services the web service `depends_on` are started with
// `docker compose up --wait` in a project of the run's own (their healthchecks awaited, their start-up timed apart
// from the app's boot), and the app then joins the project's network under its service name. A dependency that
// exits or never turns healthy is the run's verdict, with its log; the project is taken down on every path.
import { explain } from '../diagnosis/explain.js'
import { reasonById } from '../diagnosis/registry.js'
import type { DependencyContext } from '../diagnosis/stages.js'
import type { DependencyResult } from '../core/model.js'
import { repoRelative } from '../core/paths.js'
import { formatSeconds } from '../core/text.js'
import type { ReportFields } from '../smoke/report.js'
import { cancelled, type SmokeRun } from '../smoke/types.js'
import { ComposeCli, composeProject, type ComposeContainer } from './compose-cli.js'
import type { ComposeStack } from './compose-file.js'

/** Lines of a failed dependency's log kept for the report (each at most LINE_CAP characters). */
const LOG_TAIL = 40
const LINE_CAP = 2000

/** When a service was seen started or healthy (or done, for a completion job), from `up`'s progress lines. */
type Seen = { at: number; healthy: boolean; completed?: boolean }

export type DependencyStart = { cli?: ComposeCli } | { cli: ComposeCli; failed: ReportFields }

export async function startDependencies(run: SmokeRun, image: string): Promise<DependencyStart> {
  const compose = run.settings.compose
  if (!compose?.startDependencies || compose.stack.dependencies.length === 0) return {}
  const { stack } = compose
  const cli = new ComposeCli(composeProject(run.deps.identity.runKey), stack.file, run.deps.composeRunner)
  await cli.version()
  run.deps.ui.progress(`Starting ${stack.dependencies.join(', ')} with docker compose`)
  const startedAt = run.now()
  const seen = new Map<string, Seen>()
  let lastMessage: string | undefined
  const warnings: string[] = []
  const onLine = (line: string): void => {
    const warning = line.match(/level=warning msg="((?:[^"\\]|\\.)*)"/)?.[1]?.replace(/\\"/g, '"')
    if (warning && !warnings.includes(warning)) warnings.push(warning)
    run.deps.ui.info(line)
    const match = line.match(/Container (\S+)\s+(Healthy|Started|Running)\s*$/)
    const service = match && serviceOf(cli.project, match[1])
    if (service && !seen.get(service)?.healthy) seen.set(service, { at: run.now() - startedAt, healthy: match[2] === 'Healthy' })
    else if (line.trim() && !/^\s*(Container|Network|Volume)\s/.test(line)) lastMessage = line.trim()
  }
  const title = `docker compose up --wait ${stack.dependencies.join(' ')}`
  const exitCode = await run.deps.ui.group(title, () => cli.up(stack.dependencies, run.settings.timeoutSec, onLine, run.deps.signal))
  const up = !cancelled(run) && (await dependenciesUp(run, cli, exitCode, seen, startedAt))
  const durationMs = run.now() - startedAt
  if (cancelled(run)) return { cli }
  if (up) {
    run.dependencies = stack.dependencies.map((service) => healthyResult(service, seen.get(service), durationMs))
    run.checks.set({ id: 'services', status: 'pass', detail: servicesDetail(run.dependencies), durationMs })
    run.settings = { ...run.settings, network: `${cli.project}_${stack.network}`, networkAlias: stack.service }
    return { cli }
  }
  const failure = { ...(await failedDependency(cli, stack, run.settings.workspace, lastMessage)), composeWarnings: warnings }
  run.dependencies = stack.dependencies.map((service) =>
    service === failure.service
      ? { service, status: 'failed', log: failure.log.slice(-LOG_TAIL).map((line) => line.slice(0, LINE_CAP)) }
      : healthyResult(service, seen.get(service), undefined)
  )
  run.checks.set({
    id: 'services',
    status: 'fail',
    detail: `\`${failure.service}\` ${failure.state === 'exited' ? 'exited' : 'not healthy'}`,
    durationMs
  })
  const { diagnosis } = explain('dependencies', failure)!
  const annotation = {
    level: 'error' as const,
    title: `Gunicorn smoke: ${reasonById(diagnosis.reason).title}`,
    message: `${diagnosis.summary}\n${diagnosis.remedy}`
  }
  const annotations = [{ ...annotation, ...(diagnosis.location ? { file: diagnosis.location.file, line: diagnosis.location.line } : {}) }]
  return { cli, failed: { result: 'fail', reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, image, annotations } }
}

/**
 * Takes the project down; a failure is a warning (the post step tries again by the project's label), in the
 * report, or in the job log when the report is already out (`afterReport`).
 */
export async function stopDependencies(run: SmokeRun, cli: ComposeCli | undefined, afterReport = false): Promise<void> {
  if (!cli) return
  await cli.down().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    if (afterReport) run.deps.ui.warning(message)
    else run.warnings.push(message)
  })
}

/**
 * Whether every dependency is up. `up --wait` takes a job without a healthcheck (a `migrate` awaited with
 * `service_completed_successfully`) as ready once it runs, and fails it when it already exited, even with 0:
 * the jobs are awaited to their exit here (within the timeout), and exit code 0 is their success.
 */
async function dependenciesUp(run: SmokeRun, cli: ComposeCli, upExitCode: number, seen: Map<string, Seen>, startedAt: number): Promise<boolean> {
  const { stack } = run.settings.compose!
  if (stack.completions.length === 0) return upExitCode === 0
  const containers = (await cli.containers()).filter((container) => stack.dependencies.includes(container.service))
  const jobs = containers.filter((container) => stack.completions.includes(container.service))
  const others = containers.filter((container) => !stack.completions.includes(container.service))
  const running = (c: ComposeContainer): boolean => c.state === 'running' && (c.health === '' || c.health === 'healthy')
  if (jobs.length < stack.completions.length || (upExitCode !== 0 && !others.every(running))) return false
  const remainingMs = Math.max(1000, startedAt + run.settings.timeoutSec * 1000 - run.now())
  const signals = [AbortSignal.timeout(remainingMs), ...(run.deps.signal ? [run.deps.signal] : [])]
  const codes = await cli.waitExit(
    jobs.map((job) => job.name),
    AbortSignal.any(signals)
  )
  if (!codes || codes.some((code) => code !== 0)) return false
  for (const job of jobs) seen.set(job.service, { at: run.now() - startedAt, healthy: false, completed: true })
  return true
}

function healthyResult(service: string, seen: Seen | undefined, fallbackMs: number | undefined): DependencyResult {
  if (!seen) return fallbackMs === undefined ? { service, status: 'not-started' } : { service, status: 'running', startMs: fallbackMs }
  return { service, status: seen.completed ? 'completed' : seen.healthy ? 'healthy' : 'running', startMs: seen.at }
}

function servicesDetail(results: DependencyResult[]): string {
  return results
    .map(({ service, status, startMs }) => `\`${service}\` ${status}${startMs !== undefined ? ` in ${formatSeconds(startMs)}` : ''}`)
    .join(', ')
}

/** `project-db-1` is the service `db`. */
function serviceOf(project: string, container: string): string | undefined {
  return container.startsWith(`${project}-`) ? container.slice(project.length + 1).replace(/-\d+$/, '') : undefined
}

/** Which dependency failed and how, from the project's containers, their health and logs. */
async function failedDependency(cli: ComposeCli, stack: ComposeStack, workspace: string, composeMessage?: string): Promise<DependencyContext> {
  const containers = (await cli.containers()).filter((container) => container.service !== stack.service)
  const culprit =
    containers.find((c) => c.state === 'exited' && c.exitCode !== 0) ??
    containers.find((c) => c.health === 'unhealthy') ??
    containers.find((c) => c.health === 'starting') ??
    containers.find((c) => c.state !== 'running')
  const service = culprit?.service ?? stack.dependencies.find((name) => composeMessage?.includes(name)) ?? stack.dependencies[0]
  const state: DependencyContext['state'] = !culprit
    ? 'failed'
    : culprit.state === 'exited'
      ? 'exited'
      : culprit.health === 'unhealthy'
        ? 'unhealthy'
        : culprit.health === 'starting'
          ? 'timeout'
          : 'failed'
  const log = culprit ? await cli.logs(service, LOG_TAIL) : composeMessage ? [composeMessage] : []
  const test = stack.healthchecks[service]
  const output = culprit && state !== 'exited' && test ? await cli.lastHealthOutput(culprit.name) : undefined
  return {
    service,
    location: { file: repoRelative(workspace, stack.file), line: stack.lines[service] ?? 1 },
    state,
    ...(culprit && state === 'exited' ? { exitCode: culprit.exitCode } : {}),
    ...(composeMessage ? { composeMessage } : {}),
    ...(test && output !== undefined ? { healthcheck: { test, output } } : {}),
    log
  }
}
