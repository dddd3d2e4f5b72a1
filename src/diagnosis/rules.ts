// The diagnosis as an ordered table: the first rule that recognises the run explains it.
// Causes come before the symptoms they produce (a missing env var makes workers fail to boot, which makes
// health fail), so a rule may assume that every rule above it did not match.

import type { Diagnosis, ReasonId, SourceLocation } from '../model.js'
import type { EventOf } from '../gunicorn/log-parser.js'
import { RuleContext, type Traceback, frameText } from './context.js'
import { WORKER_CLASS_PACKAGES, pipPackageFor } from './packages.js'

export interface DiagnosisRule {
  reason: ReasonId
  explain(rc: RuleContext): Diagnosis | undefined
}

const code = (text: string | number) => `\`${String(text).replace(/`/g, "'")}\``
const where = (location: SourceLocation | undefined) => (location ? ` (${code(`${location.file}:${location.line}`)})` : '')
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:|$)/

function exceptionIs(tb: Traceback, ...types: string[]): boolean {
  const last = tb.exception.type.slice(tb.exception.type.lastIndexOf('.') + 1)
  return types.includes(last)
}

// ---------------------------------------------------------------- worker class

const WORKER_CLASS_MODULES = Object.keys(WORKER_CLASS_PACKAGES)

const workerClassUnavailable: DiagnosisRule = {
  reason: 'worker-class-unavailable',
  explain(rc) {
    const classError = rc.ofKind('config-error').find((e) => /^class uri /.test(e.message))
    const requires = rc.tracebacks.find((tb) => /^(\w+) worker requires /.test(tb.exception.message))
    const missing = rc.tracebacks.find((tb) => {
      const module = /^No module named '([^']+)'/.exec(tb.exception.message)?.[1]?.split('.')[0]
      return (
        module !== undefined &&
        WORKER_CLASS_MODULES.includes(module) &&
        (classError !== undefined ||
          requires !== undefined ||
          tb.frames.some((f) => /gunicorn\/workers\//.test(f.file)) ||
          isWorkerClassModule(rc, module))
      )
    })
    if (!classError && !requires && !missing) return undefined
    const workerClass = /^class uri '([^']+)'/.exec(classError?.message ?? '')?.[1] ?? rc.ctx.state.workerClass
    const module =
      /^No module named '([^']+)'/.exec(missing?.exception.message ?? '')?.[1]?.split('.')[0] ??
      /^(\w+) worker requires /.exec(requires?.exception.message ?? '')?.[1] ??
      (workerClass ? WORKER_CLASS_MODULES.find((m) => workerClass.toLowerCase().includes(m)) : undefined)
    const pkg = module ? WORKER_CLASS_PACKAGES[module] : undefined
    const requirements = rc.requirementsFile()
    const command = rc.dockerCommandLine()
    const config = rc.gunicornConfigFile()
    const configLine = config ? rc.repo.findLine(config, /^\s*worker_class\s*=/) : undefined
    const location: SourceLocation | undefined = configLine
      ? { file: config!, line: configLine.line }
      : command && /(-k|--worker-class)/.test(command.text)
        ? { file: command.file, line: command.line }
        : undefined
    const evidence = [classError?.lines[0].text, missing?.exception.line, requires?.exception.line].filter((l): l is string => Boolean(l))
    const className = workerClass ? `the ${code(workerClass)} worker class` : 'the configured worker class'
    return {
      reason: 'worker-class-unavailable',
      summary: `Gunicorn cannot load ${className}: ${pkg ? `the ${code(pkg.pipName)} package` : `module ${code(module ?? '?')}`} is not installed in the image.`,
      evidence,
      location,
      remedy: pkg
        ? `Add ${code(pkg.pipName)} to ${requirements ? code(requirements) : 'the image (requirements file)'}${pkg.note ? ` (${pkg.note})` : ''}, or choose a worker class the image has.`
        : `Install the package that provides ${className}, or choose a worker class the image has (e.g. ${code('gthread')}).`
    }
  }
}

function isWorkerClassModule(rc: RuleContext, module: string): boolean {
  const workerClass = rc.ctx.state.workerClass?.toLowerCase() ?? ''
  return workerClass.includes(module)
}

// ---------------------------------------------------------------- configuration

const configError: DiagnosisRule = {
  reason: 'config-error',
  explain(rc) {
    const error = rc.ofKind('config-error')[0]
    if (!error) return undefined
    const evidence = error.lines.map((l) => l.text)
    const command = rc.dockerCommandLine()
    const config = rc.gunicornConfigFile()

    const port = /^'(.*)' is not a valid port number\.?$/.exec(error.message)
    if (port) {
      const placeholder = port[1]
      const inConfig = config ? rc.repo.findLine(config, /^\s*bind\s*=/) : undefined
      const inCommand = command && placeholder && command.text.includes(placeholder) ? command : undefined
      const location: SourceLocation | undefined =
        inConfig && (!inCommand || inConfig.text.includes(placeholder))
          ? { file: config!, line: inConfig.line }
          : inCommand
            ? { file: inCommand.file, line: inCommand.line }
            : inConfig
              ? { file: config!, line: inConfig.line }
              : undefined
      if (inConfig && location?.file === config) evidence.push(inConfig.text.trim())
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
    if (/No application module specified/.test(error.message)) {
      return {
        reason: 'config-error',
        summary: 'Gunicorn was started without an application module (e.g. `app:app`).',
        evidence,
        location: command ? { file: command.file, line: command.line } : undefined,
        remedy: `Add the WSGI/ASGI application as the last argument of the command (${code('gunicorn … module:app')}) or set ${code('wsgi_app')} in gunicorn.conf.py.`
      }
    }
    const invalid = /^Invalid value for ([\w-]+): (.*)$/.exec(error.message)
    const unrecognized = /^unrecognized arguments: (.+)$/.exec(error.message)
    const readFailure = /^Failed to read config file: (.+)$/.exec(error.message)
    if (readFailure) {
      const tb = rc.tracebacks.find((t) => t.lines[0].seq > error.lines[0].seq) ?? rc.primaryTraceback()
      const frame = rc.userFrame(tb)
      return {
        reason: 'config-error',
        summary: `Gunicorn could not read its config file ${code(readFailure[1])}${tb ? `: ${code(tb.exception.line)}` : ''}.`,
        evidence: [...evidence, ...(tb ? rc.tracebackEvidence(tb, frame) : [])],
        location: frame?.location,
        remedy: 'Fix the error in the config file; it is executed as Python when Gunicorn starts.'
      }
    }
    const settingName = invalid?.[1]
    const settingLine = settingName && config ? rc.repo.findLine(config, new RegExp(`^\\s*${settingName.replace(/-/g, '_')}\\s*=`)) : undefined
    const location: SourceLocation | undefined = settingLine
      ? { file: config!, line: settingLine.line }
      : command
        ? { file: command.file, line: command.line }
        : undefined
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
      evidence: [...evidence, ...detail.slice(0, 2)],
      location,
      remedy: unrecognized
        ? 'Remove or correct those arguments in the command; `gunicorn --help` lists the valid ones for the installed version.'
        : 'Correct that value in the command or gunicorn.conf.py; `gunicorn --check-config` reproduces the error locally.'
    }
  }
}

