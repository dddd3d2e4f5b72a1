// The last resort when no rule recognises the run: still name the exception and the user's frame if there is one,
// else how the container ended.
import { defineReason, type Rule } from '../reason.js'
import { code, where } from '../words.js'
import { withoutGunicornPrefix } from '../rules/rule.js'
import type { SourceLocation } from '../../core/model.js'
import type { RuleContext, Traceback } from '../context.js'
import { lineIndex } from '../continuations.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { callerRemedy, callerWords, configCaller, type ConfigCaller } from '../rules/config-frames.js'

type Facts =
  | {
      kind: 'exception'
      exceptionLine: string
      location?: SourceLocation
      /** The app's frame as the container has it, when the repository does not hold that file (`/srv/pages/nba.py:23`). */
      raisedAt?: string
      caller?: ConfigCaller
      /** Raised in Gunicorn's master (its arbiter's frames, no worker's), before any worker ran the app. */
      inMaster?: boolean
    }
  | { kind: 'gunicorn-stopped'; outcomeLine: string; exitCode?: number }
  | { kind: 'stopped-from-outside'; exitCode: 137 | 143 }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'failed' }

const INTERESTING = /error|exception|fail|fatal|critical|killed|denied|not found/i

/**
 * The exception line, with the message's first words when it starts on a later line behind a rule of stars (NLTK's
 * `LookupError:` then `Resource stopwords not found.`).
 */
function withMessage(rc: RuleContext, tb: Traceback): string {
  if (/\w/.test(tb.exception.message)) return tb.exception.line
  const raisedWith = rc.exceptionMessage(tb)
  if (/\w/.test(raisedWith)) return `${tb.exception.line.trim()}: ${raisedWith}`
  const at = lineIndex(rc.ctx.lines, tb.lines[tb.lines.length - 1])
  const next = rc.ctx.lines
    .slice(at + 1, at + 6)
    .map((line) => stripLinePrefixes(line.text).trim())
    .find((text) => /\w/.test(text))
  // Gunicorn's own next line (`[INFO] Worker exiting`) is not the exception's message.
  return next && !/\[\d+\] \[[A-Z]+\] /.test(next) ? `${tb.exception.line.trim()} ${next}` : tb.exception.line
}

// The master's own frames, and a worker's: a traceback with the first and none of the second is the master's.
const ARBITER_FRAME = /gunicorn\/arbiter\.py$/
const WORKER_FRAME = /gunicorn\/workers\/|^(?:spawn_worker|init_process|load_wsgi|import_app)$/

const raisedInMaster = (tb: Traceback) =>
  tb.frames.some((f) => ARBITER_FRAME.test(f.file)) && !tb.frames.some((f) => WORKER_FRAME.test(f.file) || WORKER_FRAME.test(f.func ?? ''))

const exception: Rule<Facts> = {
  stage: 'boot',
  name: 'an exception no rule knows',
  detect(rc) {
    const tb = rc.primaryTraceback()
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const caller = configCaller(rc, tb)
    return {
      facts: {
        kind: 'exception',
        exceptionLine: withMessage(rc, tb),
        location: frame?.location,
        raisedAt: frame && !frame.location ? `${frame.frame.file}:${frame.frame.line}` : undefined,
        caller,
        inMaster: caller?.inMaster ?? raisedInMaster(tb)
      },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

/** Without a traceback, the lines most likely to tell: the last error-like ones, else the last ones. */
function tailEvidence(lines: readonly { text: string }[]): string[] {
  const interesting = lines.filter((l) => INTERESTING.test(l.text)).slice(-5)
  return (interesting.length ? interesting : lines.filter((l) => l.text.trim()).slice(-5)).map((l) => l.text)
}

const howItEnded: Rule<Facts> = {
  stage: 'boot',
  name: 'how the container ended',
  detect(rc) {
    const { exitCode, running } = rc.ctx.container
    const outcomeLine = rc.gunicornOutcomeLine()
    const facts: Facts = outcomeLine
      ? { kind: 'gunicorn-stopped', outcomeLine: withoutGunicornPrefix(outcomeLine), exitCode }
      : (exitCode === 137 || exitCode === 143) && !running
        ? { kind: 'stopped-from-outside', exitCode }
        : exitCode !== undefined && !running
          ? { kind: 'exited', exitCode }
          : { kind: 'failed' }
    return { facts, evidence: tailEvidence(rc.ctx.lines) }
  }
}

const REPRODUCE = 'run the image locally with the same command to reproduce.'

function summary(facts: Facts): string {
  switch (facts.kind) {
    case 'exception': {
      const failed = `${facts.inMaster ? "Gunicorn's master" : 'Workers'} failed with ${code(facts.exceptionLine.slice(0, 200))}`
      if (facts.caller) return `${failed}, ${callerWords(facts.caller)}.`
      return facts.raisedAt ? `${failed}, raised in ${code(facts.raisedAt)}.` : `${failed}${where(facts.location)}.`
    }
    case 'gunicorn-stopped':
      return `Gunicorn stopped: ${code(facts.outcomeLine)}${facts.exitCode !== undefined ? ` (exit code ${facts.exitCode})` : ''}.`
    case 'stopped-from-outside': {
      const signal = facts.exitCode === 137 ? 'SIGKILL' : 'SIGTERM'
      return (
        `The container was stopped by ${signal} (exit code ${facts.exitCode}) while Gunicorn was running, and its log ` +
        'shows no error: something outside the app (docker kill or stop, the runner, the kernel) ended it.'
      )
    }
    case 'exited':
      return `The container exited with code ${facts.exitCode} without a recognisable Gunicorn error.`
    case 'failed':
      return 'The smoke test failed without a recognisable Gunicorn error.'
  }
}

export default defineReason({
  id: 'unknown',
  title: 'Unrecognised failure',
  headline: 'cause not recognised',
  readme: 'none of the above; the most relevant log lines are quoted',
  fixtures: [
    { path: '__fixtures__/apps/fail-unknown', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-config-hook-module', test: '__tests__/diagnosis.itg.ts' }
  ],
  rules: [exception, howItEnded],
  words: (facts) => ({
    summary: summary(facts),
    remedy:
      facts.kind === 'exception'
        ? facts.caller
          ? callerRemedy(facts.caller)
          : facts.inMaster
            ? 'Fix the exception above: the master raised it before any worker loaded the app, so it reproduces with the same ' +
              'command (or `gunicorn --check-config`) in the image.'
            : 'Fix the exception above; it happens while Gunicorn loads the app, so it reproduces with `python -c "import <module>"` in the image.'
        : `Read the last lines of the log below; ${REPRODUCE}`
  })
})
