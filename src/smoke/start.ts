// Phase 2, start: pick the start command (the image's, else the Procfile's), start the container detached and
// find the port it publishes. `docker run` failing outright (no such executable, a bad network) is decided here.
import { runArgs, runEnvironment } from '../docker/args.js'
import { DockerError, type ImageInfo } from '../docker/docker.js'
import { imageHasStartCommand } from '../setup/discovery.js'
import { explain } from '../diagnosis/explain.js'
import type { StartContext } from '../diagnosis/stages.js'
import { repoRelative } from '../core/paths.js'
import { buildAnnotations } from './build.js'
import fs from 'node:fs'
import type { GunicornFacts, LogLine } from '../core/model.js'
import { hidesInfoLines } from '../gunicorn/log-level.js'
import type { CheckRow } from './checks.js'
import type { ReportFields } from './report.js'
import { PROBE_HOST, type SmokeRun } from './types.js'

/** Without a `command` input, the image's own start command runs; an image without one runs the Procfile's. */
export function chooseStartCommand(run: SmokeRun, imageInfo: ImageInfo | undefined): void {
  const { settings } = run
  if (settings.command) return
  const procfile = settings.procfile
  if (procfile && !imageHasStartCommand(imageInfo?.cmd, imageInfo?.entrypoint)) {
    run.settings = { ...settings, command: ['sh', '-c', procfileShellCommand(procfile.command)] }
    run.settingSources.command = 'Procfile'
    run.deps.ui.info(`The image has no start command of its own: running the Procfile's web command \`${procfile.command}\`.`)
  } else {
    run.settingSources.command = 'Dockerfile'
  }
}

/**
 * A Procfile line as the hosts run it: through a shell (so `$PORT` expands), which bash then replaces by the command
 * when it is a simple one. Debian's sh does not, so a simple command gets `exec`: Gunicorn is then PID 1 and gets the
 * stop signal, as on the host. A compound line (`migrate && gunicorn …`) keeps its shell, as it does there.
 */
export function procfileShellCommand(command: string): string {
  const compound = /&&|\|\||[;|&\n`]|\$\(/.test(command)
  const execsAlready = /^\s*exec\s/.test(command)
  return compound || execsAlready ? command : `exec ${command}`
}

export type StartResult = { containerId: string; hostPort?: number; startedAt: number } | { failed: ReportFields }

export async function startContainer(run: SmokeRun, image: string): Promise<StartResult> {
  const { settings, deps } = run
  deps.ui.progress('Starting Gunicorn')
  const startedAt = run.now()
  let containerId: string
  try {
    containerId = await deps.docker.run(runArgs(settings, deps.identity, image), runEnvironment(settings))
  } catch (error) {
    // `docker run` leaves a created-but-never-started container behind when the start command cannot run.
    await deps.docker.removeContainers([deps.identity.containerName]).catch(() => undefined)
    if (!(error instanceof DockerError)) throw error
    // The start stage's last rule recognises any `docker run` failure.
    const { diagnosis, pointers } = explain('start', {
      message: error.message,
      network: settings.network,
      dockerfile: builtFrom(run),
      context: settings.image ? undefined : { dir: settings.context, repoRoot: settings.workspace }
    })!
    run.checks.set({ id: 'start', status: 'fail', detail: 'the container did not start' })
    const annotations = buildAnnotations(diagnosis, pointers)
    return { failed: { result: 'fail', reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, image, annotations } }
  }
  const hostPort = await deps.docker.hostPort(containerId, settings.port).catch(async (error: unknown) => {
    // A container that stopped at once (a configuration error) publishes nothing any more: its log and exit
    // code tell what happened, so the run goes on without a port to probe.
    if ((await deps.docker.containerState(containerId))?.running === false) return undefined
    // Nothing will watch or tear down a container whose port is unknown: remove it before failing.
    await deps.docker.removeContainers([containerId]).catch(() => undefined)
    throw error
  })
  deps.ui.debug(
    hostPort === undefined
      ? `container ${containerId.slice(0, 12)} stopped before its port could be looked up`
      : `container ${containerId.slice(0, 12)} publishes ${settings.port} on ${PROBE_HOST}:${hostPort}`
  )
  return { containerId, hostPort, startedAt }
}

/** The Dockerfile the run built the image from, for the start rules that read its stages. */
function builtFrom({ settings }: SmokeRun): StartContext['dockerfile'] {
  if (settings.image || !settings.dockerfile) return undefined
  try {
    return {
      file: repoRelative(settings.workspace, settings.dockerfile),
      text: fs.readFileSync(settings.dockerfile, 'utf8'),
      target: settings.target
    }
  } catch {
    return undefined
  }
}

/**
 * Gunicorn started when its log named its version, or, at a `loglevel` that hides that line, when the app answered
 * or the master logged a worker's exit.
 */
export function gunicornStarted(facts: GunicornFacts, logLevel: string | undefined, answered: boolean): boolean {
  return facts.version !== undefined || (hidesInfoLines(logLevel) && (answered || facts.workersDied > 0))
}

/** The start check's row; `answered`: the app answered its health route. */
export function startCheck(facts: GunicornFacts, lines: LogLine[], containerStartedAt: number, logLevel?: string, answered = false): CheckRow {
  const startLine = lines.find((line) => /Starting gunicorn/.test(line.text))
  const quiet = facts.version === undefined && hidesInfoLines(logLevel)
  const started = gunicornStarted(facts, logLevel, answered)
  const unlogged = `its \`loglevel\` \`${logLevel}\` hides the \`Starting gunicorn\` line`
  return {
    id: 'start',
    status: started ? 'pass' : 'fail',
    detail: quiet
      ? started
        ? `started (${unlogged})`
        : `no sign that Gunicorn started (${unlogged})`
      : started
        ? describeServer(facts)
        : 'Gunicorn did not start',
    durationMs: startLine !== undefined ? startLine.at - containerStartedAt : undefined
  }
}

function describeServer(facts: { version?: string; workerClass?: string; binds: string[] }): string {
  return [facts.version, facts.workerClass ? `\`${facts.workerClass}\`` : undefined, facts.binds.length ? `\`${facts.binds.join(', ')}\`` : undefined]
    .filter(Boolean)
    .join(', ')
}
