// A worker or the whole container killed for memory: Python's own MemoryError (or the master's fork failing with
// ENOMEM), workers SIGKILLed without a WORKER TIMEOUT first, the container OOM-killed, or Docker's OOM events.
import { defineReason, type Rule } from '../reason.js'
import { code } from '../words.js'
import { platformEvidence } from '../platform-messages.js'
import { failedToFork, memoryKillEvidence, memoryKills, memoryTraceback, memoryTracebackEvidence, preloads, workerCount } from '../rules/resources.js'

type Facts =
  | { kind: 'fork-failed'; exceptionLine: string; limit?: string; workers?: number }
  | { kind: 'import-ran-out'; exceptionLine: string; limit?: string }
  | { kind: 'workers-killed'; kills: number; limit?: string; workers?: number; alsoTimeouts: boolean }
  | { kind: 'container-killed'; limit?: string; beforeAnyWorker: boolean; preloads: boolean }
  | { kind: 'oom-events'; events: number; limit?: string; preloads: boolean }
  | { kind: 'platform-killed'; source: string; name: string; process?: string; limit?: string; workers?: number }

const forkFailed: Rule<Facts> = {
  stage: 'boot',
  name: "the master's fork of a worker failed for memory",
  detect(rc) {
    const tb = memoryTraceback(rc)
    if (!tb || !failedToFork(tb)) return undefined
    const facts: Facts = { kind: 'fork-failed', exceptionLine: tb.exception.line, limit: rc.ctx.container.memoryLimit, workers: workerCount(rc) }
    return { facts, evidence: memoryTracebackEvidence(rc, tb) }
  }
}

const memoryError: Rule<Facts> = {
  stage: 'boot',
  name: 'the app raised MemoryError while it loaded',
  detect(rc) {
    const tb = memoryTraceback(rc)
    if (!tb || failedToFork(tb)) return undefined
    const facts: Facts = { kind: 'import-ran-out', exceptionLine: tb.exception.line, limit: rc.ctx.container.memoryLimit }
    return { facts, evidence: memoryTracebackEvidence(rc, tb) }
  }
}

const workersKilled: Rule<Facts> = {
  stage: 'boot',
  name: 'workers SIGKILLed without a WORKER TIMEOUT first',
  detect(rc) {
    const kills = memoryKills(rc)
    if (kills.oomKills.length === 0) return undefined
    const { limit, alsoTimeouts } = kills
    return {
      facts: { kind: 'workers-killed', kills: kills.oomKills.length, limit, workers: workerCount(rc), alsoTimeouts },
      evidence: memoryKillEvidence(rc, kills)
    }
  }
}

// The kernel's OOM killer or the host's memory message, whatever else the log shows (or lacks).
const platformKilled: Rule<Facts> = {
  stage: 'boot',
  name: "the kernel's or the host's out-of-memory message",
  detect(rc) {
    const found = platformEvidence(rc.ctx.lines, 'memory')
    if (!found) return undefined
    const { source, name } = found.message
    return {
      facts: { kind: 'platform-killed', source, name, process: found.process, limit: rc.ctx.container.memoryLimit, workers: workerCount(rc) },
      evidence: [found.line]
    }
  }
}

// No worker kill in the log: the master itself (which imports the app with preload_app) was killed.
const containerKilled: Rule<Facts> = {
  stage: 'boot',
  name: 'the container was killed for memory',
  detect(rc) {
    const kills = memoryKills(rc)
    if (kills.oomKills.length > 0 || !kills.masterKilled) return undefined
    const beforeAnyWorker = rc.ctx.state.bootedPids.length === 0
    return {
      facts: { kind: 'container-killed', limit: kills.limit, beforeAnyWorker, preloads: preloads(rc) },
      evidence: memoryKillEvidence(rc, kills)
    }
  }
}

