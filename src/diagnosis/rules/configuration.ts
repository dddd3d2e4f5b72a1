// Gunicorn's own configuration: settings it rejects, and the application spec it cannot resolve.
import type { Diagnosis } from '../../model.js'
import type { EventOf } from '../../gunicorn/log-parser.js'
import type { RuleContext } from '../context.js'
import { appConfiguration, optionWithoutValue, settingCrash, unresolvableBind } from './config-sources.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { code, present, type DiagnosisRule } from './rule.js'

type ConfigErrorEvent = EventOf<'config-error'>

export const configError: DiagnosisRule = {
  reason: 'config-error',
  explain(rc) {
    const other = unresolvableBind(rc) ?? optionWithoutValue(rc) ?? settingCrash(rc)
    if (other) return other
    const error = rc.ofKind('config-error')[0]
    if (!error) return appConfiguration(rc)
    const port = /^'(.*)' is not a valid port number\.?$/.exec(error.message)
    if (port) return invalidPort(rc, error, port[1])
    if (/No application module specified/.test(error.message)) {
      return {
        reason: 'config-error',
        summary: 'Gunicorn was started without an application module (e.g. `app:app`).',
        evidence: error.lines.map((l) => l.text),
        location: firstLocation(commandLine(rc)),
        remedy: `Add the WSGI/ASGI application as the last argument of the command (${code('gunicorn … module:app')}) or set ${code('wsgi_app')} in gunicorn.conf.py.`
      }
    }
    const readFailure = /^Failed to read config file: (.+)$/.exec(error.message)
    if (readFailure) return unreadableConfig(rc, error, readFailure[1])
    return rejectedSetting(rc, error)
  }
}

/** `'${PORT}' is not a valid port number`: a placeholder nobody expanded, in the CMD or in gunicorn.conf.py. */
function invalidPort(rc: RuleContext, error: ConfigErrorEvent, placeholder: string): Diagnosis {
  const evidence = error.lines.map((l) => l.text)
  const command = commandLine(rc)
  const config = rc.gunicornConfigFile()
  const bind = configSetting(rc, 'bind')
  const inCommand = command && placeholder && command.text.includes(placeholder) ? command : undefined
  const location = firstLocation(bind && (!inCommand || bind.text.includes(placeholder)) && bind, inCommand, bind)
  if (bind && location?.file === bind.file) evidence.push(bind.text.trim())
  else if (inCommand) evidence.push(inCommand.text)
  const remedyConfig = `read the environment in ${config ? code(config) : 'gunicorn.conf.py'}: ${code(`bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"`)}`
  if (placeholder === '') {
    return {
      reason: 'config-error',
      summary: `The bind address has an empty port: ${code('PORT')} is empty or unset where the bind is built.`,
      evidence,
      location,
      remedy: `Give ${code('PORT')} a value (the action passes ${code(`PORT=${rc.ctx.settings.port}`)}) or ${remedyConfig}.`
    }
  }
  const fromCommand = location && location.file === inCommand?.file && location.line === inCommand.line
  return {
    reason: 'config-error',
    summary: fromCommand
      ? `The bind address contains the literal text ${code(placeholder)}: the exec-form ${code('CMD')} runs no shell, so the variable is never expanded.`
      : `The bind address contains the literal text ${code(placeholder)}: gunicorn.conf.py is plain Python and does not expand shell variables.`,
    evidence,
    location,
    remedy: fromCommand
      ? `Use the shell form (${code('CMD gunicorn --bind 0.0.0.0:$PORT app:app')}) or ${remedyConfig}.`
      : `Instead of ${code(placeholder)}, ${remedyConfig}.`
  }
}

/** `Failed to read config file`: the config file raised while Gunicorn executed it. */
function unreadableConfig(rc: RuleContext, error: ConfigErrorEvent, file: string): Diagnosis {
  const tb = rc.tracebacks.find((t) => t.lines[0].seq > error.lines[0].seq) ?? rc.primaryTraceback()
  const frame = rc.userFrame(tb)
  return {
    reason: 'config-error',
    summary: `Gunicorn could not read its config file ${code(file)}${tb ? `: ${code(tb.exception.line)}` : ''}.`,
    evidence: [...error.lines.map((l) => l.text), ...(tb ? rc.tracebackEvidence(tb, frame) : [])],
    location: frame?.location,
    remedy: 'Fix the error in the config file; it is executed as Python when Gunicorn starts.'
  }
}

