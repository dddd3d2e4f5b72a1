// The smoke test itself, shared by the action and the CLI: build → start → watch the log while probing →
// verdict → clean up. It never decides by waiting out a timeout when the log or the container already
// told the answer: every signal (Gunicorn giving up, a worker dying, the container exiting) wakes the loop.
import fs from 'node:fs'
import { buildArgs, runArgs, runEnvironment, type RunIdentity } from './docker/args.js'
import { buildRemedy, parseBuildFailure, type BuildFailure } from './docker/build-output.js'
import { Docker, DockerError, type ContainerState } from './docker/docker.js'
import { BootTracker } from './gunicorn/boot-tracker.js'
import { annotationsFor, diagnose, type DiagnosisContext } from './diagnosis/index.js'
import { advisoriesFor } from './diagnosis/advisories.js'
import { LogBuffer } from './log-buffer.js'
import type { Annotation, CheckResult, Diagnosis, LogLine, RunMetadata, RunReport, SettingSource, WebSocketOutcome } from './model.js'
import { HealthProbe, excerpt } from './probes/http.js'
import { describeLoad, runLoad, type LoadResult } from './probes/load.js'
import { probeWebSocket } from './probes/websocket.js'
import { effectiveWorkerCount, staticWorkerCount } from './effective-config.js'
import { imageHasStartCommand } from './discovery.js'
import type { Settings } from './inputs.js'
import { repoRelative } from './paths.js'

/** How the pipeline talks to whoever runs it (the Actions log or a terminal). */
export interface Ui {
  group<T>(title: string, body: () => Promise<T>): Promise<T>
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** A line of builder output, shown as it arrives. */
  buildOutput(line: string): void
  /** A short progress note (phase changes); the CLI shows them, the action logs them. */
  progress(message: string): void
}

export interface PipelineDeps {
  docker: Docker
  ui: Ui
  identity: RunIdentity
  metadata: RunMetadata
  /** Where each setting came from, for the report. */
  settingSources?: Record<string, SettingSource>
  /** Variables a host blueprint fills in that the run did not get (render.yaml `sync: false` …). */
  hostFilledEnv?: string[]
  /** Aborted when the job is cancelled: the pipeline stops waiting and cleans up. */
  signal?: AbortSignal
  now?: () => number
}

type Outcome = 'healthy' | 'gave-up' | 'container-exited' | 'boot-timeout' | 'health-failed' | 'unstable'

const PROBE_HOST = '127.0.0.1'
/** After Gunicorn's first fatal line, how long to let the rest of its output arrive before deciding. */
const SETTLE_MS = 150

