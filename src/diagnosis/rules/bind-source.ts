// Where the repository sets Gunicorn's bind: a `--bind`/`-b` on the start command wins over the config file's
// `bind =` line (Gunicorn's own precedence), and a Procfile the run used stands for the command.
import type { RuleContext } from '../context.js'
import { commandLine, configSetting, type FoundLine } from './locate.js'

const BIND_OPTION = /(^|[\s"',[])(--bind|-b)([\s"',=]|$)/

/** The line that sets the bind Gunicorn used, when the repository has one. */
export function bindLine(rc: RuleContext): FoundLine | undefined {
  const procfile = rc.ctx.image?.commandGiven ? procfileWebLine(rc) : undefined
  if (procfile && BIND_OPTION.test(procfile.text)) return procfile
  const command = commandLine(rc)
  if (command && BIND_OPTION.test(command.text)) return command
  return configSetting(rc, 'bind')
}

function procfileWebLine(rc: RuleContext): FoundLine | undefined {
  const file = rc.inContext('Procfile')
  const found = rc.repo.isFile(file) ? rc.repo.findLine(file, /^\s*web\s*:/) : undefined
  return found ? { file, ...found } : undefined
}
