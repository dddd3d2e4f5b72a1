// A shell variable Gunicorn received as literal text for a setting other than the bind (which configuration.ts reads
// from its own message): `argument -w/--workers: invalid int value: '$WEB_CONCURRENCY'` from an exec-form CMD that
// runs no shell, `Invalid value for timeout: ${TIMEOUT}` from gunicorn.conf.py, which is plain Python.
import type { Rule, Words } from '../reason.js'
import type { SourceLocation } from '../../core/model.js'
import { code, where } from '../words.js'
import { shellFormOf } from './command-forms.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { gunicornConfigErrors } from './configuration.js'

export interface UnexpandedVariableFacts {
  kind: 'unexpanded-variable'
  /** The option or setting as Gunicorn named it: `-w/--workers`, `timeout`. */
  option: string
  /** The literal text it received: `$WEB_CONCURRENCY`, `${TIMEOUT}`. */
  placeholder: string
  /** The exec-form command holds it (else gunicorn.conf.py, or unknown). */
  inCommand: boolean
  /** The repository's own command in the shell form, which expands it. */
  shellForm?: string
  location?: SourceLocation
}

const PLACEHOLDER = String.raw`(\$\{?[A-Za-z_]\w*(?::?-[^}']*)?\}?)`
// argparse's refusal of a command-line value, and Gunicorn's of a setting's value.
const REFUSALS = [
  new RegExp(String.raw`^argument (\S+): invalid \w+ value: '${PLACEHOLDER}'$`),
  new RegExp(String.raw`^Invalid value for (\w+): ${PLACEHOLDER}$`)
]

export const unexpandedVariable: Rule<UnexpandedVariableFacts> = {
  stage: 'boot',
  name: 'a setting received a shell variable as literal text',
  detect(rc) {
    for (const error of gunicornConfigErrors(rc)) {
      for (const pattern of REFUSALS) {
        const m = pattern.exec(error.message)
        if (!m) continue
        const [, option, placeholder] = m
        // argparse reads the command line; a setting's own validator reads what gunicorn.conf.py set.
        const fromCommandLine = pattern === REFUSALS[0]
        const command = commandLine(rc)
        const inCommand = fromCommandLine && command?.text.includes(placeholder) ? command : undefined
        const setting = option.split('/').pop()!.replace(/^-+/, '').replace(/-/g, '_')
        const inConfig = fromCommandLine ? undefined : configSetting(rc, setting)
        const location = firstLocation(inCommand, inConfig)
        return {
          facts: {
            kind: 'unexpanded-variable',
            option,
            placeholder,
            inCommand: fromCommandLine,
            shellForm: inCommand && shellFormOf(inCommand.text),
            location
          },
          evidence: [error.lines[0].text, ...(inCommand ? [inCommand.text] : inConfig ? [inConfig.text.trim()] : [])],
          location
        }
      }
    }
    return undefined
  }
}

// Gunicorn's defaults, for the remedy's fallback value.
const DEFAULTS: Record<string, string> = { workers: '1', threads: '1', timeout: '30', graceful_timeout: '30', keepalive: '2', backlog: '2048' }

export function unexpandedVariableWords(facts: UnexpandedVariableFacts): Words {
  const { option, placeholder, inCommand, shellForm, location } = facts
  const name = /^\$\{?(\w+)/.exec(placeholder)?.[1] ?? 'VAR'
  const setting = option.split('/').pop()!.replace(/^-+/, '').replace(/-/g, '_')
  const fallback = DEFAULTS[setting] ?? '…'
  const received = `Gunicorn received the literal text ${code(placeholder)} for ${code(option)}${where(location)}`
  if (inCommand) {
    const withDefault = placeholder.includes(':-') ? '' : `; give it a default where it may be unset (${code(`\${${name}:-${fallback}}`)})`
    return {
      summary: `${received}: the command runs without a shell (an exec-form ${code('CMD')}), so the variable is never expanded.`,
      remedy:
        `Use the shell form with ${code('exec')}${shellForm ? ` (${code(shellForm)})` : ''}: the shell expands ${code(`$${name}`)}, then ` +
        `${code('exec')} leaves Gunicorn as PID 1${withDefault}.`
    }
  }
  return {
    summary: `${received}: gunicorn.conf.py is plain Python and does not expand shell variables.`,
    remedy: `Read the variable in Python: ${code('import os')} at the top, then ${code(`${setting} = int(os.environ.get("${name}", "${fallback}"))`)}.`
  }
}