export async function runSmoke(requested: Settings, deps: PipelineDeps): Promise<RunReport> {
  let settings = requested
  const now = deps.now ?? Date.now
  const { docker, ui, identity } = deps
  const startedAt = now()
  const checks = new Map<CheckResult['id'], CheckResult>()
  const setCheck = (check: CheckResult): void => void checks.set(check.id, check)
  const warnings: string[] = []
  const unsetHostEnv = (deps.hostFilledEnv ?? []).filter((name) => !settings.env.some(([given]) => given === name))
  if (unsetHostEnv.length > 0) {
    warnings.push(
      `render.yaml leaves ${unsetHostEnv.map((name) => `\`${name}\``).join(', ')} for the host to fill: set them with the \`env\` input if the app needs them at boot.`
    )
  }

  const settingSources: Record<string, SettingSource> = { ...deps.settingSources }
  const report = (fields: Partial<RunReport> & Pick<RunReport, 'result' | 'summary'>): RunReport => ({
    checks: orderedChecks(checks, settings),
    gunicorn: { binds: [], workersBooted: 0, workersDied: 0 },
    websocket: settings.websocketPath ? 'failed' : 'skipped',
    advisories: [],
    warnings,
    annotations: [],
    log: [],
    logTotalLines: 0,
    settingSources,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: now() - startedAt,
    metadata: deps.metadata,
    ...fields
  })

  // With a prebuilt image, asking the daemon for its version and inspecting the image overlap.
  const [, prebuiltInfo] = await Promise.all([docker.serverVersion(), settings.image ? docker.imageInfo(settings.image) : undefined])

  // 1. The image.
  let image = settings.image
  if (!image) {
    const buildStart = now()
    const output: string[] = []
    const dockerfileRel = repoRelative(settings.workspace, settings.dockerfile!)
    ui.progress(`Building ${dockerfileRel}`)
    const exitCode = await ui.group(`Build ${dockerfileRel}`, () =>
      docker.build(buildArgs(settings, identity), {
        onStdout: (line) => {
          keepTail(output, line, 400)
          ui.buildOutput(line)
        },
        onStderr: (line) => {
          keepTail(output, line, 400)
          ui.buildOutput(line)
        },
        signal: deps.signal
      })
    )
    const buildMs = now() - buildStart
    if (deps.signal?.aborted) throw new CancelledError()
    if (exitCode !== 0) {
      const failure = parseBuildFailure(output, readText(settings.dockerfile!))
      const diagnosis = buildDiagnosis(failure, settings)
      setCheck({
        id: 'build',
        label: 'Image build',
        status: 'fail',
        detail: failure.instruction ? `failed at \`${truncate(failure.instruction, 80)}\`` : 'failed',
        durationMs: buildMs
      })
      return report({
        result: 'fail',
        reason: 'build-failed',
        summary: diagnosis.summary,
        diagnosis,
        dockerfile: dockerfileRel,
        annotations: diagnosis.location
          ? [
              {
                level: 'error',
                title: 'Docker build failed',
                message: `${diagnosis.summary} ${diagnosis.remedy}`,
                file: diagnosis.location.file,
                line: diagnosis.location.line
              }
            ]
          : [],
        log: output.map((text, seq) => ({ seq, stream: 'stdout', text, at: buildStart })),
        logTotalLines: output.length
      })
    }
    setCheck({ id: 'build', label: 'Image build', status: 'pass', detail: `built \`${dockerfileRel}\``, durationMs: buildMs })
    image = identity.imageTag
  } else {
    setCheck({ id: 'build', label: 'Image build', status: 'skipped', detail: `prebuilt \`${image}\``, durationMs: 0 })
  }
  const imageInfo = prebuiltInfo ?? (await docker.imageInfo(image))
  if (!settings.command) {
    const procfile = settings.procfile
    if (procfile && !imageHasStartCommand(imageInfo?.cmd, imageInfo?.entrypoint)) {
      settings = { ...settings, command: ['sh', '-c', procfile.command] }
      settingSources.command = 'Procfile'
      ui.info(`The image has no start command of its own: running the Procfile's web command \`${procfile.command}\`.`)
    } else {
      settingSources.command = 'Dockerfile'
    }
  }

  // 2. Start the container and follow its log.
  ui.progress('Starting Gunicorn')
  const buffer = new LogBuffer()
  const tracker = new BootTracker()
  let seq = 0
  let wake: () => void = () => undefined
  let signalled = false
  let firstFatalAt: number | undefined
  let workerTrouble: { at: number; what: string } | undefined
  let healthyAt: number | undefined

  const containerStartedAt = now()
  let containerId: string
  try {
    containerId = await docker.run(runArgs(settings, identity, image), runEnvironment(settings))
  } catch (error) {
    // `docker run` leaves a created-but-never-started container behind when the start command cannot run.
    await docker.removeContainers([identity.containerName]).catch(() => undefined)
    if (!(error instanceof DockerError)) throw error
    const diagnosis = startFailureDiagnosis(error.message, settings)
    setCheck({ id: 'start', label: 'Gunicorn start', status: 'fail', detail: 'the container did not start' })
    return report({ result: 'fail', reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, image })
  }
  const hostPort = await docker.hostPort(containerId, settings.port)
  ui.debug(`container ${containerId.slice(0, 12)} publishes ${settings.port} on ${PROBE_HOST}:${hostPort}`)

  const onLine = (stream: 'stdout' | 'stderr', text: string): void => {
    const line: LogLine = { seq: seq++, stream, text, at: now() }
    buffer.push(line)
    const signal = tracker.push(line)
    if (signal.gaveUp && firstFatalAt === undefined) firstFatalAt = line.at
    if (signal.workerDied || signal.workerTimeout !== undefined) {
      workerTrouble ??= { at: line.at, what: signal.workerTimeout !== undefined ? 'worker timeout' : 'worker exited' }
    }
    if (signal.gaveUp || signal.workerDied || signal.workerTimeout !== undefined || signal.workerBooted !== undefined) {
      signalled = true
      wake()
    }
  }
  const logsDone = docker.followLogs(containerId, onLine)
  let exited: { code?: number; at: number } | undefined
  void docker.wait(containerId).then((code) => {
    exited = { code, at: now() }
    wake()
  })
  const onAbort = (): void => wake()
  deps.signal?.addEventListener('abort', onAbort)

  // The effective configuration (`gunicorn --print-config`, which imports the app) only feeds the worker count:
  // it starts once the app is healthy, so it never competes with the boot for the CPU or delays a verdict.
  let workersExpectedPromise: Promise<number | undefined> = Promise.resolve(undefined)
  let configRunning = false

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (signalled) {
        signalled = false
        resolve()
        return
      }
      const timer = setTimeout(() => {
        wake = () => undefined
        resolve()
      }, ms)
      wake = () => {
        clearTimeout(timer)
        wake = () => undefined
        signalled = false
        resolve()
      }
    })

  const probe = new HealthProbe(PROBE_HOST, hostPort, settings.healthPath, settings.healthStatus, 2000, now)
  const deadline = containerStartedAt + settings.timeoutSec * 1000

  /** The log or the container already decided: gave up, exited, or a worker died/timed out. */
  const decidedByLog = async (): Promise<Outcome | undefined> => {
    if (firstFatalAt !== undefined || exited || workerTrouble) {
      // Let the lines that follow the first fatal one (the Reason:, the exit) arrive, boundedly.
      const since = firstFatalAt ?? workerTrouble?.at ?? exited!.at
      const remaining = since + SETTLE_MS - now()
      if (remaining > 0 && !exited) await sleep(remaining)
      // A worker that raised while booting is fatal in every Gunicorn version (the master halts with
      // "Worker failed to boot"), even before the master has said so: 20.1 may take a while to print it.
      const state = tracker.state()
      if (state.gaveUp || state.deaths.some((death) => death.bootException)) return 'gave-up'
      if (exited) return 'container-exited'
      if (workerTrouble) return 'unstable'
    }
    return undefined
  }

  // 3. Wait for health, deciding as soon as anything decides.
  let outcome: Outcome | undefined
  ui.progress(`Waiting for ${settings.healthPath} on port ${settings.port} (timeout ${settings.timeoutSec} s)`)
  while (outcome === undefined) {
    if (deps.signal?.aborted) break
    outcome = await decidedByLog()
    if (outcome) break
    const result = await probe.attempt()
    if (result.kind === 'healthy') {
      healthyAt = now()
      outcome = 'healthy'
      break
    }
    outcome = await decidedByLog()
    if (outcome) break
    if (probe.settledOnWrongStatus) {
      outcome = 'health-failed'
      break
    }
    if (now() >= deadline) {
      outcome = probe.outcome().status !== undefined && !probe.outcome().error ? 'health-failed' : 'boot-timeout'
      break
    }
    // Poll fast while the app boots (the detection lag is the interval), slower once it has taken a while.
    const elapsed = now() - containerStartedAt
    await sleep(Math.min(elapsed < 15_000 ? 50 : 250, Math.max(0, deadline - now())))
  }

  // 4. WebSocket and the stability window, both after the first healthy answer.
  let websocketOutcome: WebSocketOutcome | undefined
  let stabilityMs: number | undefined
  let loadResult: LoadResult | undefined
  if (outcome === 'healthy' && !deps.signal?.aborted) {
    ui.info(`Healthy after ${healthyAt! - containerStartedAt} ms (HTTP ${probe.outcome().status}).`)
    configRunning = true
    workersExpectedPromise = effectiveWorkerCount(docker, settings, identity, image, imageInfo)
      .catch(() => undefined)
      .finally(() => (configRunning = false))
    if (settings.websocketPath) {
      ui.progress(`Checking the WebSocket route ${settings.websocketPath} (${settings.websocketProtocol})`)
      websocketOutcome = await probeWebSocket({
        host: PROBE_HOST,
        port: hostPort,
        path: settings.websocketPath,
        protocol: settings.websocketProtocol,
        send: settings.websocketSend,
        expect: settings.websocketExpect,
        timeoutMs: Math.max(2000, deadline - now()),
        signal: deps.signal
      })
      ui.info(`WebSocket ${settings.websocketPath}: ${websocketOutcome.detail}`)
    }
    const logOutcome = await decidedByLog()
    if (logOutcome) outcome = logOutcome
    else if (websocketOutcome && !websocketOutcome.ok) outcome = 'health-failed'
    if (outcome === 'healthy' && settings.loadRequests > 0 && !deps.signal?.aborted) {
      ui.progress(`Sending ${settings.loadRequests} requests to ${settings.healthPath}, 10 at a time`)
      const stopLoad = new AbortController()
      const onCancel = (): void => stopLoad.abort()
      deps.signal?.addEventListener('abort', onCancel)
      let loadFinished = false
      const loading = runLoad({
        host: PROBE_HOST,
        port: hostPort,
        path: settings.healthPath,
        requests: settings.loadRequests,
        matcher: settings.healthStatus,
        totalTimeoutMs: Math.max(10_000, deadline - now()),
        signal: stopLoad.signal,
        now
      }).finally(() => {
        loadFinished = true
        signalled = true
        wake()
      })
      // Workers dying under the load (the classic WORKER TIMEOUT) decide at once, like everywhere else.
      while (!loadFinished && !deps.signal?.aborted) {
        await sleep(500)
        const during = await decidedByLog()
        if (during) {
          outcome = during === 'gave-up' || during === 'container-exited' ? during : 'unstable'
          stopLoad.abort()
          break
        }
      }
      loadResult = await loading
      deps.signal?.removeEventListener('abort', onCancel)
      ui.info(`Load ${settings.healthPath}: ${describeLoad(loadResult)}`)
      if (outcome === 'healthy') {
        const after = await decidedByLog()
        if (after) outcome = after === 'gave-up' || after === 'container-exited' ? after : 'unstable'
        else if (loadResult.failures > 0) outcome = 'health-failed'
      }
    }
    if (outcome === 'healthy' && settings.stabilityWindowSec > 0) {
      ui.progress(`Watching for ${settings.stabilityWindowSec} s that no worker exits`)
      // After a load, the window watches the aftermath of the load rather than overlapping it.
      const windowStart = loadResult ? now() : healthyAt!
      const windowEnd = windowStart + settings.stabilityWindowSec * 1000
      while (now() < windowEnd && !deps.signal?.aborted) {
        await sleep(Math.min(500, windowEnd - now()))
        const during = await decidedByLog()
        if (during) {
          outcome = during === 'gave-up' || during === 'container-exited' ? during : 'unstable'
          break
        }
      }
      stabilityMs = now() - windowStart
    }
  }
  deps.signal?.removeEventListener('abort', onAbort)
  const cancelled = deps.signal?.aborted ?? false

  // 5. Evidence from the container before it goes: exit code and OOM flag, then remove it and drain the log.
  const state: ContainerState | undefined = outcome === 'healthy' && !cancelled ? undefined : await docker.containerState(containerId)
  // Only worth a look when the verdict is already a failure: it is one more Docker call.
  const oomEvents =
    outcome !== 'healthy' && settings.memory ? await docker.oomEvents(containerId, containerStartedAt).catch(() => undefined) : undefined
  // The exit code is evidence only if the container stopped by itself; removing it below kills it (137).
  const exitedOnItsOwn = exited
  // The print-config container may still run (a cancelled or failed run): it goes too.
  const configContainer = `${identity.containerName}-config`
  // --print-config started at the first healthy answer and normally finished during the stability window; the
  // verdict does not wait long for it (the tracker's count of the first burst of boots is the fallback).
  const workersExpected = await Promise.race([workersExpectedPromise, delay(outcome === 'healthy' && !cancelled ? 300 : 0).then(() => undefined)])
  await docker.removeContainers([containerId, configContainer])
  if (configRunning) {
    // Its `docker run` may have been still creating the container when it was removed (a cancelled run): once
    // that command has returned, remove whatever it left, so the run never leaves a container behind.
    await Promise.race([workersExpectedPromise, delay(10_000)])
    await docker.removeContainers([configContainer])
  }
  await Promise.race([logsDone, delay(3000)])
  if (cancelled) throw new CancelledError()

  tracker.flush()
  const lines = buffer.lines()
  const bootState = tracker.state()
  const trackerFacts = tracker.facts()
  const expected = workersExpected ?? staticWorkerCount(settings, imageInfo) ?? trackerFacts.workersExpected
  // Workers that booted without an exception; replacements of dead workers are not extra workers.
  const bootedOk = bootState.bootedPids.filter((pid) => !bootState.failedBootPids.includes(pid)).length
  const facts = { ...trackerFacts, workersExpected: expected, workersBooted: expected !== undefined ? Math.min(bootedOk, expected) : bootedOk }
  const health = probe.outcome()
  const bootTimeMs = healthyAt !== undefined ? healthyAt - containerStartedAt : undefined
  const advisories = advisoriesFor(facts.version)
  const workersText = `${facts.workersBooted}/${facts.workersExpected ?? '?'}`

  // The checks table.
  const started = facts.version !== undefined
  setCheck({
    id: 'start',
    label: 'Gunicorn start',
    status: started ? 'pass' : 'fail',
    detail: started ? describeServer(facts) : 'Gunicorn did not start',
    durationMs: firstLineAt(lines, /Starting gunicorn/) !== undefined ? firstLineAt(lines, /Starting gunicorn/)! - containerStartedAt : undefined
  })
  const workersFailed = outcome === 'gave-up' || facts.workersBooted === 0 || (outcome === 'unstable' && healthyAt === undefined)
  setCheck({
    id: 'workers',
    label: 'Workers booted',
    status: !started ? 'not-reached' : workersFailed ? 'fail' : 'pass',
    detail: facts.workersDied > 0 ? `${workersText}, ${facts.workersDied} exited` : workersText,
    durationMs: lastBootAt(lines, facts.workersBooted, containerStartedAt)
  })
  setCheck({
    id: 'health',
    label: `Health \`${settings.healthPath}\``,
    status: healthyAt !== undefined ? 'pass' : outcome === 'health-failed' || outcome === 'boot-timeout' ? 'fail' : 'not-reached',
    detail: healthDetail(health),
    durationMs: bootTimeMs
  })
  if (settings.websocketPath) {
    setCheck({
      id: 'websocket',
      label: `WebSocket \`${settings.websocketPath}\``,
      status: websocketOutcome ? (websocketOutcome.ok ? 'pass' : 'fail') : 'not-reached',
      detail: websocketOutcome?.detail ?? '',
      durationMs: websocketOutcome?.durationMs
    })
  }
  if (settings.stabilityWindowSec > 0) {
    setCheck({
      id: 'stability',
      label: 'Stability',
      status: stabilityMs === undefined ? 'not-reached' : outcome === 'healthy' ? 'pass' : 'fail',
      detail:
        stabilityMs === undefined
          ? ''
          : outcome === 'healthy'
            ? `no worker exited in ${formatSeconds(settings.stabilityWindowSec * 1000)}`
            : `a worker ${workerTrouble?.what === 'worker timeout' ? 'timed out' : 'exited'} ${formatSeconds((workerTrouble?.at ?? now()) - healthyAt!)} after the first healthy answer`,
      durationMs: stabilityMs
    })
  }

  if (settings.loadRequests > 0) {
    const trouble = loadResult && outcome !== 'healthy' && workerTrouble ? `; ${workerTrouble.what} during the load` : ''
    setCheck({
      id: 'load',
      label: 'Load',
      status: loadResult === undefined ? 'not-reached' : loadResult.failures === 0 && outcome === 'healthy' ? 'pass' : 'fail',
      detail: loadResult ? `${describeLoad(loadResult)}${trouble}` : '',
      durationMs: loadResult?.durationMs
    })
  }
  const websocketState: RunReport['websocket'] = websocketOutcome
    ? websocketOutcome.ok
      ? 'ok'
      : 'failed'
    : settings.websocketPath
      ? 'failed'
      : 'skipped'
  const common = {
    gunicorn: facts,
    health,
    websocket: websocketState,
    websocketOutcome,
    bootTimeMs,
    image,
    dockerfile: settings.dockerfile ? repoRelative(settings.workspace, settings.dockerfile) : undefined,
    containerExitCode: state?.exitCode ?? exitedOnItsOwn?.code,
    advisories,
    log: lines,
    logTotalLines: buffer.totalLines
  }

  if (outcome === 'healthy') {
    const parts = [`healthy in ${formatSeconds(bootTimeMs!)}`, `${workersText} workers`]
    if (websocketOutcome?.ok) parts.push('WebSocket OK')
    return report({ ...common, result: 'pass', summary: `Gunicorn answered ${settings.healthPath} ${parts.join(', ')}.` })
  }

  const context: DiagnosisContext = {
    outcome: outcome === 'health-failed' && websocketOutcome && !websocketOutcome.ok ? 'websocket-failed' : (outcome ?? 'boot-timeout'),
    lines,
    // The tracker saw every line (the buffer only keeps head and tail), so its events are the complete record.
    events: [...tracker.events],
    state: bootState,
    container: {
      exitCode: state?.exitCode ?? exitedOnItsOwn?.code,
      oomKilled: state?.oomKilled ?? false,
      memoryLimit: settings.memory,
      running: state?.running ?? false,
      oomEvents
    },
    health,
    websocket: websocketOutcome,
    settings: { port: settings.port, timeoutSec: settings.timeoutSec, healthPath: settings.healthPath, healthStatus: settings.healthStatus.text },
    paths: { repoRoot: settings.workspace, contextDir: settings.context, workdir: imageInfo?.workdir },
    env: { provided: settings.env.map(([name]) => name), hostFilled: deps.hostFilledEnv }
  }
  const diagnosis: Diagnosis = diagnose(context)
  const annotations: Annotation[] = annotationsFor(diagnosis, context)
  return report({ ...common, result: 'fail', reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, annotations })
}