// ---------------------------------------------------------------- port

const portInUse: DiagnosisRule = {
  reason: 'port-in-use',
  explain(rc) {
    const inUse = rc.ofKind('connection-in-use')
    const cantConnect = rc.ofKind('cant-connect')[0]
    const addressInUse = rc.tracebacks.find((tb) => /Address already in use/.test(tb.exception.message))
    if (inUse.length === 0 && !cantConnect && !addressInUse) return undefined
    const address = cantConnect?.address ?? inUse[0]?.address ?? addressInUse?.exception.message ?? ''
    const portNumber = /(\d+)\)?$/.exec(address)?.[1]
    // A sidecar started in the background by the entrypoint script is the usual culprit.
    const command = rc.dockerCommandLine()
    const script = /([\w./-]+\.sh)\b/.exec(command?.text ?? '')?.[1]
    const scriptFile = script ? rc.inContext(script.replace(/^\.?\//, '')) : undefined
    const background = scriptFile ? rc.repo.findLine(scriptFile, /&\s*$/) : undefined
    const location: SourceLocation | undefined = background
      ? { file: scriptFile!, line: background.line }
      : command
        ? { file: command.file, line: command.line }
        : undefined
    const evidence = [
      inUse[0]?.lines[0].text,
      inUse.find((e) => e.error)?.lines[0].text,
      cantConnect?.lines[0].text,
      addressInUse?.exception.line
    ].filter((l): l is string => Boolean(l))
    if (background) evidence.push(background.text.trim())
    return {
      reason: 'port-in-use',
      summary: `Port ${portNumber ?? address} inside the container is already taken, so Gunicorn could not bind ${code(address)}${background ? `; ${code(scriptFile!)} starts ${code(background.text.trim())} before it` : ''}.`,
      evidence,
      location,
      remedy: `Make sure nothing else in the container listens on ${portNumber ? `port ${portNumber}` : 'that address'} (a process started by the entrypoint, or the same address bound twice); give the other process its own port.`
    }
  }
}

// ---------------------------------------------------------------- application spec

const appNotFound: DiagnosisRule = {
  reason: 'app-not-found',
  explain(rc) {
    const loadError = rc.ofKind('app-load-error').find((e) => !/Error while loading/.test(e.message))
    const importTb = rc.primaryTraceback(
      (tb) => /^Failed to find (application|attribute)/.test(tb.exception.message) || tb.exception.type.endsWith('AppImportError')
    )
    const exit4 =
      rc.ofKind('worker-exit').find((e) => e.code === 4) ?? (rc.ctx.container.exitCode === 4 ? ({} as Partial<EventOf<'worker-exit'>>) : undefined)
    if (!loadError && !importTb && !(exit4 && rc.ofKind('shutdown').some((e) => e.reason === 'App failed to load.'))) return undefined
    const message = loadError?.message ?? importTb?.exception.message ?? 'App failed to load.'
    const attr = /Failed to find (?:attribute|application object) '([^']+)' in '([^']+)'/.exec(message)
    const suggestion = /did you mean '([^']+)'/.exec(message)?.[1]
    const moduleName = attr?.[2]
    const moduleFile = moduleName ? rc.moduleFile(moduleName) : undefined
    const candidates = moduleFile ? applicationObjects(rc.repo.read(moduleFile) ?? '') : []
    const command = rc.dockerCommandLine()
    const spec = /([\w.]+:[\w.()]+)/.exec(command?.text.replace(/0\.0\.0\.0:\S+|127\.0\.0\.1:\S+|\$\{?PORT\}?/g, '') ?? '')?.[1]
    const better = suggestion ?? (moduleName && candidates[0] ? `${moduleName}:${candidates[0]}` : undefined)
    const location: SourceLocation | undefined =
      command && spec ? { file: command.file, line: command.line } : command ? { file: command.file, line: command.line } : undefined
    const evidence = [loadError?.lines[0].text, importTb?.exception.line, command?.text, rc.gunicornOutcomeLine()].filter((l): l is string =>
      Boolean(l)
    )
    return {
      reason: 'app-not-found',
      summary: attr
        ? `Gunicorn imported module ${code(attr[2])} but found no ${code(attr[1])} in it${candidates.length ? ` (it defines ${candidates.map(code).join(', ')})` : ''}.`
        : `Gunicorn could not find the application object: ${message}`,
      evidence,
      location,
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

// ---------------------------------------------------------------- Python errors at import

const syntaxError: DiagnosisRule = {
  reason: 'syntax-error',
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'SyntaxError', 'IndentationError', 'TabError'))
    if (!tb) return undefined
    // The last frame of a SyntaxError traceback is the broken file itself (no `, in func`).
    const last = tb.frames[tb.frames.length - 1]
    const file = last ? rc.mapContainerPath(last.file) : undefined
    const location: SourceLocation | undefined = file && last ? { file, line: last.line, containerPath: last.file } : rc.userFrame(tb)?.location
    const shown = location ? `${location.file}:${location.line}` : last ? `${last.file}:${last.line}` : 'the application'
    return {
      reason: 'syntax-error',
      summary: `${code(shown)} has a ${tb.exception.type.split('.').pop()}: ${tb.exception.message}.`,
      evidence: [...(last ? frameText(last) : []), tb.exception.line, ...[rc.gunicornOutcomeLine()].filter((l): l is string => Boolean(l))],
      location,
      remedy: `Fix the syntax at ${code(shown)}; ${code(`python -m py_compile ${location?.file ?? 'file.py'}`)} reproduces it without Docker.`
    }
  }
}

