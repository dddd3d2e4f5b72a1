// The stop signal never reached Gunicorn: PID 1 is a shell (the shell form of CMD, a start script that runs
// Gunicorn without `exec`) that keeps it. Every deploy then waits out the host's grace and kills Gunicorn with
// SIGKILL, requests in flight included.
import { defineReason, type Rule } from '../reason.js'
import { commandLine, firstLocation, startScriptLine, type FoundLine } from '../rules/locate.js'
import { code, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

interface Facts {
  signal: string
  graceSec: number
  /** PID 1's command line, e.g. `/bin/sh -c gunicorn app:app`. */
  pid1: string
  /** `shell-form`: CMD/ENTRYPOINT without brackets; `script`: a start script's Gunicorn line. */
  form: 'shell-form' | 'script' | 'other'
  location?: SourceLocation
  /** The Gunicorn line of the script, or the Dockerfile's command line, as it is. */
  culprit?: string
}

const SHELL_COMMAND = /^(\S*\/)?(ba|da|z|k|a)?sh\s+-c\s/

const signalKept: Rule<Facts> = {
  stage: 'boot',
  name: 'PID 1 does not pass the stop signal on',
  detect(rc) {
    const shutdown = rc.ctx.shutdown
    if (rc.ctx.outcome !== 'shutdown-failed' || !shutdown?.pid1) return undefined
    const script = SHELL_COMMAND.test(shutdown.pid1) ? undefined : startScriptLine(rc, /\bgunicorn\b/)
    const command = commandLine(rc)
    const shellForm = command && !/^\s*(CMD|ENTRYPOINT)\s+\[/i.test(command.text) ? command : undefined
    const culprit: FoundLine | undefined = script ?? shellForm ?? command
    const form: Facts['form'] = script ? 'script' : shellForm ? 'shell-form' : 'other'
    return {
      facts: {
        signal: shutdown.signal,
        graceSec: shutdown.graceSec,
        pid1: shutdown.pid1,
        form,
        location: firstLocation(culprit),
        culprit: culprit?.text.trim()
      },
      evidence: present(
        `PID 1: ${shutdown.pid1}`,
        culprit?.text.trim(),
        `no "Handling signal" line after ${shutdown.signal}; still running ${shutdown.durationMs} ms later`
      ),
      location: firstLocation(culprit)
    }
  }
}

function summary({ signal, graceSec, pid1, form, location }: Facts): string {
  const who =
    form === 'script'
      ? `a start script that runs Gunicorn without ${code('exec')}${where(location)}`
      : form === 'shell-form'
        ? `the shell form of the start command${where(location)}`
        : 'not Gunicorn'
  return (
    `${signal} never reached Gunicorn: PID 1 is ${code(pid1.slice(0, 120))}, ${who}, and it does not pass the signal on. ` +
    `A host would wait out its grace (${graceSec} s here) and kill Gunicorn with requests in flight.`
  )
}

function remedy({ form, culprit }: Facts): string {
  const init = `or run the container with an init that forwards signals (${code('docker run --init')}, ${code('tini')})`
  if (form === 'script') {
    const line = culprit?.replace(/^\s*(exec\s+)?/, 'exec ')
    return `Start Gunicorn with ${code('exec')} so that it replaces the shell as PID 1${line ? `: ${code(line)}` : ''}, ${init}.`
  }
  if (form === 'shell-form')
    return `Use the exec form of the command, e.g. ${code('CMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]')}, ${init}.`
  return `Make Gunicorn PID 1 (exec form, ${code('exec gunicorn')} in a script) ${init}.`
}

export default defineReason({
  id: 'signal-not-forwarded',
  title: 'Stop signal never reaches Gunicorn',
  headline: 'the stop signal never reaches Gunicorn',
  readme: 'PID 1 is a shell (shell-form CMD, a start script without `exec`) that keeps the stop signal: every deploy ends with SIGKILL',
  fixtures: [
    { path: '__fixtures__/apps/fail-shell-form-cmd', test: '__tests__/shutdown.itg.ts' },
    { path: '__fixtures__/apps/fail-script-without-exec', test: '__tests__/shutdown.itg.ts' }
  ],
  rules: [signalKept],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
