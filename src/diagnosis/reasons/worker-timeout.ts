// Gunicorn killed workers with WORKER TIMEOUT: while they loaded the app, or (after the first healthy answer)
// while a request kept them busy. Located at the line that sets the timeout.
import { clip } from '../../core/text.js'
import { defineReason, type Finding, type Rule } from '../reason.js'
import { code, present } from '../words.js'
import { abortsWithoutTimeoutLine, timeoutSetting, workerTimeouts, type WorkerTimeouts } from '../rules/resources.js'
import type { LastWords } from '../rules/last-words.js'

interface Facts {
  /** `unseen`: the log starts after the boot and shows no answer, so it cannot tell loading from serving. */
  when: 'while-serving' | 'while-loading' | 'unseen'
  /** How many workers the words say were killed. */
  killed: number
  /** Gunicorn's `timeout` as the image sets it (30 by default). */
  seconds: string
  /** The app's frame the aborted worker was in, else the installed package's frame a killed worker's traceback ends in. */
  stuckAt?: string
  stuckCode?: string
  /** Without a frame: the worker's own last line before the kill, and a progress bar after it. */
  lastWords?: LastWords
}

function finding(found: WorkerTimeouts, when: Facts['when'], killed: number): Finding<Facts> {
  const { setting, evidence, stuckAt, stuckCode, lastWords } = found
  const lastLines = present(lastWords?.said, lastWords?.progress)
  const facts = { when, killed, seconds: setting.seconds, stuckAt, stuckCode, lastWords }
  return { facts, evidence: [...lastLines, ...evidence], location: setting.location }
}

const whileServing: Rule<Facts> = {
  stage: 'boot',
  name: 'a request kept a worker busy past the timeout',
  detect(rc) {
    const found = workerTimeouts(rc)
    return found?.whileServing ? finding(found, 'while-serving', found.timeouts.length) : undefined
  }
}

const whileLoading: Rule<Facts> = {
  stage: 'boot',
  name: 'loading the app took longer than the timeout',
  detect(rc) {
    const found = workerTimeouts(rc)
    // Timeouts of workers whose boot the log lost still count when none is known to have booted.
    if (!found || found.whileServing) return undefined
    const unseen = !rc.ctx.state.started && rc.ofKind('worker-boot').length === 0 && rc.ctx.health?.firstHealthyAt === undefined
    return finding(found, unseen ? 'unseen' : 'while-loading', found.duringBoot || found.timeouts.length)
  }
}

/** A `WORKER TIMEOUT` line as quoted without its pid (`[CRITICAL] WORKER TIMEOUT`): the parser has no worker to pin it on. */
const WORKER_TIMEOUT_WORDS = /(?:^|[\]\s:])WORKER TIMEOUT(?:$|[\s(])/

const timeoutWithoutPid: Rule<Facts> = {
  stage: 'boot',
  name: 'a WORKER TIMEOUT line without its pid',
  detect(rc) {
    if (rc.ofKind('worker-timeout').length > 0 || rc.ofKind('master-start').length > 0) return undefined
    const lines = rc.ctx.lines.filter((line) => line.text.includes('WORKER TIMEOUT') && WORKER_TIMEOUT_WORDS.test(line.text))
    if (lines.length === 0) return undefined
    const setting = timeoutSetting(rc)
    return {
      facts: { when: 'unseen', killed: lines.length, seconds: setting.seconds },
      evidence: present(lines[0].text, setting.command?.text),
      location: setting.location
    }
  }
}

/** The traceback Gunicorn's abort handler ends a timed-out worker's stack with, its `WORKER TIMEOUT` line not in the log. */
const abortedWithoutTimeoutLine: Rule<Facts> = {
  stage: 'boot',
  name: "a worker's traceback through Gunicorn's abort handler",
  detect(rc) {
    const found = abortsWithoutTimeoutLine(rc)
    if (!found) return undefined
    const booted = rc.ofKind('worker-boot').length > 0
    const when = found.serving ? 'while-serving' : booted ? 'while-loading' : 'unseen'
    const setting = timeoutSetting(rc)
    return {
      facts: { when, killed: Math.max(found.pids, 1), seconds: setting.seconds, stuckAt: found.stuckAt, stuckCode: found.frame?.frame.code },
      evidence: present(...(found.frame?.text ?? []), found.traceback.exception.line, setting.command?.text),
      location: setting.location
    }
  }
}

/** ", in `x` when it was stopped", or the worker's own last line before the kill. */
function whereItWas({ stuckAt, stuckCode, lastWords }: Facts): string {
  if (stuckAt) return `, in ${code(stuckAt)}${stuckCode ? ` (${code(clip(stuckCode, 100))})` : ''} when it was stopped`
  if (!lastWords?.said) return lastWords?.progress ? `; it was showing progress when it was stopped (${code(lastWords.progress)})` : ''
  const then = lastWords.progress ? `, then progress (${code(lastWords.progress)})` : ''
  return `; the worker's last line before the kill: ${code(lastWords.said)}${then}`
}

function words(facts: Facts) {
  const { when, killed, seconds } = facts
  const timeout = `Gunicorn's ${code('timeout')} of ${seconds} s`
  if (when === 'while-serving') {
    return {
      summary:
        `Gunicorn killed ${killed === 1 ? 'a worker' : `${killed} workers`} with ${code('WORKER TIMEOUT')} while serving requests: ` +
        `a request kept the worker busy longer than ${timeout}${whereItWas(facts)}.`,
      remedy:
        'Find the blocking call on the request path (with gevent workers, a C database driver or CPU-bound work blocks the whole worker), ' +
        `move slow work out of the request, or add workers/threads; raise ${code('--timeout')} only if such requests are expected.`
    }
  }
  if (when === 'unseen') {
    return {
      summary:
        `Gunicorn killed ${killed === 1 ? 'a worker' : `${killed} workers`} with ${code('WORKER TIMEOUT')}: it was busy longer than ${timeout}` +
        `${whereItWas(facts)} ` +
        '(the log starts after the boot, so whether it was loading the app or serving a request is not in it).',
      remedy:
        'Find what blocked the worker: a slow import (services or big data at import time) or a request doing long work ' +
        `(move it to a background task); raise ${code('--timeout')} only if that work is expected.`
    }
  }
  return {
    summary:
      `Gunicorn killed ${killed} worker${killed === 1 ? '' : 's'} with ${code('WORKER TIMEOUT')}: loading the app took longer than ${timeout}` +
      `${whereItWas(facts)}.`,
    remedy:
      'Make the import fast (do not wait for services or load big data at import time) ' + `or raise ${code('--timeout')} above the real boot time.`
  }
}

export default defineReason({
  id: 'worker-timeout',
  title: 'Worker timeout during boot',
  headline: 'worker timeout',
  readme:
    "a worker took longer to boot than Gunicorn's `timeout`, named with where it was: the frame its stack shows, else its last " +
    'line before the kill (a model it was downloading); also a `WORKER TIMEOUT` quoted without its pid, and a ' +
    "worker's traceback through Gunicorn's abort handler (`handle_abort`, `SystemExit: 1`) without the `WORKER TIMEOUT` line",
  fixtures: [{ path: '__fixtures__/apps/load-worker-timeout', test: '__tests__/concurrency.itg.ts' }],
  rules: [whileServing, whileLoading, timeoutWithoutPid, abortedWithoutTimeoutLine],
  words
})