/** `Invalid value for X`, `unrecognized arguments`, or any other line Gunicorn printed before giving up. */
function rejectedSetting(rc: RuleContext, error: ConfigErrorEvent): Diagnosis {
  const invalid = /^Invalid value for ([\w-]+): (.*)$/.exec(error.message)
  const unrecognized = /^unrecognized arguments: (.+)$/.exec(error.message)
  const settingLine = invalid ? configSetting(rc, invalid[1].replace(/-/g, '_')) : undefined
  const detail = rc
    .ofKind('config-error')
    .slice(1)
    .map((e) => e.message)
  return {
    reason: 'config-error',
    summary: invalid
      ? `Gunicorn rejected the setting ${code(invalid[1])}: ${invalid[2]}${detail.length ? ` (${detail[0]})` : ''}.`
      : unrecognized
        ? `Gunicorn does not recognize the argument(s) ${code(unrecognized[1])}.`
        : `Gunicorn rejected its configuration: ${error.message}`,
    evidence: [...error.lines.map((l) => l.text), ...detail.slice(0, 2)],
    location: firstLocation(settingLine, commandLine(rc)),
    remedy: unrecognized
      ? 'Remove or correct those arguments in the command; `gunicorn --help` lists the valid ones for the installed version.'
      : 'Correct that value in the command or gunicorn.conf.py; `gunicorn --check-config` reproduces the error locally.'
  }
}

export const appNotFound: DiagnosisRule = {
  reason: 'app-not-found',
  explain(rc) {
    const loadError = rc.ofKind('app-load-error').find((e) => !/Error while loading/.test(e.message))
    const importTb = rc.primaryTraceback(
      (tb) => /^Failed to find (application|attribute)/.test(tb.exception.message) || tb.exception.type.endsWith('AppImportError')
    )
    const exit4 = rc.ofKind('worker-exit').some((e) => e.code === 4) || rc.ctx.container.exitCode === 4
    if (!loadError && !importTb && !(exit4 && rc.ofKind('shutdown').some((e) => e.reason === 'App failed to load.'))) return undefined
    const message = loadError?.message ?? importTb?.exception.message ?? 'App failed to load.'
    const attr = /Failed to find (?:attribute|application object) '([^']+)' in '([^']+)'/.exec(message)
    const suggestion = /did you mean '([^']+)'/.exec(message)?.[1]
    const moduleName = attr?.[2]
    const moduleFile = moduleName ? rc.moduleFile(moduleName) : undefined
    const candidates = moduleFile ? applicationObjects(rc.repo.read(moduleFile) ?? '') : []
    const command = commandLine(rc)
    const spec = /([\w.]+:[\w.()]+)/.exec(command?.text.replace(/0\.0\.0\.0:\S+|127\.0\.0\.1:\S+|\$\{?PORT\}?/g, '') ?? '')?.[1]
    const better = suggestion ?? (moduleName && candidates[0] ? `${moduleName}:${candidates[0]}` : undefined)
    return {
      reason: 'app-not-found',
      summary: attr
        ? `Gunicorn imported module ${code(attr[2])} but found no ${code(attr[1])} in it${candidates.length ? ` (it defines ${candidates.map(code).join(', ')})` : ''}.`
        : `Gunicorn could not find the application object: ${message}`,
      evidence: present(loadError?.lines[0].text, importTb?.exception.line, command?.text, rc.gunicornOutcomeLine()),
      location: firstLocation(command),
      remedy: better
        ? `Point Gunicorn at the object that exists: ${code(better)}${spec ? ` instead of ${code(spec)}` : ''}.`
        : 'Point Gunicorn at `module:variable` where the variable is the WSGI/ASGI application (for a factory: `module:create_app()`).'
    }
  }
}

/** Names assigned a Flask/FastAPI/Django application at module level. */
function applicationObjects(source: string): string[] {
  const names: string[] = []
  const pattern =
    /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(?:Flask|FastAPI|Starlette|Quart|Sanic|Falcon|falcon\.App|create_app|make_app|get_wsgi_application|get_asgi_application|application_factory)\b/gm
  for (const m of source.matchAll(pattern)) if (!names.includes(m[1])) names.push(m[1])
  return names
}
