// The run's report: the fields every verdict shares (checks table, timings, metadata) around what the phases found.
import type { HostReport, RunReport } from '../core/model.js'
import type { HostRun } from '../hosts/host-settings.js'
import type { SmokeRun } from './types.js'

export type ReportFields = Partial<RunReport> & Pick<RunReport, 'result' | 'summary'>

export function reportOf(run: SmokeRun, fields: ReportFields): RunReport {
  const { settings, now } = run
  return {
    checks: run.checks.ordered(settings),
    gunicorn: { binds: [], workersBooted: 0, workersDied: 0 },
    websocket: settings.websocketPath ? 'failed' : 'skipped',
    advisories: [],
    warnings: run.warnings,
    annotations: [],
    log: [],
    logTotalLines: 0,
    settingSources: run.settingSources,
    settings: {
      PYTHONFAULTHANDLER: settings.env.some(([name]) => name === 'PYTHONFAULTHANDLER') ? 'from env' : settings.faulthandler ? '1' : 'unset',
      hostHeader: settings.hostHeader,
      host: hostReport(settings.host, settings.port)
    },
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: now() - run.startedAt,
    metadata: run.deps.metadata,
    ...(run.dependencies ? { dependencies: run.dependencies } : {}),
    ...fields
  }
}

/** Variables a host blueprint fills in that the run was not given: the app may need them at boot. */
export function hostEnvWarnings(settings: SmokeRun['settings'], hostFilledEnv: string[] = []): string[] {
  const unset = hostFilledEnv.filter((name) => !settings.env.some(([given]) => given === name))
  if (unset.length === 0) return []
  const names = unset.map((name) => `\`${name}\``).join(', ')
  const file = settings.host?.file ?? 'render.yaml'
  return [`${file} leaves ${names} for the host to fill: set them with the \`env\` input if the app needs them at boot.`]
}

function hostReport(host: HostRun | undefined, port: number): HostReport | undefined {
  if (!host) return undefined
  return {
    id: host.id,
    file: host.file,
    port: host.port ? port : undefined,
    stopSignal: host.stopSignal.value,
    stopSignalSource: host.stopSignal.source,
    graceSeconds: host.graceSeconds?.value,
    graceSecondsSource: host.graceSeconds?.source,
    readOnlyRoot: host.readOnlyRoot.value,
    user: host.user?.value,
    writablePaths: host.writablePaths.value
  }
}
