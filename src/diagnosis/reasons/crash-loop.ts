// Workers that boot, then exit and are replaced again and again, while single health requests may still pass.
import { defineReason, type Rule } from '../reason.js'
import { code, present } from '../words.js'
import { frameLocation } from '../rules/locate.js'
import { causeInLog } from '../rules/evidence.js'
import { deathsAfterBoot, exitKinds, lastWordsBefore } from '../rules/lifecycle.js'

interface Facts {
  exits: number
  /** How they ended, once each: `code 1`, `SIGSEGV`, `unlogged exit`. */
  exitKinds: string[]
  /** What the app printed just before the first exit, trimmed. */
  clue?: string
  healthPassed: boolean
  /** Some exits are inferred from replacements (Gunicorn 20.1 logs no exit with code 1). */
  presumed: boolean
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

function summary({ exits, exitKinds, clue, healthPassed }: Facts): string {
  const printed = clue !== undefined ? `; the app printed ${code(clue.slice(0, 120))}` : ''
  const health = healthPassed ? ' The health check passed between restarts, which hides the problem.' : ''
  return `Workers keep exiting after they boot (${exits} exits: ${exitKinds.join(', ')}) and Gunicorn keeps replacing them${printed}.${health}`
}

function remedy({ presumed }: Facts): string {
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
  readme: 'workers exit after boot and are replaced, while single health requests still pass',
  fixtures: [{ path: '__fixtures__/apps/fail-crash-loop', test: '__tests__/diagnosis.itg.ts' }],
  rules: [workersKeepExiting],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