export class CancelledError extends Error {
  constructor() {
    super('The run was cancelled.')
    this.name = 'CancelledError'
  }
}

function buildDiagnosis(failure: BuildFailure, settings: Settings): Diagnosis {
  const dockerfileRel = repoRelative(settings.workspace, settings.dockerfile!)
  const step = failure.instruction ? `\`${truncate(failure.instruction, 100)}\`` : 'a step'
  const code = failure.exitCode !== undefined ? ` with exit code ${failure.exitCode}` : ''
  return {
    reason: 'build-failed',
    summary: `The Docker build failed at ${step}${failure.stepPosition ? ` (step ${failure.stepPosition})` : ''}${code}.`,
    evidence: [...failure.outputTail.slice(-8), failure.message].filter((line, index, all) => all.indexOf(line) === index),
    location: failure.dockerfileLine ? { file: dockerfileRel, line: failure.dockerfileLine } : undefined,
    remedy: buildRemedy(failure)
  }
}

/** `docker run` itself failed: the start command does not exist in the image, a bad network or limit, … */
function startFailureDiagnosis(message: string, settings: Settings): Diagnosis {
  const executable = message.match(/exec: "?([^":\s]+)"?: executable file not found/)?.[1]
  if (executable) {
    const isGunicorn = /(^|\/)gunicorn$/.test(executable)
    return {
      reason: isGunicorn ? 'missing-dependency' : 'config-error',
      summary: `The container could not start: \`${executable}\` is not installed in the image.`,
      evidence: [message],
      remedy: isGunicorn
        ? 'Add `gunicorn` to the requirements the image installs (or start it as `python -m gunicorn`).'
        : `Install \`${executable}\` in the image, or fix the start command (the \`command\` input or the Dockerfile's CMD).`
    }
  }
  const network = settings.network && /network .* not found/i.test(message)
  return {
    reason: 'config-error',
    summary: network ? `The Docker network \`${settings.network}\` does not exist.` : `The container could not start: ${message.replace(/\.$/, '')}.`,
    evidence: [message],
    remedy: network
      ? 'Pass an existing network to the `network` input, e.g. `${{ job.services.postgres.network }}`.'
      : 'Check the start command and the `memory`, `cpus` and `network` inputs.'
  }
}

