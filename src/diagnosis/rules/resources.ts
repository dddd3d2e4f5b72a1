// Resources: workers killed for memory, or for taking longer than Gunicorn's timeout.
import type { Diagnosis } from '../../model.js'
import type { RuleContext } from '../context.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, exceptionIs, present, type DiagnosisRule } from './rule.js'

export const outOfMemory: DiagnosisRule = {
  reason: 'out-of-memory',
  explain(rc) {
    const enomem = memoryException(rc)
    if (enomem) return enomem
    const { container } = rc.ctx
    const timedOut = new Set(rc.ofKind('worker-timeout').map((e) => e.pid))
    const kills = rc.ofKind('worker-signal').filter((e) => e.signal === 'SIGKILL' || e.signal === '9' || e.perhapsOom)
    const oomKills = kills.filter((e) => !timedOut.has(e.pid))
    const oomEvents = container.oomEvents ?? 0
    // The container's own fate: Docker saw the cgroup hit its limit, or PID 1 (the master) was SIGKILLed under a limit.
    const masterKilled = container.oomKilled === true || (container.exitCode === 137 && container.memoryLimit !== undefined)
    if (oomKills.length === 0 && !masterKilled && oomEvents === 0) return undefined
    if (oomKills.length === 0 && !masterKilled && kills.length > 0) return undefined // only timeouts: not memory
    const limit = container.memoryLimit
    const underLimit = limit ? ` under its ${code(limit)} memory limit` : ''
    const workers = configuredWorkers(rc) ?? rc.ctx.state.expectedWorkers
    const evidence = oomKills.slice(0, 3).map((e) => e.lines[0].text)
    if (oomEvents > 0)
      evidence.push(`Docker reported ${oomEvents} OOM event${oomEvents === 1 ? '' : 's'} for the container${limit ? ` (memory limit ${limit})` : ''}`)
    if (masterKilled) evidence.push(`container ${container.oomKilled ? 'OOMKilled' : 'exit code 137'}${limit ? ` (memory limit ${limit})` : ''}`)
    const alsoTimeouts = kills.length > oomKills.length
    const bigger = limit
      ? `run on an instance with more than ${code(limit)} (the \`memory\` input is the instance size the boot is tested at)`
      : 'give the container more memory'
    if (oomKills.length === 0) {
      // No worker kill in the log: the master itself (which imports the app with preload_app) was killed.
      return {
        reason: 'out-of-memory',
        summary: masterKilled
          ? `The container was killed for using too much memory${underLimit}${rc.ctx.state.bootedPids.length === 0 ? ' before any worker booted: the master process itself ran out' : ''}.`
          : `The kernel's out-of-memory killer fired in the container${underLimit} while the app booted (${oomEvents} OOM event${oomEvents === 1 ? '' : 's'}).`,
        evidence,
        remedy: `Lower what the app allocates while it loads (load large data lazily)${preloads(rc) ? `; with ${code('preload_app')} the master imports the app, so the import alone must fit` : ''}, or ${bigger}.`
      }
    }
    return {
      reason: 'out-of-memory',
      summary: `Workers were killed with SIGKILL ${oomKills.length} time${oomKills.length === 1 ? '' : 's'} without a timeout first: the container ran out of memory${limit ? ` (limit ${limit})` : ''}${workers ? ` with ${workers} worker${workers === 1 ? '' : 's'}` : ''}.`,
      evidence,
      remedy: `Start fewer workers${workers ? ` (${workers} now, each importing the app and holding its own copy)` : ''} with ${code('--workers')} or ${code('WEB_CONCURRENCY')}, load the app once in the master with ${code('preload_app = True')} (${code('--preload')}) so workers share its memory, lower what the import allocates, or ${bigger}${alsoTimeouts ? '; some other SIGKILLs followed a WORKER TIMEOUT and are timeouts, not memory' : ''}.`
    }
  }
}

const killed = (count: number) => `${count} worker${count === 1 ? '' : 's'}`

