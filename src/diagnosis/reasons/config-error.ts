// Gunicorn rejected its configuration (or the app its own), or `docker run` could not start the container as
// configured. The start rules come first; the boot rules read Gunicorn's errors before the app's configuration.
import { defineReason, type Words } from '../reason.js'
import {
  invalidPort,
  noAppModule,
  rejectedSetting,
  serviceLinkWords,
  unreadableConfig,
  unrecognizedWords,
  type ConfigFacts,
  type ConfigFileFacts
} from '../rules/configuration.js'
import { djangoSettings, iniSection, installedApp, optionWithoutValue, settingCrash, unresolvableBind } from '../rules/config-sources.js'
import { bindRefused, ipv6Unavailable } from '../rules/bind-family.js'
import {
  configNameWords,
  controlSocketUnwritable,
  distributionNameAsModule,
  ipv6WithoutBrackets,
  stalePidfile,
  type ConfigNameFacts
} from '../rules/config-names.js'
import { executableMissing, networkMissing, otherStartFailure, startWords, type StartFacts } from '../rules/start-failures.js'
import { code, fileLine, where } from '../words.js'
import { callerRemedy, callerWords } from '../rules/config-frames.js'
import { settingsModuleMissing } from '../rules/settings-module.js'
import { appSettingsWords, settingLoggedUnset, settingsRefused, valueUnparsable, type AppSettingsFacts } from '../rules/app-settings.js'
import { configFileMissing, configValueWords, inlineComment, type ConfigValueFacts } from '../rules/config-values.js'
import { databaseUrlScheme, databaseUrlWords, type DatabaseUrlFacts } from '../rules/database-urls.js'
import { tlsFileMissing, tlsFileWords, type TlsFileFacts } from '../rules/tls-files.js'
import { unexpandedVariable, unexpandedVariableWords, type UnexpandedVariableFacts } from '../rules/unexpanded-variables.js'

type Facts =
  StartFacts | ConfigFacts | ConfigNameFacts | AppSettingsFacts | ConfigValueFacts | DatabaseUrlFacts | TlsFileFacts | UnexpandedVariableFacts

const CORRECT_VALUE = 'Correct that value in the command or gunicorn.conf.py; `gunicorn --check-config` reproduces the error locally.'
const PORT_FROM_ENV = code(`bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"`)

/** How to build the bind from the environment in the config file (nothing expands `${PORT}` there). */
function readEnvironmentIn({ configFile, importsOs }: ConfigFileFacts): string {
  if (!configFile) return `read the environment in a gunicorn.conf.py beside it: ${code('import os')}, then ${PORT_FROM_ENV}`
  // Applied word for word, `os.environ` in a file without the import is a NameError.
  return importsOs
    ? `read the environment in ${code(configFile)}: ${PORT_FROM_ENV}`
    : `read the environment in ${code(configFile)}: add ${code('import os')} at its top (it does not import ${code('os')}), then ${PORT_FROM_ENV}`
}

/** The exec-form command's fix: the repository's own line in the shell form, which expands the variable, with `exec`. */
function commandPortRemedy(facts: Extract<ConfigFacts, { kind: 'literal-port' }>): string {
  const shellForm = facts.shellForm ?? 'CMD exec gunicorn --bind 0.0.0.0:$PORT <module>:<app>'
  return (
    `Use the shell form with ${code('exec')} (${code(shellForm)}: the shell expands the variable, then ${code('exec')} leaves ` +
    `Gunicorn as PID 1 to receive the stop signal), or drop the bind from the command and ${readEnvironmentIn(facts)}.`
  )
}

function literalPort({ placeholder, inCommand }: Extract<ConfigFacts, { kind: 'literal-port' }>): string {
  const why = inCommand
    ? `the exec-form ${code('CMD')} runs no shell, so the variable is never expanded`
    : 'gunicorn.conf.py is plain Python and does not expand shell variables'
  return `The bind address contains the literal text ${code(placeholder)}: ${why}.`
}

type InstalledApp = Extract<ConfigFacts, { kind: 'installed-app' }>
type SettingsModule = Extract<ConfigFacts, { kind: 'settings-module-missing' }>

