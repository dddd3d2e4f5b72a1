// macOS refuses Objective-C and CoreFoundation work in a child that forked without exec: what the master loaded
// before forking its workers (a library initialised at import, `--preload`) kills every worker it touches. The
// runtime's own messages name the framework. Detection and words for the native-crash reason.
import type { RuleContext } from '../context.js'
import type { Rule } from '../reason.js'
import { nativeCrashes } from './crashes.js'
import { code, present, withoutGunicornPrefix } from './rule.js'

export interface ForkUnsafeFacts {
  kind: 'fork-unsafe'
  framework: string
  message: string
  deaths: number
  signalLine?: string
}

/** CoreFoundation's and the Objective-C runtime's words in a forked child, and the framework each names. */
const FORK_SAFETY: [RegExp, string][] = [
  [/The process has forked and you cannot use this CoreFoundation functionality safely\. You MUST exec\(\)\./, 'CoreFoundation'],
  [/may have been in progress in another thread when fork\(\) was called/, 'Objective-C runtime'],
  [/We cannot safely call it or ignore it in the fork\(\) child process/, 'Objective-C runtime']
]

export const forkUnsafe: Rule<ForkUnsafeFacts> = {
  stage: 'boot',
  name: "macOS's fork-safety check killed the forked worker",
  detect(rc: RuleContext) {
    for (const line of rc.ctx.lines) {
      if (!line.text.includes('fork')) continue
      const found = FORK_SAFETY.find(([pattern]) => pattern.test(line.text))
      if (!found) continue
      const { deaths } = nativeCrashes(rc)
      const signal = deaths[0]?.lines[0].text
      const message = found[0].exec(line.text)![0]
      return {
        facts: { kind: 'fork-unsafe', framework: found[1], message, deaths: deaths.length, signalLine: signal && withoutGunicornPrefix(signal) },
        evidence: present(line.text.trim(), signal)
      }
    }
    return undefined
  }
}

export function forkUnsafeWords(facts: ForkUnsafeFacts): { summary: string; remedy: string } {
  const died = facts.signalLine ? ` (${facts.deaths} × ${code(facts.signalLine)})` : ''
  return {
    summary:
      `Workers die right after the fork${died}: macOS's ${facts.framework} refuses to run in a child that forked ` +
      `without exec (${code(facts.message)}), and something the master loaded before forking uses it.`,
    remedy:
      `Load what uses the ${facts.framework} in the worker, not the master (no ${code('--preload')}, import it lazily, ` +
      `nothing in gunicorn.conf.py that initialises it); for local runs on macOS, ${code('OBJC_DISABLE_INITIALIZE_FORK_SAFETY=YES')} ` +
      `(and ${code('no_proxy=*')} when it is urllib's proxy lookup) in Gunicorn's environment. The Linux container does not have this check.`
  }
}