function orderedChecks(checks: Map<CheckResult['id'], CheckResult>, settings: Settings): CheckResult[] {
  const order: Array<[CheckResult['id'], string, boolean]> = [
    ['build', 'Image build', true],
    ['start', 'Gunicorn start', true],
    ['workers', 'Workers booted', true],
    ['health', `Health \`${settings.healthPath}\``, true],
    ['websocket', `WebSocket \`${settings.websocketPath ?? ''}\``, Boolean(settings.websocketPath)],
    ['stability', 'Stability', settings.stabilityWindowSec > 0],
    ['load', 'Load', settings.loadRequests > 0]
  ]
  return order.filter(([, , shown]) => shown).map(([id, label]) => checks.get(id) ?? { id, label, status: 'not-reached', detail: '' })
}

function describeServer(facts: { version?: string; workerClass?: string; binds: string[] }): string {
  return [facts.version, facts.workerClass ? `\`${facts.workerClass}\`` : undefined, facts.binds.length ? `\`${facts.binds.join(', ')}\`` : undefined]
    .filter(Boolean)
    .join(', ')
}

function healthDetail(health: { status?: number; bodyExcerpt?: string; error?: string }): string {
  if (health.status !== undefined && !health.error) {
    return health.bodyExcerpt ? `${health.status} \`${excerpt(health.bodyExcerpt, 60)}\`` : `${health.status}`
  }
  return health.error ?? ''
}

/** When the n-th worker announced itself, relative to the container start. */
function lastBootAt(lines: LogLine[], count: number, since: number): number | undefined {
  if (count === 0) return undefined
  const boots = lines.filter((line) => line.text.includes('Booting worker with pid'))
  return boots.length >= count ? boots[count - 1].at - since : undefined
}

function firstLineAt(lines: LogLine[], pattern: RegExp): number | undefined {
  return lines.find((line) => pattern.test(line.text))?.at
}

function keepTail(lines: string[], line: string, max: number): void {
  lines.push(line)
  if (lines.length > max) lines.splice(0, lines.length - max)
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