const ENV_FRAME = /environ|getenv|os\.py$|<frozen os>/
const missingEnv: DiagnosisRule = {
  reason: 'missing-env',
  explain(rc) {
    const keyError = rc.primaryTraceback(
      (tb) => exceptionIs(tb, 'KeyError') && tb.frames.some((f) => ENV_FRAME.test(f.code ?? '') || ENV_FRAME.test(f.file) || f.func === '__getitem__')
    )
    const improperly = rc.primaryTraceback((tb) => exceptionIs(tb, 'ImproperlyConfigured') && /environment variable/i.test(tb.exception.message))
    const tb = keyError ?? improperly
    if (!tb) return undefined
    const name =
      /^'([^']+)'$/.exec(tb.exception.message)?.[1] ??
      /(?:Set the |variable )([A-Z][A-Z0-9_]+)/.exec(tb.exception.message)?.[1] ??
      tb.exception.message
    const frame = rc.userFrame(tb)
    const hostFilled = rc.ctx.env.hostFilled?.includes(name)
    const provided = rc.ctx.env.provided.includes(name)
    return {
      reason: 'missing-env',
      summary: `The app needs the environment variable ${code(name)}, which is not set in the container${frame?.location ? `: ${code(`${frame.location.file}:${frame.location.line}`)} reads it at import` : ''}.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: hostFilled
        ? `The hosting blueprint leaves ${code(name)} for the host to fill (e.g. render.yaml \`sync: false\`), so pass a test value with the action's \`env\` input.`
        : provided
          ? `${code(name)} was passed to the container yet the lookup failed: check its spelling where it is read, or read it with ${code(`os.environ.get("${name}")`)} and handle the absence.`
          : `Pass ${code(name)} with the action's \`env\` input (a secret or a harmless test value), or read it with ${code(`os.environ.get("${name}", default)`)}.`
    }
  }
}

const DB_EXCEPTION =
  /(OperationalError|InterfaceError|ConnectionError|ConnectionRefusedError|ServerSelectionTimeoutError|CannotConnectNowError|InvalidCatalogNameError|InvalidPasswordError|AuthenticationError|gaierror|TimeoutError)$/
const DB_MESSAGE =
  /could not translate host name|connection to server|Connection refused|could not connect to server|Can't connect to (MySQL|Redis)|Error -?\d+ connecting to|Name or service not known|Temporary failure in name resolution|timeout expired|No route to host|password authentication failed|database "[^"]+" does not exist|Unknown database|Access denied for user|invalid username-password pair|NOAUTH|Authentication required/i

type DbFailure = 'unresolved' | 'refused' | 'auth' | 'missing-database' | 'timeout' | 'other'

/** Reads what a driver error says, across the messages of psycopg2, SQLAlchemy, Django, redis-py and MySQL drivers. */
export function readDatabaseError(text: string): { failure: DbFailure; host?: string; port?: string; user?: string; database?: string } {
  const host =
    /host name "([^"]+)"/.exec(text)?.[1] ??
    /server at "([^"]+)"/.exec(text)?.[1] ??
    /Can't connect to \w+ server on '([^']+)'/.exec(text)?.[1] ??
    /Error -?\d+ connecting to (\[[^\]]+\]|[^:\s]+):\d+/.exec(text)?.[1] ??
    /connect to server: .*?"([^"]+)"/.exec(text)?.[1]
  const port = /port (\d+) failed/.exec(text)?.[1] ?? /Error -?\d+ connecting to (?:\[[^\]]+\]|[^:\s]+):(\d+)/.exec(text)?.[1]
  const user = /for user "([^"]+)"/.exec(text)?.[1] ?? /Access denied for user '([^']+)'/.exec(text)?.[1]
  const database = /database "([^"]+)" does not exist/.exec(text)?.[1] ?? /Unknown database '([^']+)'/.exec(text)?.[1]
  const failure: DbFailure =
    /could not translate host name|Name or service not known|Temporary failure in name resolution|nodename nor servname|gaierror|Unknown (MySQL )?server host/i.test(
      text
    )
      ? 'unresolved'
      : /password authentication failed|no password supplied|Access denied for user|invalid username-password pair|WRONGPASS|NOAUTH|AuthenticationError|Authentication required|role "[^"]+" does not exist/i.test(
            text
          )
        ? 'auth'
        : database
          ? 'missing-database'
          : /Connection refused|Cannot assign requested address|Errno 111|Error 111|Error 99/i.test(text)
            ? 'refused'
            : /timeout expired|timed out|No route to host|TimeoutError/i.test(text)
              ? 'timeout'
              : 'other'
  return { failure, host, port, user, database }
}

