// Workers that boot, then exit and are replaced again and again, while single health requests may still pass.
import { defineReason, type Rule } from '../reason.js'
import { code, present } from '../words.js'
import { frameLocation } from '../rules/locate.js'
import { causeInLog } from '../rules/evidence.js'
import { deathsAfterBoot, exitKinds, lastWordsBefore } from '../rules/lifecycle.js'
import { printedByAppParser } from '../rules/configuration.js'

interface Facts {
  exits: number
  /** How they ended, once each: `code 1`, `SIGSEGV`, `unlogged exit`. */
  exitKinds: string[]
  /** What the app printed just before the first exit, trimmed. */
  clue?: string
  healthPassed: boolean
  /** Some exits are inferred from replacements (Gunicorn 20.1 logs no exit with code 1). */
  presumed: boolean
  /** The usage error the app's own argument parser printed in each worker. */
  usageError?: string
}

/** `gunicorn: error: unrecognized arguments: …` from a worker: the app parses sys.argv, which is Gunicorn's. */
const appParsesArguments: Rule<Facts> = {
  stage: 'boot',
  name: "the app's argument parser rejects Gunicorn's command line in each worker",
  detect(rc) {
    const error = rc.ofKind('config-error').find((e) => printedByAppParser(rc, e))
    if (!error) return undefined
    const exits = rc.ctx.lines.filter((line) => line.seq > error.lines[0].seq && /Worker exiting \(pid: \d+\)/.test(line.text))
    return {
      facts: {
        exits: exits.length,
        exitKinds: ['usage error'],
        healthPassed: false,
        presumed: false,
        usageError: `gunicorn: error: ${error.message}`
      },
      evidence: present(error.lines[0].text, exits[0]?.text)
    }
  }
}

const workersKeepExiting: Rule<Facts> = {
  stage: 'boot',
  name: 'workers exit after they boot and are replaced',
  detect(rc) {
    const deaths = deathsAfterBoot(rc)
    const enough = deaths.length >= 2 || (rc.ctx.outcome === 'unstable' && deaths.length >= 1)
    if (!enough || causeInLog(rc)) return undefined
    const firstExit = rc.ofKind('worker-exit').find((e) => e.pid === deaths[0].pid)?.lines[0]
    // What the app printed just before the first exit is often the only clue (nothing else is logged).
    const clue = lastWordsBefore(rc, deaths[0].seq)
    const tb = rc.primaryTraceback((t) => t.pid === undefined || !rc.ctx.state.failedBootPids.includes(t.pid))
    const replacement = rc.ofKind('worker-boot').slice(-1)[0]
    return {
      facts: {
        exits: deaths.length,
        exitKinds: exitKinds(deaths),
        clue: clue?.text.trim(),
        healthPassed: rc.ctx.health?.ok === true,
        presumed: deaths.some((d) => d.presumed)
      },
      evidence: present(clue?.text, firstExit?.text, tb?.exception.line, replacement?.lines[0].text),
      location: frameLocation(rc, tb)
    }
  }
}

function summary({ exits, exitKinds, clue, healthPassed, usageError }: Facts): string {
  if (usageError !== undefined) {
    return (
      `Each worker exits at import with a command-line usage error (${code(usageError.replace(/^\W+/, '').slice(0, 120))}): ` +
      "code in the app parses the process's arguments, which in a worker are Gunicorn's own."
    )
  }
  const printed = clue !== undefined ? `; the app printed ${code(clue.slice(0, 120))}` : ''
  const health = healthPassed ? ' The health check passed between restarts, which hides the problem.' : ''
  return `Workers keep exiting after they boot (${exits} exits: ${exitKinds.join(', ')}) and Gunicorn keeps replacing them${printed}.${health}`
}

function remedy({ presumed, usageError }: Facts): string {
  if (usageError !== undefined) {
    return (
      `Parse arguments only under ${code("if __name__ == '__main__':")} (or with ${code('parse_known_args()')}), ` +
      "never at import: under Gunicorn the command line is not the app's."
    )
  }
  const unlogged = presumed ? ' (Gunicorn 20.1 does not log exits with code 1: each "Booting worker" beyond the worker count is a replacement)' : ''
  return (
    `Find what ends the worker after boot: a background thread calling ${code('os._exit')}/${code('sys.exit')}, ` +
    `a ${code('post_fork')} hook, or a crash in a native extension${unlogged}.`
  )
}

export default defineReason({
  id: 'crash-loop',
  title: 'Workers crash after boot',
  headline: 'workers keep crashing',
  readme:
    'workers exit after boot and are replaced, while single health requests still pass; an argument parser in the ' +
    "app that rejects Gunicorn's own options (`unrecognized arguments: -k -c …`)",
  fixtures: [{ path: '__fixtures__/apps/fail-crash-loop', test: '__tests__/diagnosis.itg.ts' }],
  rules: [appParsesArguments, workersKeepExiting],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