/** `MemoryError`, or `OSError: [Errno 12] Cannot allocate memory` (ENOMEM), e.g. from the master's os.fork(). */
function memoryException(rc: RuleContext): Diagnosis | undefined {
  const tb = rc.primaryTraceback((t) => exceptionIs(t, 'MemoryError') || /\[Errno 12\] Cannot allocate memory/.test(t.exception.message))
  if (!tb) return undefined
  const forking = tb.frames.some((f) => f.code === 'pid = os.fork()' || f.func === 'spawn_worker' || /os\.fork\(\)/.test(f.code ?? ''))
  const workers = configuredWorkers(rc) ?? rc.ctx.state.expectedWorkers
  const limit = rc.ctx.container.memoryLimit
  return {
    reason: 'out-of-memory',
    summary: forking
      ? `The master could not fork a worker: ${code('os.fork()')} failed with ${code(tb.exception.line)}, the container has no memory left for another copy of the process${limit ? ` (limit ${limit})` : ''}.`
      : `The app ran out of memory while it loaded: ${code(tb.exception.line)}${limit ? ` (limit ${limit})` : ''}.`,
    evidence: present(rc.ofKind('main-loop-exception')[0]?.lines[0].text, ...rc.tracebackEvidence(tb)),
    remedy: forking
      ? `Lower what the master holds before it forks (with ${code('--preload')} the whole app is loaded there), start fewer workers${workers ? ` (${workers} now)` : ''}, or give the container more memory.`
      : 'Lower what the import allocates (load large data lazily) or give the container more memory.'
  }
}

/**
 * `--workers N` / `-w N` in the image command, or `workers = N` in gunicorn.conf.py: Gunicorn uses it as written,
 * while the tracker infers its count from the first burst of boots, which a worker killed early makes smaller.
 */
function configuredWorkers(rc: RuleContext): number | undefined {
  const inCommand = /(?:--workers|-w)["',\s=]+["']?(\d+)/.exec(commandLine(rc)?.text ?? '')?.[1]
  const inConfig = /=\s*(\d+)\s*$/.exec(configSetting(rc, /^\s*workers\s*=\s*\d+\s*$/)?.text ?? '')?.[1]
  const workers = Number(inCommand ?? inConfig)
  return Number.isInteger(workers) && workers > 0 ? workers : undefined
}

function preloads(rc: RuleContext): boolean {
  return /--preload/.test(commandLine(rc)?.text ?? '') || configSetting(rc, /^\s*preload_app\s*=\s*True/) !== undefined
}

export const workerTimeout: DiagnosisRule = {
  reason: 'worker-timeout',
  explain(rc) {
    const timeouts = rc.ofKind('worker-timeout')
    if (timeouts.length === 0) return undefined
    const command = commandLine(rc)
    const inCommand = command && /(--timeout|-t)[\s"',=]+["']?(\d+)/.exec(command.text)
    const inConfig = inCommand ? undefined : configSetting(rc, 'timeout')
    const seconds = inCommand?.[2] ?? /=\s*(\d+)/.exec(inConfig?.text ?? '')?.[1] ?? '30'
    const location = firstLocation(inCommand ? command : undefined, inConfig)
    const booted = new Set(rc.ctx.state.bootedPids)
    const duringBoot = timeouts.filter((t) => booted.has(t.pid)).length
    const evidence = [timeouts[0].lines[0].text]
    const bootLine = rc.ofKind('worker-boot').find((b) => b.pid === timeouts[0].pid)
    if (bootLine) evidence.unshift(bootLine.lines[0].text)
    if (command && inCommand) evidence.push(command.text)
    // After the first healthy answer the app had loaded: a timeout then is a request that blocked the worker.
    const healthyAt = rc.ctx.health?.firstHealthyAt
    const servingTimeout = healthyAt !== undefined && (timeouts[0].lines[0]?.at ?? 0) > healthyAt
    const diagnosis: Omit<Diagnosis, 'summary' | 'remedy'> = { reason: 'worker-timeout', evidence, location }
    if (servingTimeout) {
      return {
        ...diagnosis,
        summary: `Gunicorn killed ${timeouts.length === 1 ? 'a worker' : `${timeouts.length} workers`} with ${code('WORKER TIMEOUT')} while serving requests: a request kept the worker busy longer than Gunicorn's ${code('timeout')} of ${seconds} s.`,
        remedy: `Find the blocking call on the request path (with gevent workers, a C database driver or CPU-bound work blocks the whole worker), move slow work out of the request, or add workers/threads; raise ${code('--timeout')} only if such requests are expected.`
      }
    }
    return {
      ...diagnosis,
      summary: `Gunicorn killed ${killed(duringBoot || timeouts.length)} with ${code('WORKER TIMEOUT')}: loading the app took longer than Gunicorn's ${code('timeout')} of ${seconds} s.`,
      remedy: `Make the import fast (do not wait for services or load big data at import time) or raise ${code('--timeout')} above the real boot time.`
    }
  }
}