const databaseUnreachable: DiagnosisRule = {
  reason: 'database-unreachable',
  explain(rc) {
    const isDbError = (t: Traceback) =>
      DB_EXCEPTION.test(t.exception.type) && (DB_MESSAGE.test(t.exception.message) || /OperationalError$/.test(t.exception.type))
    // A driver error is usually chained: the socket or psycopg2 error first, then the library's own
    // (SQLAlchemy, redis-py), whose traceback is the one that reaches the user's code.
    const chain = rc.tracebackChains().find((c) => c.some(isDbError))
    if (!chain) return undefined
    const dbErrors = chain.filter(isDbError)
    const outer = dbErrors[dbErrors.length - 1]
    const text = chain.map((t) => `${t.exception.type}: ${t.exception.message}`).join('\n')
    const { failure, host, port, user, database } = readDatabaseError(text)
    const kind = /redis/i.test(text)
      ? 'Redis'
      : /mysql/i.test(text)
        ? 'MySQL'
        : /mongo/i.test(text)
          ? 'MongoDB'
          : /psycopg|postgres|asyncpg|port 5432/i.test(text)
            ? 'PostgreSQL'
            : 'the database'
    const loopback = host !== undefined && LOOPBACK.test(host)
    const frame =
      [...chain]
        .reverse()
        .map((t) => rc.userFrame(t))
        .find((f) => f?.location) ?? rc.userFrame(outer)
    const at = frame?.location ? ` (${code(`${frame.location.file}:${frame.location.line}`)})` : ''
    const subject = host ? `${kind} at ${code(host)}${port ? ` port ${port}` : ''}` : kind
    const what: Record<DbFailure, string> = {
      unresolved: `the name ${code(host ?? '?')} does not resolve inside the container`,
      refused: loopback ? `nothing listens there: inside the container ${code(host)} is the container itself` : 'the connection is refused',
      auth: `the server rejects the credentials${user ? ` of user ${code(user)}` : ''}`,
      'missing-database': `the server has no database ${code(database ?? '?')}`,
      timeout: 'the connection times out',
      other: 'the connection fails'
    }
    const lazily = 'or connect on first request instead of while the app loads, so it can boot without the service'
    const viaNetwork = `join the service's Docker network with the \`network\` input (e.g. ${code('${{ job.services.postgres.network }}')}) and use its name`
    const remedy: Record<DbFailure, string> = {
      unresolved: `${code(host ?? 'That host')} only exists on the network where the app normally runs (a docker-compose or CI service): ${viaNetwork}, or point the URL given with \`env\` at ${code('host.docker.internal')} and the port the service publishes on the runner; ${lazily}.`,
      refused: loopback
        ? `Point the URL at ${code('host.docker.internal')} to reach a service the workflow publishes on the runner (GitHub \`services:\` with \`ports:\`), or ${viaNetwork}; ${lazily}.`
        : `Check that the service runs and publishes port ${port ?? 'its port'} on the runner (\`ports:\` under GitHub \`services:\`), and that the URL given with \`env\` uses that port; ${lazily}.`,
      auth: `Pass the user and password the test database was created with (e.g. the service's ${code('POSTGRES_USER')}/${code('POSTGRES_PASSWORD')}) in the URL given with \`env\`.`,
      'missing-database': `Create ${code(database ?? 'the database')} in the service (e.g. ${code(`POSTGRES_DB: ${database ?? 'app'}`)}) or point the URL given with \`env\` at a database that exists.`,
      timeout: `Make the service reachable from the container (${code('host.docker.internal')} for ports published on the runner, or the \`network\` input), ${lazily}.`,
      other: `Make the service reachable from the container (${code('host.docker.internal')} or the \`network\` input) with a URL passed with \`env\`, ${lazily}.`
    }
    const cause = dbErrors[0] !== outer ? dbErrors[0].exception.line : undefined
    return {
      reason: 'database-unreachable',
      summary: `The app connects to ${subject} while it loads${at}, and ${what[failure]}.`,
      evidence: [
        ...(frame?.text ?? []),
        outer.exception.line,
        ...(cause && !outer.exception.message.includes(dbErrors[0].exception.message) ? [cause] : []),
        ...[rc.gunicornOutcomeLine()].filter((l): l is string => Boolean(l))
      ],
      location: frame?.location,
      remedy: remedy[failure]
    }
  }
}