function settingsModuleSummary({ module, package: pkg, location }: SettingsModule): string {
  const holds = pkg && pkg.has.length > 0 ? ` (it holds ${pkg.has.map((name) => code(name)).join(', ')})` : ''
  const missing = pkg
    ? `the repository's ${code(`${pkg.path}/`)} has no module ${code(module.slice(pkg.name.length + 1))}${holds}`
    : 'no such module is in the image'
  return `${code('DJANGO_SETTINGS_MODULE')} names ${code(module)}${where(location)}, but ${missing}, so Django cannot load its settings.`
}

function settingsModuleRemedy({ suggestion, location }: SettingsModule): string {
  const at = location
    ? ` in ${code(fileLine(location))}`
    : " where it is set (the Dockerfile's `ENV`, the command's `--env`, the compose file, the action's `env` input)"
  const value = suggestion ? code(suggestion) : 'the dotted name of the settings module the image has'
  return `Set ${code('DJANGO_SETTINGS_MODULE')} to ${value}${at}, or add the module it names to the repository and the image.`
}

function installedAppSummary({ app, location, local }: InstalledApp): string {
  const lists = `${code('INSTALLED_APPS')} lists ${code(app)}${where(location)}, which is neither a module of the repository nor an installed package`
  return local
    ? `${lists}: the repository's app is ${code(local.name)} (${code(local.path)}), one typo away.`
    : `${lists}, so Django cannot load its apps.`
}

function installedAppRemedy({ app, location, local }: InstalledApp): string {
  const at = location ? ` in ${code(fileLine(location))}` : ' in the settings'
  if (local) {
    return (
      `Correct the entry to ${code(local.name)}${at}; do not add ${code(app)} to the requirements ` +
      '(a package of that name on PyPI would not be your app).'
    )
  }
  return (
    `Correct the entry to the app's module path${at}; for a third-party app, install the package its documentation ` +
    'names rather than one guessed from the module name.'
  )
}

/** Gunicorn 20.0 cannot load a config file without a Python extension (20.1+ warns, then runs it as Python). */
const notPythonFile = (file: string | undefined) => file !== undefined && !/\.pyc?$/.test(file) && !file.startsWith('python:')

function unreadableSummary(facts: Extract<ConfigFacts, { kind: 'unreadable-config' }>): string {
  return (
    `Gunicorn could not read its config file${facts.file ? ` ${code(facts.file)}` : ''}${facts.exceptionLine ? `: ${code(facts.exceptionLine)}` : ''}` +
    (facts.caller ? `, ${callerWords(facts.caller)}` : '') +
    (facts.file && notPythonFile(facts.file)
      ? `; its name does not end in ${code('.py')}, and Gunicorn 20+ loads the config file as a Python module.`
      : '.')
  )
}

function summary(facts: ConfigFacts): string {
  switch (facts.kind) {
    case 'ipv6-unavailable':
      return (
        `Gunicorn cannot bind the IPv6 address ${code(facts.address)}: the container has no IPv6 ` +
        `(${facts.errno === '97' ? 'the kernel runs without it' : 'it is disabled there, so the address is not its own'}), ` +
        'not another process on the port.'
      )
    case 'bind-refused':
      return (
        `Gunicorn kept retrying its bind${facts.address ? ` to ${code(facts.address)}` : ''} without reporting the address ` +
        'in use or invalid, so the bind failed with another error: most often an IPv6 address (`[::]`) where IPv6 is disabled' +
        (Number(facts.port) < 1024 ? ` (or, for a user that is not root, port ${facts.port}: only root may bind below 1024).` : '.')
      )
    case 'unresolvable-bind': {
      const bind = facts.written ? `${code(facts.written)} (${code(facts.address)})` : code(facts.address)
      return (
        `Gunicorn cannot bind ${bind}: the host ${code(facts.host)} in the bind address ` +
        (facts.malformed ? 'is no host name or address, so it never resolves.' : 'does not resolve to an address of this container.')
      )
    }
    case 'option-without-value':
      return (
        `Gunicorn's ${code(facts.option)} option was given without a value (${facts.message}): ` +
        'the variable meant to fill it is probably empty or unset.'
      )
    case 'control-socket':
      return (
        `The master crashed starting its control socket (Gunicorn 25.1+): the ${code('control_socket')} setting ` +
        `is not a usable path (${code(facts.exceptionLine)}).`
      )
    case 'empty-port':
      return `The bind address has an empty port: ${code('PORT')} is empty or unset where the bind is built.`
    case 'literal-port':
      return literalPort(facts)
    case 'no-app-module':
      return 'Gunicorn was started without an application module (e.g. `app:app`).'
    case 'service-link-port':
      return serviceLinkWords(facts).summary
    case 'unreadable-config':
      return unreadableSummary(facts)
    case 'invalid-value':
      return `Gunicorn rejected the setting ${code(facts.setting)}: ${facts.problem}${facts.detail !== undefined ? ` (${facts.detail})` : ''}.`
    case 'unrecognized-arguments':
      return unrecognizedWords(facts.args).summary
    case 'rejected':
      return `Gunicorn rejected its configuration: ${facts.message}`
    case 'django-settings':
      return `Django's settings are incomplete${where(facts.location)}: ${facts.message}`
    case 'installed-app':
      return installedAppSummary(facts)
    case 'settings-module-missing':
      return settingsModuleSummary(facts)
    case 'ini-section':
      return (
        `The app reads section ${code(facts.section)} of an INI config file while it loads${where(facts.location)}, ` +
        `and the file has no such section (${code(facts.exceptionLine)}).`
      )
  }
}

