// Configuration mistakes that Gunicorn does not report as `Error: …`: a bind host that does not resolve, a setting
// that crashes the master, an argument left without its value, and the app's own configuration (Django settings,
// an INI file) failing while the app loads. Each is a rule of the config-error reason.
import type { Rule } from '../reason.js'
import { gunicornConfigErrors, type ConfigFacts } from './configuration.js'
import { commandLine, configSetting, dumpedSetting, firstLocation } from './locate.js'
import { exceptionIs, present } from './rule.js'
import { moduleNotFound } from './imports.js'
import { closestLocalModule, knownPackage, raisedByDjangoPopulate, settingsLineListing } from './local-modules.js'

/** `Invalid address: ('backend', 8001)`: the bind names a host the container cannot resolve. */
// A bind host with a character no host name, IPv4 or IPv6 address has (`=`, `$`, `{`, `/`, a quote, a blank).
const NOT_A_HOST = /^\('[^']*[^\w.:%\-[\]'][^']*', \d+\)$/

export const unresolvableBind: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'the bind host does not resolve',
  detect(rc) {
    // Gunicorn 19 retries a host that cannot resolve like a busy port (`Can't connect to ('ind=0.0.0.0', 80)`): a host
    // no name or address can be spelled with is a mistyped option (`-bind=…` read as `-b ind=…`), not another process.
    const stated = rc.ofKind('invalid-address')[0]
    const invalid = stated ?? rc.ofKind('cant-connect').find((e) => NOT_A_HOST.test(e.address))
    if (!invalid) return undefined
    const { address } = invalid
    const host = /^\('([^']*)'/.exec(address)?.[1] ?? address
    const port = /, (\d+)\)$/.exec(address)?.[1] ?? String(rc.ctx.settings.port)
    // Gunicorn's debug dump of its configuration shows the bind as it was written (`  bind: ['*:80']`).
    const written = /^\['([^']+)'/.exec(dumpedSetting(rc, 'bind')?.value ?? '')?.[1]
    return {
      facts: { kind: 'unresolvable-bind', address, host, port, malformed: stated === undefined, ...(written ? { written } : {}) },
      evidence: present(invalid.lines[0].text, commandLine(rc)?.text),
      location: firstLocation(configSetting(rc, 'bind'), commandLine(rc))
    }
  }
}

const EXPECTED_ONE = /^argument ([\w-]+(?:\/[\w-]+)?): expected one argument$/

/** `gunicorn: error: argument --max-requests: expected one argument`: an option whose value expanded to nothing. */
export const optionWithoutValue: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'an option was given without its value',
  detect(rc) {
    const error = gunicornConfigErrors(rc).find((e) => EXPECTED_ONE.test(e.message))
    if (!error) return undefined
    // `argument -w/--workers: …`: name the long form
    const option = /^argument ([\w/-]+)/.exec(error.message)![1].split('/').pop()!
    return {
      facts: { kind: 'option-without-value', option, message: error.message },
      evidence: error.lines.map((l) => l.text),
      location: firstLocation(commandLine(rc))
    }
  }
}

/** Gunicorn's own settings crashing the master: the 25.1+ control socket given something that is not a path. */
export const settingCrash: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'the control socket crashed the master',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => t.frames.some((f) => /gunicorn\/arbiter\.py$/.test(f.file) && /control_(server|socket)/.test(f.func ?? '')))
    if (!tb) return undefined
    const setting = configSetting(rc, 'control_socket')
    return {
      facts: { kind: 'control-socket', exceptionLine: tb.exception.line },
      evidence: present(rc.ofKind('main-loop-exception')[0]?.lines[0].text, tb.exception.line, setting?.text.trim()),
      location: firstLocation(setting, commandLine(rc))
    }
  }
}

/**
 * An INSTALLED_APPS entry Django cannot import (`apps.populate` raised `No module named 'uploads'`): a typo of a
 * local app, or an app nobody installed. Not a requirement to add when the repository has a module one typo away,
 * or when the name is not a known package (installing a guessed name from PyPI is how typosquats get in).
 */
export const installedApp: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'an INSTALLED_APPS entry is neither a local app nor installed',
  detect(rc) {
    const found = moduleNotFound(rc)
    if (!found || !raisedByDjangoPopulate(found.tb) || rc.localModuleExists(found.moduleName)) return undefined
    const local = closestLocalModule(rc, found.moduleName)
    if (!local && knownPackage(found.moduleName)) return undefined
    const listed = settingsLineListing(rc, found.tb, found.moduleName)
    const frame = rc.userFrame(found.tb)
    const location = listed ?? frame?.location
    const line = listed && rc.repo.read(listed.file)?.split('\n')[listed.line - 1]
    return {
      facts: { kind: 'installed-app', app: found.moduleName, location, local },
      evidence: [...present(line ? line.trim() : undefined), ...rc.tracebackEvidence(found.tb, frame)],
      location
    }
  }
}

/** Django's ImproperlyConfigured, unless it is about a variable or a module (missing-env, missing-dependency). */
export const djangoSettings: Rule<ConfigFacts> = {
  stage: 'boot',
  name: "Django's settings are ImproperlyConfigured",
  detect(rc) {
    const tb = rc.primaryTraceback(
      (t) =>
        exceptionIs(t, 'ImproperlyConfigured') &&
        !/environment variable|No module named|Did you install|Error loading \w+ (?:or \w+ )?module/i.test(t.exception.message)
    )
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const message = tb.exception.message.trim() || tb.exception.line
    // A multi-line message: its whole text, which the exception line alone does not show.
    const whole = tb.lines[tb.lines.length - 1]?.text !== tb.exception.line ? message : undefined
    return {
      facts: { kind: 'django-settings', message, location: frame?.location },
      evidence: [...rc.tracebackEvidence(tb, frame), ...present(whole)],
      location: frame?.location
    }
  }
}

/** configparser's `KeyError: 'section'`: an INI file the app reads lacks a section. */
export const iniSection: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'an INI config file lacks a section',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'KeyError') && t.frames.slice(-1)[0]?.file.endsWith('configparser.py') === true)
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const section = /^'([^']+)'$/.exec(tb.exception.message)?.[1] ?? tb.exception.message
    return {
      facts: { kind: 'ini-section', section, exceptionLine: tb.exception.line, location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}