const missingDependency: DiagnosisRule = {
  reason: 'missing-dependency',
  explain(rc) {
    const tb = rc.primaryTraceback(
      (t) => /^No module named '?([\w.]+)'?/.test(t.exception.message) && exceptionIs(t, 'ModuleNotFoundError', 'ImportError')
    )
    if (!tb) return undefined
    const moduleName = /^No module named '?([\w.]+)'?/.exec(tb.exception.message)![1]
    const frame = rc.userFrame(tb)
    const { pipName, differs } = pipPackageFor(moduleName)
    const local = rc.localModuleExists(moduleName)
    const requirements = rc.requirementsFile()
    const importedAt = frame?.location ? ` (${code(`${frame.location.file}:${frame.location.line}`)})` : ''
    if (local) {
      return {
        reason: 'missing-dependency',
        summary: `The app imports ${code(moduleName)}${importedAt}, which exists in the repository (${code(local)}) but is not importable in the container.`,
        evidence: rc.tracebackEvidence(tb, frame),
        location: frame?.location,
        remedy: `Check that the Dockerfile copies ${code(local)} and that Gunicorn runs from the right directory (${code('--chdir')}, ${code('WORKDIR')} or ${code('PYTHONPATH')}).`
      }
    }
    return {
      reason: 'missing-dependency',
      summary: `The app imports ${code(moduleName)}${importedAt}, which is not installed in the image.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: `Add ${code(pipName)} to ${requirements ? code(requirements) : 'the requirements installed by the Dockerfile'}${differs ? ` (the import name ${code(moduleName.split('.')[0])} differs from the package name)` : ''}.`
    }
  }
}

const importError: DiagnosisRule = {
  reason: 'import-error',
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'ImportError') && /cannot import name/.test(t.exception.message))
    if (!tb) return undefined
    const m = /cannot import name '([^']+)' from '([^']+)'(?: \(([^)]+)\))?/.exec(tb.exception.message)
    const name = m?.[1] ?? /cannot import name '?([\w.]+)'?/.exec(tb.exception.message)?.[1] ?? '?'
    const fromModule = m?.[2]
    const didYouMean = /Did you mean: '([^']+)'/.exec(tb.exception.message)?.[1]
    const circular = /partially initialized module|circular import/.test(tb.exception.message)
    const ownFile = m?.[3] ? rc.mapContainerPath(m[3]) : fromModule ? rc.moduleFile(fromModule) : undefined
    const frame = rc.userFrame(tb)
    const at = frame?.location ? `${code(`${frame.location.file}:${frame.location.line}`)} imports` : 'The app imports'
    const summary = circular
      ? `${at} ${code(name)} from ${code(fromModule ?? '?')} during a circular import (the module is only partially initialized).`
      : ownFile
        ? `${at} ${code(name)} from ${code(fromModule ?? '?')}, but ${code(ownFile)} does not define it.`
        : `${at} ${code(name)} from ${code(fromModule ?? '?')}, which the installed version of ${code((fromModule ?? '?').split('.')[0])} does not provide.`
    return {
      reason: 'import-error',
      summary,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: circular
        ? 'Break the cycle: move the shared code into its own module, or import inside the function that needs it.'
        : ownFile
          ? didYouMean
            ? `Import ${code(didYouMean)}, which ${code(ownFile)} defines, or define ${code(name)} there.`
            : `Define ${code(name)} in ${code(ownFile)} or import the name it actually has.`
          : `Pin the version of ${code(pipPackageFor(fromModule ?? name).pipName)} that still provides ${code(name)} in the requirements, or update the import for the installed version.`
    }
  }
}

// ---------------------------------------------------------------- workers killed

const outOfMemory: DiagnosisRule = {
  reason: 'out-of-memory',
  explain(rc) {
    const { container } = rc.ctx
    const timedOut = new Set(rc.ofKind('worker-timeout').map((e) => e.pid))
    const kills = rc.ofKind('worker-signal').filter((e) => e.signal === 'SIGKILL' || e.signal === '9' || e.perhapsOom)
    const oomKills = kills.filter((e) => !timedOut.has(e.pid))
    const oomEvents = container.oomEvents ?? 0
    // The container's own fate: Docker saw the cgroup hit its limit, or PID 1 (the master) was SIGKILLed under a limit.
    const masterKilled = container.oomKilled === true || (container.exitCode === 137 && container.memoryLimit !== undefined)
    if (oomKills.length === 0 && !masterKilled && oomEvents === 0) return undefined
    if (oomKills.length === 0 && !masterKilled && kills.length > 0) return undefined // only timeouts: not memory
    const limit = container.memoryLimit
    const underLimit = limit ? ` under its ${code(limit)} memory limit` : ''
    const workers = rc.ctx.state.expectedWorkers ?? configuredWorkers(rc)
    const evidence = oomKills.slice(0, 3).map((e) => e.lines[0].text)
    if (oomEvents > 0)
      evidence.push(`Docker reported ${oomEvents} OOM event${oomEvents === 1 ? '' : 's'} for the container${limit ? ` (memory limit ${limit})` : ''}`)
    if (masterKilled) evidence.push(`container ${container.oomKilled ? 'OOMKilled' : 'exit code 137'}${limit ? ` (memory limit ${limit})` : ''}`)
    const alsoTimeouts = kills.length > oomKills.length
    const bigger = limit
      ? `run on an instance with more than ${code(limit)} (the \`memory\` input is the instance size the boot is tested at)`
      : 'give the container more memory'
    if (oomKills.length === 0) {
      // No worker kill in the log: the master itself (which imports the app with preload_app) was killed.
      return {
        reason: 'out-of-memory',
        summary: masterKilled
          ? `The container was killed for using too much memory${underLimit}${rc.ctx.state.bootedPids.length === 0 ? ' before any worker booted: the master process itself ran out' : ''}.`
          : `The kernel's out-of-memory killer fired in the container${underLimit} while the app booted (${oomEvents} OOM event${oomEvents === 1 ? '' : 's'}).`,
        evidence,
        remedy: `Lower what the app allocates while it loads (load large data lazily)${preloads(rc) ? `; with ${code('preload_app')} the master imports the app, so the import alone must fit` : ''}, or ${bigger}.`
      }
    }
    return {
      reason: 'out-of-memory',
      summary: `Workers were killed with SIGKILL ${oomKills.length} time${oomKills.length === 1 ? '' : 's'} without a timeout first: the container ran out of memory${limit ? ` (limit ${limit})` : ''}${workers ? ` with ${workers} worker${workers === 1 ? '' : 's'}` : ''}.`,
      evidence,
      remedy: `Start fewer workers${workers ? ` (${workers} now, each importing the app and holding its own copy)` : ''} with ${code('--workers')} or ${code('WEB_CONCURRENCY')}, load the app once in the master with ${code('preload_app = True')} (${code('--preload')}) so workers share its memory, lower what the import allocates, or ${bigger}${alsoTimeouts ? '; some other SIGKILLs followed a WORKER TIMEOUT and are timeouts, not memory' : ''}.`
    }
  }
}

/** `--workers N` / `-w N` in the image command, or `workers = N` in gunicorn.conf.py. */
function configuredWorkers(rc: RuleContext): number | undefined {
  const command = rc.dockerCommandLine()?.text ?? ''
  const inCommand = /(?:--workers|-w)["',\s=]+["']?(\d+)/.exec(command)?.[1]
  const config = rc.gunicornConfigFile()
  const inConfig = config ? /=\s*(\d+)\s*$/.exec(rc.repo.findLine(config, /^\s*workers\s*=\s*\d+\s*$/)?.text ?? '')?.[1] : undefined
  const workers = Number(inCommand ?? inConfig)
  return Number.isInteger(workers) && workers > 0 ? workers : undefined
}

function preloads(rc: RuleContext): boolean {
  const config = rc.gunicornConfigFile()
  return /--preload/.test(rc.dockerCommandLine()?.text ?? '') || Boolean(config && rc.repo.findLine(config, /^\s*preload_app\s*=\s*True/))
}

const workerTimeout: DiagnosisRule = {
  reason: 'worker-timeout',
  explain(rc) {
    const timeouts = rc.ofKind('worker-timeout')
    if (timeouts.length === 0) return undefined
    const config = rc.gunicornConfigFile()
    const command = rc.dockerCommandLine()
    const inCommand = command && /(--timeout|-t)[\s"',=]+["']?(\d+)/.exec(command.text)
    const inConfig = !inCommand && config ? rc.repo.findLine(config, /^\s*timeout\s*=/) : undefined
    const seconds = inCommand?.[2] ?? /=\s*(\d+)/.exec(inConfig?.text ?? '')?.[1] ?? '30'
    const location: SourceLocation | undefined = inCommand
      ? { file: command.file, line: command.line }
      : inConfig
        ? { file: config!, line: inConfig.line }
        : undefined
    const booted = new Set(rc.ctx.state.bootedPids)
    const duringBoot = timeouts.filter((t) => booted.has(t.pid)).length
    const evidence = [timeouts[0].lines[0].text]
    const bootLine = rc.ofKind('worker-boot').find((b) => b.pid === timeouts[0].pid)
    if (bootLine) evidence.unshift(bootLine.lines[0].text)
    if (command && inCommand) evidence.push(command.text)
    // After the first healthy answer the app had loaded: a timeout then is a request that blocked the worker.
    const healthyAt = rc.ctx.health?.firstHealthyAt
    const servingTimeout = healthyAt !== undefined && (timeouts[0].lines[0]?.at ?? 0) > healthyAt
    if (servingTimeout) {
      return {
        reason: 'worker-timeout',
        summary: `Gunicorn killed ${timeouts.length === 1 ? 'a worker' : `${timeouts.length} workers`} with ${code('WORKER TIMEOUT')} while serving requests: a request kept the worker busy longer than Gunicorn's ${code('timeout')} of ${seconds} s.`,
        evidence,
        location,
        remedy: `Find the blocking call on the request path (with gevent workers, a C database driver or CPU-bound work blocks the whole worker), move slow work out of the request, or add workers/threads; raise ${code('--timeout')} only if such requests are expected.`
      }
    }
    return {
      reason: 'worker-timeout',
      summary: `Gunicorn killed ${duringBoot || timeouts.length} worker${timeouts.length === 1 ? '' : 's'} with ${code('WORKER TIMEOUT')}: loading the app took longer than Gunicorn's ${code('timeout')} of ${seconds} s.`,
      evidence,
      location,
      remedy: `Make the import fast (do not wait for services or load big data at import time) or raise ${code('--timeout')} above the real boot time.`
    }
  }
}

// ---------------------------------------------------------------- after boot

const crashLoop: DiagnosisRule = {
  reason: 'crash-loop',
  explain(rc) {
    const deaths = rc.ctx.state.deaths.filter((d) => !d.bootException && d.signal !== 'SIGTERM' && (d.code === undefined || d.code !== 0))
    const enough = deaths.length >= 2 || (rc.ctx.outcome === 'unstable' && deaths.length >= 1)
    if (!enough) return undefined
    const firstExit = rc.ofKind('worker-exit').find((e) => e.pid === deaths[0].pid)?.lines[0]
    // What the app printed just before the first exit is often the only clue (nothing else is logged).
    const firstDeathSeq = deaths[0].seq
    const clue = [...rc.ctx.lines].reverse().find((l) => l.seq < firstDeathSeq && !l.text.startsWith('[') && l.text.trim() !== '')
    const tb = rc.primaryTraceback((t) => t.pid === undefined || !rc.ctx.state.failedBootPids.includes(t.pid))
    const frame = rc.userFrame(tb)
    const presumed = deaths.filter((d) => d.presumed).length
    const codes = [...new Set(deaths.map((d) => (d.code !== undefined ? `code ${d.code}` : (d.signal ?? 'unlogged exit'))))]
    const evidence = [clue?.text, firstExit?.text, ...(tb ? [tb.exception.line] : [])].filter((l): l is string => Boolean(l))
    const replacements = rc.ofKind('worker-boot').slice(-1)[0]
    if (replacements) evidence.push(replacements.lines[0].text)
    const health = rc.ctx.health?.ok ? ' The health check passed between restarts, which hides the problem.' : ''
    return {
      reason: 'crash-loop',
      summary: `Workers keep exiting after they boot (${deaths.length} exits: ${codes.join(', ')}) and Gunicorn keeps replacing them${clue ? `; the app printed ${code(clue.text.trim().slice(0, 120))}` : ''}.${health}`,
      evidence,
      location: frame?.location,
      remedy: `Find what ends the worker after boot: a background thread calling ${code('os._exit')}/${code('sys.exit')}, a ${code('post_fork')} hook, or a crash in a native extension${presumed ? ' (Gunicorn 20.1 does not log exits with code 1: each "Booting worker" beyond the worker count is a replacement)' : ''}.`
    }
  }
}

// ---------------------------------------------------------------- nothing answered

const bootTimeout: DiagnosisRule = {
  reason: 'boot-timeout',
  explain(rc) {
    if (rc.ctx.outcome !== 'boot-timeout') return undefined
    const state = rc.ctx.state
    const seconds = rc.ctx.settings.timeoutSec
    const port = rc.ctx.settings.port
    const listening = rc.ofKind('listening')[0]
    const lastLines = rc.ctx.lines
      .filter((l) => l.text.trim() !== '')
      .slice(-3)
      .map((l) => l.text)
    const config = rc.gunicornConfigFile()
    const command = rc.dockerCommandLine()
    if (!state.started) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn never started within ${seconds} s: the log has no ${code('Starting gunicorn')} line${lastLines.length ? '' : ' (it is empty)'}.`,
        evidence: lastLines,
        location: command ? { file: command.file, line: command.line } : undefined,
        remedy:
          'Check that the image command runs Gunicorn (an entrypoint script may wait for something first) and that it does not block before starting it.'
      }
    }
    const binds = state.binds
    if (binds.length > 0 && binds.every((b) => LOOPBACK.test(b))) {
      const bindInConfig = config ? rc.repo.findLine(config, /^\s*bind\s*=.*(127\.0\.0\.1|localhost)/) : undefined
      const location: SourceLocation | undefined =
        command && /127\.0\.0\.1|localhost/.test(command.text)
          ? { file: command.file, line: command.line }
          : bindInConfig
            ? { file: config!, line: bindInConfig.line }
            : undefined
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn listens on ${code(binds.join(', '))}, the loopback interface inside the container, so nothing from outside can reach it.`,
        evidence: [listening?.lines[0].text, command?.text].filter((l): l is string => Boolean(l)),
        location,
        remedy: `Bind to all interfaces: ${code('--bind 0.0.0.0:$PORT')} (shell-form CMD) or ${code(`bind = f"0.0.0.0:{os.environ.get('PORT', '${port}')}"`)} in gunicorn.conf.py.`
      }
    }
    if (binds.length > 0 && binds.every((b) => b.startsWith('unix:'))) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn listens only on ${code(binds.join(', '))}, a Unix socket, not on TCP port ${port}.`,
        evidence: [listening?.lines[0].text].filter((l): l is string => Boolean(l)),
        location: command ? { file: command.file, line: command.line } : undefined,
        remedy: `Add a TCP bind for the smoke test: ${code(`--bind 0.0.0.0:${port}`)}.`
      }
    }
    const ports = binds.map((b) => /:(\d+)$/.exec(b)?.[1]).filter((p): p is string => Boolean(p))
    if (ports.length > 0 && !ports.includes(String(port))) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn listens on port ${ports.join(', ')} but the smoke test probes port ${port}.`,
        evidence: [listening?.lines[0].text].filter((l): l is string => Boolean(l)),
        location: command ? { file: command.file, line: command.line } : undefined,
        remedy: `Bind to ${code('0.0.0.0:$PORT')} (the action sets ${code(`PORT=${port}`)}), or set the action's \`port\` input to ${ports[0]}.`
      }
    }
    if (!listening) {
      return {
        reason: 'boot-timeout',
        summary: `Gunicorn started but never logged ${code('Listening at')} within ${seconds} s.`,
        evidence: lastLines,
        remedy: 'Something blocks the master before it binds (a config hook such as `on_starting`, or a preload import); make it return promptly.'
      }
    }
    const lastBoot = rc.ofKind('worker-boot').slice(-1)[0]
    const hang = lastBoot && rc.ctx.lines.slice(-1)[0]?.seq === lastBoot.lines[0].seq
    return {
      reason: 'boot-timeout',
      summary: state.bootedPids.length
        ? `Gunicorn booted ${state.bootedPids.length} worker${state.bootedPids.length === 1 ? '' : 's'} but nothing answered within ${seconds} s${hang ? `; the log stops at ${code(lastBoot.lines[0].text.replace(/^\[[^\]]+\] /, ''))}, so the app is probably still importing (a blocking call at import)` : ''}.`
        : `Gunicorn is listening but no worker booted within ${seconds} s.`,
      evidence: lastLines,
      remedy: `Make the import return quickly (no waiting on services at import time); note that Gunicorn 22+ does not apply its ${code('timeout')} while a worker is still importing, so such a worker hangs without any log line.`
    }
  }
}