function unreadableRemedy(facts: Extract<ConfigFacts, { kind: 'unreadable-config' }>): string {
  if (facts.caller && !notPythonFile(facts.file)) return callerRemedy(facts.caller)
  return notPythonFile(facts.file)
    ? `Rename it to a ${code('.py')} name (e.g. ${code('gunicorn.conf.py')}) written as Python ` +
        `(${code('bind = "0.0.0.0:8000"')}), and pass that name to ${code('-c')}.`
    : 'Fix the error in the config file; it is executed as Python when Gunicorn starts.'
}

const DJANGO_SETTINGS_REMEDY =
  'Provide the setting or configuration file Django names above in the image (it is often copied by hand on the server and missing from the build).'

function unresolvableBindRemedy({ host, port, malformed }: Extract<ConfigFacts, { kind: 'unresolvable-bind' }>): string {
  // Other servers' way to say every interface; Gunicorn looks the `*` up as a host name.
  if (host === '*')
    return `Write ${code(`0.0.0.0:${port}`)} for every IPv4 interface (or ${code(`[::]:${port}`)} for IPv6): Gunicorn takes no ${code('*')}.`
  if (malformed)
    return (
      `Check how the bind option is written: a single-dash ${code('-bind=…')} is read as ${code('-b')} with the value ` +
      `${code(host)}; write ${code(`--bind 0.0.0.0:${port}`)} (or ${code(`-b 0.0.0.0:${port}`)}).`
    )
  return (
    `Bind to all interfaces inside the container (${code(`--bind 0.0.0.0:${port}`)}); a service name such as ` +
    `${code(host)} is how other containers reach this one, not an address it can listen on.`
  )
}

function remedy(facts: ConfigFacts): string {
  switch (facts.kind) {
    case 'ipv6-unavailable':
      return (
        `Bind to IPv4 (${code(`--bind 0.0.0.0:${facts.port}`)}), which every host supports; keep an IPv6 bind only where ` +
        'the host is known to enable IPv6 (and then beside the IPv4 one).'
      )
    case 'bind-refused':
      return (
        `Bind to IPv4 (${code(`--bind 0.0.0.0:${facts.port}`)}); if the bind is not an IPv6 one, ${code('--log-level debug')} ` +
        `makes Gunicorn 21+ print the bind's own error (${code('connection to … failed: [Errno …]')}).`
      )
    case 'unresolvable-bind':
      return unresolvableBindRemedy(facts)
    case 'option-without-value':
      return (
        `Give ${code(facts.option)} a value where the command is built (e.g. ${code(`${facts.option} "\${VAR:-1000}"`)} ` +
        'in the start script), or drop the option when the variable is empty.'
      )
    case 'control-socket':
      return (
        `Set ${code('control_socket')} to a writable path, or turn the socket off with ${code('--no-control-socket')} ` +
        `instead of ${code('control_socket = None')}.`
      )
    case 'empty-port':
      return `Give ${code('PORT')} a value (the action passes ${code(`PORT=${facts.port}`)}) or ${readEnvironmentIn(facts)}.`
    case 'literal-port':
      return facts.inCommand ? commandPortRemedy(facts) : `Instead of ${code(facts.placeholder)}, ${readEnvironmentIn(facts)}.`
    case 'service-link-port':
      return serviceLinkWords(facts).remedy
    case 'no-app-module':
      return (
        `Add the WSGI/ASGI application as the last argument of the command (${code('gunicorn … module:app')}) ` +
        `or set ${code('wsgi_app')} in gunicorn.conf.py.`
      )
    case 'unreadable-config':
      return unreadableRemedy(facts)
    case 'unrecognized-arguments':
      return unrecognizedWords(facts.args).remedy
    case 'invalid-value':
    case 'rejected':
      return CORRECT_VALUE
    case 'django-settings':
      return DJANGO_SETTINGS_REMEDY
    case 'installed-app':
      return installedAppRemedy(facts)
    case 'settings-module-missing':
      return settingsModuleRemedy(facts)
    case 'ini-section':
      return (
        `Add a ${code(`[${facts.section}]`)} section to the config file the app reads ` +
        '(check the path it is given in the container), or read it with a fallback.'
      )
  }
}

