// A worker stuck while booting, explained by the stack the run asked it for: the line it waits on, and whether it
// waits on the network, a sleep, a lock or its own computation.
import { defineReason, type Rule } from '../reason.js'
import { code, fileLine, present } from '../words.js'
import { faultUserFrame } from '../rules/locate.js'
import { askedStack, importing, loadingTheApp, stackLines, whatItWaitsOn, type Waiting } from '../rules/hangs.js'

type Facts =
  | { kind: 'no-stack'; pid: number; seconds: number }
  | {
      kind: 'stuck'
      verb: 'importing' | 'booting at'
      /** `file:line` of the user's frame, else of the innermost frame as the container has it. */
      place: string
      /** The user's line of code there, e.g. `time.sleep(3600)`. */
      placeCode?: string
      seconds: number
      waiting: Waiting
      /** The innermost function, e.g. `create_connection`. */
      innermost: string
    }

const noStack: Rule<Facts> = {
  stage: 'boot',
  name: 'a stuck worker printed no stack when asked',
  detect(rc) {
    const asked = askedStack(rc)
    if (!asked || (asked.dump && asked.frames.length > 0)) return undefined
    return {
      facts: { kind: 'no-stack', pid: asked.request.pid, seconds: asked.seconds },
      evidence: present(asked.bootLine, ...rc.ctx.lines.slice(-2).map((l) => l.text))
    }
  }
}

const stuckLoading: Rule<Facts> = {
  stage: 'boot',
  name: "a stuck worker's stack shows where the app's loading waits",
  detect(rc) {
    const asked = askedStack(rc)
    const dump = asked?.dump
    // A worker serving its loop (not in Gunicorn's app loading) was not stuck booting: leave it to the other rules.
    if (!asked || !dump || asked.frames.length === 0 || !loadingTheApp(asked.frames)) return undefined
    const { frames } = asked
    const user = faultUserFrame(rc, frames)
    return {
      facts: {
        kind: 'stuck',
        verb: importing(frames, user) ? 'importing' : 'booting at',
        place: user ? fileLine(user.location) : `${frames[0].file}:${frames[0].line}`,
        placeCode: user?.code,
        seconds: asked.seconds,
        waiting: whatItWaitsOn(frames, user),
        innermost: frames[0].func
      },
      evidence: present(asked.bootLine, dump.lines.find((l) => /thread 0x/i.test(l.text))?.text, ...stackLines(frames, user)),
      location: user?.location
    }
  }
}

const REMEDIES: Record<Waiting, string> = {
  network:
    'The app connects to a service at import and the service never answers in CI: a service the CI run lacks ' +
    '(start it as a job service and pass `network`, or point the URL at it), or one that drops connections. ' +
    'Connect lazily at the first request, and give the connection a timeout so a missing service fails fast with an error.',
  sleep:
    'The app sleeps at import. Move the wait out of the import (a readiness check at the first request, or a background thread), ' +
    'or make it bounded and short.',
  lock:
    'The app waits at import on a lock, a thread, a queue or a future that nothing releases in the worker ' +
    '(often started before the fork, or a `preload_app` leftover). Start that work after the fork (`post_fork`) or at the first request.',
  computation:
    'The app is still computing at import. Move the work out of the import (build it ahead, cache it, or do it lazily), ' +
    'or raise Gunicorn’s `timeout` and the `timeout` input so the boot may take that long.'
}

function words(facts: Facts) {
  if (facts.kind === 'no-stack') {
    return {
      summary:
        `Worker ${facts.pid} never finished booting (stuck for ${facts.seconds} s) and printed no stack when asked ` +
        '(faulthandler off, or the worker blocks signals).',
      remedy:
        'Find what the app does at import that can wait (a connection, a lock, a sleep); ' +
        `with the ${code('faulthandler')} input on (the default) and a Python app, the next run names the line.`
    }
  }
  const where = `${code(facts.place)}${facts.placeCode ? ` (${code(facts.placeCode)})` : ''}`
  const network = facts.waiting === 'network' ? `, waiting on a network connection (${code(facts.innermost)})` : ''
  return {
    summary: `The worker is stuck ${facts.verb} ${where} after ${facts.seconds} s${network}: it never finished booting, so nothing could answer.`,
    remedy: REMEDIES[facts.waiting]
  }
}

export default defineReason({
  id: 'worker-hang',
  title: 'Worker stuck while booting',
  headline: 'a worker is stuck while booting',
  readme:
    'a worker never finished booting: its stack (asked with SIGSEGV, printed by faulthandler) names the ' +
    'line it waits on, e.g. `app.py:4` (`time.sleep(3600)`)',
  fixtures: [
    { path: '__fixtures__/apps/fail-worker-hang', test: '__tests__/hang-crash.itg.ts' },
    { path: '__fixtures__/apps/fail-worker-timeout', test: '__tests__/diagnosis.itg.ts' }
  ],
  rules: [noStack, stuckLoading],
  words
})