// ---------------------------------------------------------------- probes

const websocketFailed: DiagnosisRule = {
  reason: 'websocket-failed',
  explain(rc) {
    const ws = rc.ctx.websocket
    if (rc.ctx.outcome !== 'websocket-failed' || !ws || ws.ok) return undefined
    const workerClass = rc.ctx.state.workerClass ?? 'sync'
    const alive = rc.ctx.state.alivePids.length
    const evidence = [`WebSocket ${ws.path}: ${ws.detail}`]
    const listening = rc.ofKind('worker-class')[0]
    if (listening) evidence.push(listening.lines[0].text)
    if (ws.status === 404) {
      return {
        reason: 'websocket-failed',
        summary: `There is no WebSocket route at ${code(ws.path)}: the upgrade request was answered 404.`,
        evidence,
        remedy: 'Set the `websocket-path` input to the route the app serves, or register that route.'
      }
    }
    if (ws.protocol === 'socket.io' && alive > 1 && /session|sid|400/i.test(`${ws.detail} ${ws.status ?? ''}`)) {
      return {
        reason: 'websocket-failed',
        summary: `Socket.IO failed with ${alive} workers: its handshake and upgrade land on different workers, which do not share sessions.`,
        evidence,
        remedy: 'Run Socket.IO with a single worker (`-w 1` with an async worker class) or put a load balancer with sticky sessions in front.'
      }
    }
    const plainWorker = /^(sync|gthread|gevent|gunicorn\.workers\.(sync|gthread|ggevent)\.\w+)$/i.test(workerClass)
    if (plainWorker && (ws.status === 400 || ws.status === 426 || ws.failure === 'closed' || ws.failure === 'protocol' || ws.status === 200)) {
      return {
        reason: 'websocket-failed',
        summary: `The ${code(workerClass)} worker class cannot hold a WebSocket, so the upgrade at ${code(ws.path)} failed (${ws.detail}).`,
        evidence,
        remedy: `Use a worker class that speaks WebSocket: ${code('geventwebsocket.gunicorn.workers.GeventWebSocketWorker')} (package ${code('gevent-websocket')}), ${code('uvicorn.workers.UvicornWorker')} (package ${code('uvicorn[standard]')}) for ASGI apps, or ${code('eventlet')}.`
      }
    }
    return {
      reason: 'websocket-failed',
      summary: `The WebSocket probe of ${code(ws.path)} failed: ${ws.detail}.`,
      evidence,
      remedy: 'Check the route and the expected messages (`websocket-*` inputs) against the app, and that the worker class supports WebSockets.'
    }
  }
}

