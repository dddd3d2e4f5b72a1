// Names a setting gives that cannot work as written: an IPv6 bind without brackets (Gunicorn splits host and port
// at the first colon), a pip distribution name where Python needs the module name (hyphens never import), a pid
// file that names a live process, a control socket (Gunicorn 25.1+, on by default) where nothing may be written. Rules
// of the config-error reason; the words are here too so the reason module only dispatches to them.
import type { SourceLocation } from '../../core/model.js'
import type { Rule } from '../reason.js'
import { raisedByImportApp } from './imports.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, exceptionIs, present, where } from './rule.js'

export type ConfigNameFacts =
  | { kind: 'ipv6-bind'; portText: string; option?: string; address?: string }
  | { kind: 'distribution-name'; name: string; location?: SourceLocation }
  | { kind: 'stale-pidfile'; pid: string; file: string }
  | { kind: 'control-socket-unwritable'; error: string; path?: string }

const NOT_A_PORT = /^'(.*)' is not a valid port number\.?$/
const BIND_OPTION = /(?:^|\s)(-b|--bind)[=\s]+['"]?(\S+)/g

/** `'db8:b010::205:8080' is not a valid port number`: the host before the first colon, the rest taken as the port. */
export const ipv6WithoutBrackets: Rule<ConfigNameFacts> = {
  stage: 'boot',
  name: 'an IPv6 bind address without brackets',
  detect(rc) {
    const error = rc.ofKind('config-error').find((e) => NOT_A_PORT.test(e.message))
    const portText = error && NOT_A_PORT.exec(error.message)![1]
    // Hex groups and colons: the rest of an IPv6 address cut at its first colon, not a placeholder nobody expanded.
    if (!error || !portText || !/^[\da-fA-F]*:[\da-fA-F:]*$/.test(portText)) return undefined
    const command = commandLine(rc)
    const sources = [...(command ? [command.text] : []), ...rc.ctx.lines.map((line) => line.text)]
    let option: RegExpExecArray | undefined
    for (const text of sources) {
      option = [...text.matchAll(BIND_OPTION)].find((m) => m[2].endsWith(portText))
      if (option) break
    }
    return {
      facts: { kind: 'ipv6-bind', portText, option: option?.[1], address: option?.[2] },
      evidence: present(error.lines[0].text, option?.input?.trim()),
      location: firstLocation(configSetting(rc, 'bind'), command)
    }
  }
}

const HYPHENATED = /^No module named '([\w.]*-[\w.-]*)'/

/** `No module named 'netbox-topology-views'`: a module name never holds a hyphen; a setting lists the pip name. */
export const distributionNameAsModule: Rule<ConfigNameFacts> = {
  stage: 'boot',
  name: "a setting lists a package's pip name where Python imports its module",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'ModuleNotFoundError', 'ImportError') && HYPHENATED.test(t.exception.message))
    // Straight from Gunicorn's import_app: the app spec's own folder (app-not-found), not a setting's entry.
    if (!tb || (raisedByImportApp(tb) && !rc.userFrame(tb))) return undefined
    const frame = rc.userFrame(tb)
    return {
      facts: { kind: 'distribution-name', name: HYPHENATED.exec(tb.exception.message)![1], location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

const ALREADY_RUNNING = /^Already running on PID (\d+) \(or pid file '([^']+)' is stale\)/

/** Gunicorn's `pidfile` names a PID that is alive: in a container, a file kept from an earlier run whose PID was reused. */
export const stalePidfile: Rule<ConfigNameFacts> = {
  stage: 'boot',
  name: "the pid file names a running process (Gunicorn's pidfile setting)",
  detect(rc) {
    const error = rc.ofKind('config-error').find((e) => ALREADY_RUNNING.test(e.message))
    if (!error) return undefined
    const [, pid, file] = ALREADY_RUNNING.exec(error.message)!
    return {
      facts: { kind: 'stale-pidfile', pid, file },
      evidence: [error.lines[0].text],
      location: firstLocation(configSetting(rc, 'pidfile'), commandLine(rc))
    }
  }
}

const CONTROL_SERVER_ERROR = /Control server error: (.*)$/
const ERROR_PATH = /: '([^']+)'\s*$/

/**
 * `Control server error: [Errno 13] Permission denied: '/home/app/.gunicorn'`: the 25.1+ control socket lives under
 * `$HOME/.gunicorn/`, and a user without a writable home (or a read-only root) cannot create it. Gunicorn serves on,
 * so this is the cause only when nothing else in the log explains the failure: the rule comes last.
 */
export const controlSocketUnwritable: Rule<ConfigNameFacts> = {
  stage: 'boot',
  name: 'the control socket could not be created (Gunicorn 25.1+)',
  detect(rc) {
    const line = rc.ctx.lines.find((candidate) => CONTROL_SERVER_ERROR.test(candidate.text))
    if (!line) return undefined
    const error = CONTROL_SERVER_ERROR.exec(line.text)![1].trim()
    return {
      facts: { kind: 'control-socket-unwritable', error, path: ERROR_PATH.exec(error)?.[1] },
      evidence: [line.text],
      location: firstLocation(configSetting(rc, 'control_socket'), commandLine(rc))
    }
  }
}

function controlSocketWords(facts: Extract<ConfigNameFacts, { kind: 'control-socket-unwritable' }>): { summary: string; remedy: string } {
  const where = facts.path ? ` in ${code(facts.path)}` : ''
  return {
    summary:
      `Gunicorn (25.1+) could not create its control socket${where}: ${code(facts.error.slice(0, 120))}. It is on by default, ` +
      'under `$HOME/.gunicorn/`, and a user without a writable home or a read-only root cannot create it.',
    remedy:
      'Start Gunicorn with `--no-control-socket` (`control_socket_disable = True`), or point `--control-socket` at a writable ' +
      'path such as `/tmp/gunicorn.ctl`, or give the user a writable `HOME`.'
  }
}

export function configNameWords(facts: ConfigNameFacts): { summary: string; remedy: string } {
  if (facts.kind === 'control-socket-unwritable') return controlSocketWords(facts)
  if (facts.kind === 'stale-pidfile') {
    return {
      summary:
        `Gunicorn refused to start: its pid file ${code(facts.file)} names PID ${facts.pid}, which is alive; in a container that is ` +
        'a file kept from an earlier run (on a volume, or across a restart) whose PID another process now has.',
      remedy: `Drop the ${code('pidfile')} setting (a container needs none), or remove ${code(facts.file)} before Gunicorn starts.`
    }
  }
  if (facts.kind === 'distribution-name') {
    const module = facts.name.replace(/-/g, '_')
    return {
      summary:
        `The app imports ${code(facts.name)}${where(facts.location)}, a pip package name: Python module names ` +
        `have no hyphens, so a setting that lists it (plugins, ${code('INSTALLED_APPS')}) must give its module, ${code(module)}.`,
      remedy: `Write ${code(module)} (the import name the package's documentation gives) instead of ${code(facts.name)} in that setting.`
    }
  }
  const given = facts.option && facts.address ? ` (${code(`${facts.option} ${facts.address}`)})` : ''
  return {
    summary:
      `The bind${given} is an IPv6 address without brackets: Gunicorn splits host and port at the first colon ` +
      `and takes ${code(facts.portText)} as the port.`,
    remedy: `Write IPv6 binds in brackets, ${code('[2001:db8::1]:8000')} (or ${code('[::]:8000')} for every address).`
  }
}
