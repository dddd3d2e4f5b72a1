// Network: the address Gunicorn binds, taken by another process or out of the probe's reach.
import type { RuleContext } from '../context.js'
import type { FoundLine } from './locate.js'

/** The line of the entrypoint script (named in the command) that starts a process in the background. */
export function backgroundProcess(rc: RuleContext, command: FoundLine | undefined): FoundLine | undefined {
  const script = /([\w./-]+\.sh)\b/.exec(command?.text ?? '')?.[1]
  const scriptFile = script ? rc.inContext(script.replace(/^\.?\//, '')) : undefined
  const found = scriptFile ? rc.repo.findLine(scriptFile, /&\s*$/) : undefined
  return found && scriptFile ? { file: scriptFile, ...found } : undefined
}