const healthCheckFailed: DiagnosisRule = {
  reason: 'health-check-failed',
  explain(rc) {
    const health = rc.ctx.health
    if (rc.ctx.outcome !== 'health-failed' && !(health && !health.ok && rc.ctx.outcome !== 'unstable')) return undefined
    // When Gunicorn itself failed with a traceback, the unanswered health check is a symptom, not the cause.
    if (rc.ctx.outcome !== 'health-failed' && rc.primaryTraceback()) return undefined
    // A container that stopped by itself explains the unanswered health check better than the check does.
    if (rc.ctx.outcome === 'container-exited' && rc.ctx.container.exitCode !== undefined) return undefined
    const { healthPath, healthStatus } = rc.ctx.settings
    if (!health) {
      return {
        reason: 'health-check-failed',
        summary: `The health check of ${code(healthPath)} did not pass.`,
        evidence: [],
        remedy: `Make ${code(healthPath)} answer ${healthStatus} once the app is ready.`
      }
    }
    const body = health.bodyExcerpt ? ` ${code(health.bodyExcerpt.replace(/\s+/g, ' ').slice(0, 160))}` : ''
    const evidence = [
      health.status !== undefined ? `GET ${healthPath} → ${health.status}${body}` : `GET ${healthPath} → ${health.error ?? 'no answer'}`
    ]
    if (health.status !== undefined) {
      return {
        reason: 'health-check-failed',
        summary: `${code(healthPath)} answered ${health.status} instead of ${healthStatus}${body ? `:${body}` : ''}.`,
        evidence,
        remedy:
          health.status === 404
            ? `The app has no route ${code(healthPath)}: add one or set the \`health-path\` input to an existing route.`
            : `The app is up but reports itself unhealthy: fix what ${code(healthPath)} checks (often a service it cannot reach in CI) or set \`health-status\` to accept ${health.status}.`
      }
    }
    return {
      reason: 'health-check-failed',
      summary: `${code(healthPath)} never answered after ${health.attempts} attempt${health.attempts === 1 ? '' : 's'}: ${health.error ?? 'no response'}.`,
      evidence,
      remedy: `Check that Gunicorn listens on ${code(`0.0.0.0:${rc.ctx.settings.port}`)} and that requests to ${code(healthPath)} do not block.`
    }
  }
}

