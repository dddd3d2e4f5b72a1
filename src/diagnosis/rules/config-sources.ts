// Configuration mistakes that Gunicorn does not report as `Error: …`: a bind host that does not resolve, a setting
// that crashes the master, an argument left without its value, and the app's own configuration (Django settings,
// an INI file) failing while the app loads. Each returns a config-error diagnosis or nothing.
import type { Diagnosis } from '../../model.js'
import type { RuleContext, Traceback } from '../context.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, exceptionIs, present, where } from './rule.js'

/** `Invalid address: ('backend', 8001)`: the bind names a host the container cannot resolve. */
export function unresolvableBind(rc: RuleContext): Diagnosis | undefined {
  const invalid = rc.ofKind('invalid-address')[0]
  if (!invalid) return undefined
  const host = /^\('([^']*)'/.exec(invalid.address)?.[1] ?? invalid.address
  const port = /, (\d+)\)$/.exec(invalid.address)?.[1] ?? String(rc.ctx.settings.port)
  return {
    reason: 'config-error',
    summary: `Gunicorn cannot bind ${code(invalid.address)}: the host ${code(host)} in the bind address does not resolve to an address of this container.`,
    evidence: present(invalid.lines[0].text, commandLine(rc)?.text),
    location: firstLocation(configSetting(rc, 'bind'), commandLine(rc)),
    remedy: `Bind to all interfaces inside the container (${code(`--bind 0.0.0.0:${port}`)}); a service name such as ${code(host)} is how other containers reach this one, not an address it can listen on.`
  }
}

/** `gunicorn: error: argument --max-requests: expected one argument`: an option whose value expanded to nothing. */
export function optionWithoutValue(rc: RuleContext): Diagnosis | undefined {
  const error = rc.ofKind('config-error').find((e) => /^argument ([\w-]+(?:\/[\w-]+)?): expected one argument$/.test(e.message))
  if (!error) return undefined
  // `argument -w/--workers: …`: name the long form
  const option = /^argument ([\w/-]+)/.exec(error.message)![1].split('/').pop()!
  return {
    reason: 'config-error',
    summary: `Gunicorn's ${code(option)} option was given without a value (${error.message}): the variable meant to fill it is probably empty or unset.`,
    evidence: error.lines.map((l) => l.text),
    location: firstLocation(commandLine(rc)),
    remedy: `Give ${code(option)} a value where the command is built (e.g. ${code(`${option} "\${VAR:-1000}"`)} in the start script), or drop the option when the variable is empty.`
  }
}

/** Gunicorn's own settings crashing the master: the 25.1+ control socket given something that is not a path. */
export function settingCrash(rc: RuleContext): Diagnosis | undefined {
  const tb = rc.tracebacks.find((t) => t.frames.some((f) => /gunicorn\/arbiter\.py$/.test(f.file) && /control_(server|socket)/.test(f.func ?? '')))
  if (!tb) return undefined
  const setting = configSetting(rc, 'control_socket')
  return {
    reason: 'config-error',
    summary: `The master crashed starting its control socket (Gunicorn 25.1+): the ${code('control_socket')} setting is not a usable path (${code(tb.exception.line)}).`,
    evidence: present(rc.ofKind('main-loop-exception')[0]?.lines[0].text, tb.exception.line, setting?.text.trim()),
    location: firstLocation(setting, commandLine(rc)),
    remedy: `Set ${code('control_socket')} to a writable path, or turn the socket off with ${code('--no-control-socket')} instead of ${code('control_socket = None')}.`
  }
}

/** The app's own configuration: Django's ImproperlyConfigured, or a section missing from an INI file. */
export function appConfiguration(rc: RuleContext): Diagnosis | undefined {
  const improperly = rc.primaryTraceback(
    (tb) => exceptionIs(tb, 'ImproperlyConfigured') && !/environment variable|No module named|Did you install/i.test(tb.exception.message)
  )
  if (improperly) return djangoSettings(rc, improperly)
  const section = rc.primaryTraceback((tb) => exceptionIs(tb, 'KeyError') && tb.frames.slice(-1)[0]?.file.endsWith('configparser.py') === true)
  if (!section) return undefined
  const name = /^'([^']+)'$/.exec(section.exception.message)?.[1] ?? section.exception.message
  const frame = rc.userFrame(section)
  return {
    reason: 'config-error',
    summary: `The app reads section ${code(name)} of an INI config file while it loads${where(frame?.location)}, and the file has no such section (${code(section.exception.line)}).`,
    evidence: rc.tracebackEvidence(section, frame),
    location: frame?.location,
    remedy: `Add a ${code(`[${name}]`)} section to the config file the app reads (check the path it is given in the container), or read it with a fallback.`
  }
}

function djangoSettings(rc: RuleContext, tb: Traceback): Diagnosis {
  const frame = rc.userFrame(tb)
  const message = tb.exception.message.trim() || tb.exception.line
  return {
    reason: 'config-error',
    summary: `Django's settings are incomplete${where(frame?.location)}: ${message}`,
    evidence: [...rc.tracebackEvidence(tb, frame), ...present(tb.lines[tb.lines.length - 1]?.text !== tb.exception.line ? message : undefined)],
    location: frame?.location,
    remedy:
      'Provide the setting or configuration file Django names above in the image (it is often copied by hand on the server and missing from the build).'
  }
}