function words(facts: Facts): Words {
  switch (facts.kind) {
    case 'executable-missing':
    case 'network-missing':
    case 'start-failed':
      return startWords(facts)
    case 'ipv6-bind':
    case 'distribution-name':
    case 'stale-pidfile':
    case 'control-socket-unwritable':
      return configNameWords(facts)
    case 'settings-refused':
    case 'setting-unset':
    case 'value-unparsable':
      return appSettingsWords(facts)
    case 'config-file-missing':
    case 'inline-comment':
      return configValueWords(facts)
    case 'database-url-scheme':
      return databaseUrlWords(facts)
    case 'tls-file-missing':
      return tlsFileWords(facts)
    case 'unexpanded-variable':
      return unexpandedVariableWords(facts)
    default:
      return { summary: summary(facts), remedy: remedy(facts) }
  }
}

export default defineReason({
  id: 'config-error',
  title: 'Gunicorn configuration error',
  headline: 'Gunicorn configuration error',
  readme:
    'Gunicorn rejected its configuration, e.g. `bind = "0.0.0.0:${PORT}"` in `gunicorn.conf.py` (a ' +
    'config file is Python: nothing expands `${PORT}`), a bind host that does not resolve, an IPv6 bind where the container has no IPv6 (Errno 97/99), an option ' +
    "left without its value or glued to a blank by a line-continuation backslash, Kubernetes' `tcp://…` service-link value as the port, " +
    'a `control_socket` that is not a path (25.1+), a pid file that names a live process (`Already running on PID`), ' +
    "a `certfile` or `keyfile` the container does not have; or the app's own " +
    "configuration failed at import (Django's `ImproperlyConfigured`, an `INSTALLED_APPS` entry that names no app, " +
    'a `DJANGO_SETTINGS_MODULE` the image lacks, a missing INI section, a check of its own that refuses settings it ' +
    'names, a setting it logs as unset before Gunicorn finds no application, a pydantic setting whose value it cannot parse, ' +
    "a value that kept its inline comment (an env file's `18000 # seconds`), a configuration file it opens at import that is not there, " +
    'a database URL scheme SQLAlchemy dropped: `postgres://`)',
  fixtures: [
    { path: '__fixtures__/apps/fail-config-error', test: '__tests__/diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-exec-form-port', test: '__tests__/remedies.itg.ts' },
    { path: '__fixtures__/apps/fail-installed-app-typo', test: '__tests__/issue25-diagnosis.itg.ts' },
    { path: '__fixtures__/apps/fail-host-limits', test: '__tests__/host-limits.itg.ts' }
  ],
  rules: [
    executableMissing,
    networkMissing,
    otherStartFailure,
    // Mistakes Gunicorn does not print as its own `Error: …`, then the first error it printed, then the app's.
    ipv6Unavailable,
    bindRefused,
    unresolvableBind,
    optionWithoutValue,
    settingCrash,
    ipv6WithoutBrackets,
    invalidPort,
    unexpandedVariable,
    noAppModule,
    unreadableConfig,
    stalePidfile,
    tlsFileMissing,
    rejectedSetting,
    djangoSettings,
    installedApp,
    settingsModuleMissing,
    iniSection,
    databaseUrlScheme,
    settingsRefused,
    valueUnparsable,
    inlineComment,
    configFileMissing,
    settingLoggedUnset,
    distributionNameAsModule,
    // Last: Gunicorn serves on after it, so it explains a failure only when nothing else does.
    controlSocketUnwritable
  ],
  words
})