// ---------------------------------------------------------------- last resort

export function unknownDiagnosis(rc: RuleContext): Diagnosis {
  const tb = rc.primaryTraceback()
  const frame = rc.userFrame(tb)
  const outcomeLine = rc.gunicornOutcomeLine()
  if (tb) {
    return {
      reason: 'unknown',
      summary: `Workers failed with ${code(tb.exception.line.slice(0, 200))}${where(frame?.location)}.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: 'Fix the exception above; it happens while Gunicorn loads the app, so it reproduces with `python -c "import <module>"` in the image.'
    }
  }
  const interesting = rc.ctx.lines.filter((l) => /error|exception|fail|fatal|critical|killed|denied|not found/i.test(l.text)).slice(-5)
  const tail = interesting.length ? interesting : rc.ctx.lines.filter((l) => l.text.trim()).slice(-5)
  const exitCode = rc.ctx.container.exitCode
  return {
    reason: 'unknown',
    summary: outcomeLine
      ? `Gunicorn stopped: ${code(outcomeLine.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, ''))}${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}.`
      : (exitCode === 137 || exitCode === 143) && !rc.ctx.container.running
        ? `The container was stopped by ${exitCode === 137 ? 'SIGKILL' : 'SIGTERM'} (exit code ${exitCode}) while Gunicorn was running, and its log shows no error: something outside the app (docker kill or stop, the runner, the kernel) ended it.`
        : exitCode !== undefined && !rc.ctx.container.running
          ? `The container exited with code ${exitCode} without a recognisable Gunicorn error.`
          : 'The smoke test failed without a recognisable Gunicorn error.',
    evidence: tail.map((l) => l.text),
    remedy: 'Read the last lines of the log below; run the image locally with the same command to reproduce.'
  }
}

/** Ordered: causes before the symptoms they produce. */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  workerClassUnavailable,
  configError,
  portInUse,
  appNotFound,
  syntaxError,
  missingEnv,
  databaseUnreachable,
  missingDependency,
  importError,
  outOfMemory,
  workerTimeout,
  crashLoop,
  bootTimeout,
  websocketFailed,
  healthCheckFailed
]