const oomEvents: Rule<Facts> = {
  stage: 'boot',
  name: 'Docker reported OOM events and no SIGKILL was a timeout',
  detect(rc) {
    const kills = memoryKills(rc)
    // Kills that all followed a WORKER TIMEOUT are timeouts, not memory.
    if (kills.oomKills.length > 0 || kills.masterKilled || kills.oomEvents === 0 || kills.alsoTimeouts) return undefined
    return {
      facts: { kind: 'oom-events', events: kills.oomEvents, limit: kills.limit, preloads: preloads(rc) },
      evidence: memoryKillEvidence(rc, kills)
    }
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
const limitNote = (limit: string | undefined) => (limit ? ` (limit ${limit})` : '')
const underLimit = (limit: string | undefined) => (limit ? ` under its ${code(limit)} memory limit` : '')

/** The last remedy: more memory, or an instance above the `memory` input the boot is tested at. */
function moreMemory(limit: string | undefined): string {
  return limit
    ? `run on an instance with more than ${code(limit)} (the \`memory\` input is the instance size the boot is tested at)`
    : 'give the container more memory'
}

function summary(facts: Facts): string {
  switch (facts.kind) {
    case 'fork-failed':
      return (
        `The master could not fork a worker: ${code('os.fork()')} failed with ${code(facts.exceptionLine)}, ` +
        `the container has no memory left for another copy of the process${limitNote(facts.limit)}.`
      )
    case 'import-ran-out':
      return `The app ran out of memory while it loaded: ${code(facts.exceptionLine)}${limitNote(facts.limit)}.`
    case 'workers-killed': {
      const withWorkers = facts.workers ? ` with ${plural(facts.workers, 'worker')}` : ''
      return (
        `Workers were killed with SIGKILL ${plural(facts.kills, 'time')} without a timeout first: ` +
        `the container ran out of memory${limitNote(facts.limit)}${withWorkers}.`
      )
    }
    case 'container-killed': {
      const master = facts.beforeAnyWorker ? ' before any worker booted: the master process itself ran out' : ''
      return `The container was killed for using too much memory${underLimit(facts.limit)}${master}.`
    }
    case 'platform-killed': {
      const what = facts.process ? `killed ${code(facts.process)}` : 'stopped the app'
      const by = facts.source === 'kernel' ? `The kernel's ${facts.name}` : `${facts.source} (${facts.name})`
      return `${by} ${what} for using too much memory${underLimit(facts.limit)}.`
    }
    case 'oom-events':
      return (
        `The kernel's out-of-memory killer fired in the container${underLimit(facts.limit)} ` +
        `while the app booted (${plural(facts.events, 'OOM event')}).`
      )
  }
}

function fewerWorkers(workers: number | undefined, limit: string | undefined, alsoTimeouts: boolean): string {
  const now = workers ? ` (${workers} now, each importing the app and holding its own copy)` : ''
  const timeouts = alsoTimeouts ? '; some other SIGKILLs followed a WORKER TIMEOUT and are timeouts, not memory' : ''
  return (
    `Start fewer workers${now} with ${code('--workers')} or ${code('WEB_CONCURRENCY')}, ` +
    `load the app once in the master with ${code('preload_app = True')} (${code('--preload')}) so workers share its memory, ` +
    `lower what the import allocates, or ${moreMemory(limit)}${timeouts}.`
  )
}

function smallerLoad(preloaded: boolean, limit: string | undefined): string {
  const master = preloaded ? `; with ${code('preload_app')} the master imports the app, so the import alone must fit` : ''
  return `Lower what the app allocates while it loads (load large data lazily)${master}, or ${moreMemory(limit)}.`
}

function remedy(facts: Facts): string {
  switch (facts.kind) {
    case 'fork-failed':
      return (
        `Lower what the master holds before it forks (with ${code('--preload')} the whole app is loaded there), ` +
        `start fewer workers${facts.workers ? ` (${facts.workers} now)` : ''}, or give the container more memory.`
      )
    case 'import-ran-out':
      return 'Lower what the import allocates (load large data lazily) or give the container more memory.'
    case 'workers-killed':
      return fewerWorkers(facts.workers, facts.limit, facts.alsoTimeouts)
    case 'platform-killed':
      return fewerWorkers(facts.workers, facts.limit, false)
    case 'container-killed':
    case 'oom-events':
      return smallerLoad(facts.preloads, facts.limit)
  }
}

export default defineReason({
  id: 'out-of-memory',
  title: 'Out of memory',
  headline: 'out of memory',
  readme:
    'a worker or the container was killed for memory, also when only the kernel (`Memory cgroup out of memory: Killed process N (gunicorn)`) ' +
    'or the host (Heroku R14/R15, Cloud Run) says so',
  fixtures: [
    { path: '__fixtures__/apps/fail-out-of-memory', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-host-limits', test: '__tests__/host-limits.itg.ts' }
  ],
  rules: [forkFailed, memoryError, workersKilled, platformKilled, containerKilled, oomEvents],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
