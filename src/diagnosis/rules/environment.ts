// The environment the app expects at import: variables it reads, and services (databases, caches) it connects to.
import type { Diagnosis } from '../../model.js'
import type { RuleContext, Traceback } from '../context.js'
import { code, exceptionIs, fileLine, LOOPBACK, present, where, type DiagnosisRule } from './rule.js'

const ENV_FRAME = /environ|getenv|os\.py$|<frozen os>/
const ENV_NAME = /^'[A-Z][A-Z0-9_]*'$/

export const missingEnv: DiagnosisRule = {
  reason: 'missing-env',
  explain(rc) {
    const keyError = rc.primaryTraceback(
      (tb) =>
        exceptionIs(tb, 'KeyError') &&
        (tb.frames.some(
          (f) => ENV_FRAME.test(f.code ?? '') || ENV_FRAME.test(f.file) || (f.func === '__getitem__' && !/configparser/.test(f.file))
        ) ||
          // A bare `KeyError: 'SECRET_KEY'` (the frames were not pasted): an environment-style name.
          (tb.frames.length === 0 && ENV_NAME.test(tb.exception.message)))
    )
    const improperly = rc.primaryTraceback((tb) => exceptionIs(tb, 'ImproperlyConfigured') && /environment variable/i.test(tb.exception.message))
    const tb = keyError ?? improperly
    if (!tb) return emptySpecVariable(rc)
    const name =
      /^'([^']+)'$/.exec(tb.exception.message)?.[1] ??
      /(?:Set the |variable )([A-Z][A-Z0-9_]+)/.exec(tb.exception.message)?.[1] ??
      tb.exception.message
    const frame = rc.userFrame(tb)
    const hostFilled = rc.ctx.env.hostFilled?.includes(name)
    const provided = rc.ctx.env.provided.includes(name)
    return {
      reason: 'missing-env',
      summary: `The app needs the environment variable ${code(name)}, which is not set in the container${frame?.location ? `: ${code(fileLine(frame.location))} reads it at import` : ''}.`,
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

/**
 * `No module named '.wsgi'`: the module name has an empty part, so the variable it was built from is empty; the
 * log's own `NAME=` with nothing after it (an entrypoint echoing its settings) names that variable.
 */
function emptySpecVariable(rc: RuleContext): Diagnosis | undefined {
  const tb = rc.primaryTraceback((t) => /^No module named '(\.[\w.]*|[\w.]*\.|[\w.]*\.\.[\w.]*)'/.test(t.exception.message))
  if (!tb) return undefined
  const empty = rc.ctx.lines.map((l) => /\b([A-Z][A-Z0-9_]*)=(?=[\s,;)\]]|$)/.exec(l.text)).find((m) => m !== null)
  if (!empty) return undefined
  const moduleName = /^No module named '([^']*)'/.exec(tb.exception.message)![1]
  return {
    reason: 'missing-env',
    summary: `Gunicorn was asked to import ${code(moduleName)}, a module name with an empty part: the environment variable ${code(empty[1])} it is built from is empty (the log shows ${code(empty[0])}).`,
    evidence: present(rc.ctx.lines.find((l) => l.text.includes(empty[0]))?.text, tb.exception.line, rc.gunicornOutcomeLine()),
    remedy: `Pass ${code(empty[1])} with the action's \`env\` input (the value the image expects), or give it a default where the command is built.`
  }
}

const DB_EXCEPTION =
  /(OperationalError|InterfaceError|ConnectionError|ConnectionRefusedError|ServerSelectionTimeoutError|CannotConnectNowError|InvalidCatalogNameError|InvalidPasswordError|AuthenticationError|gaierror|TimeoutError)$/
const DB_MESSAGE =
  /could not translate host name|connection to server|Connection refused|could not connect to server|Can't connect to (MySQL|Redis)|Error -?\d+ connecting to|Name or service not known|Temporary failure in name resolution|timeout expired|No route to host|password authentication failed|database "[^"]+" does not exist|Unknown database|Access denied for user|invalid username-password pair|NOAUTH|Authentication required/i

type DbFailure = 'unresolved' | 'refused' | 'auth' | 'missing-database' | 'timeout' | 'other'
type DbError = ReturnType<typeof readDatabaseError>

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

function serviceKind(text: string): string {
  if (/redis/i.test(text)) return 'Redis'
  if (/mysql/i.test(text)) return 'MySQL'
  if (/mongo/i.test(text)) return 'MongoDB'
  if (/psycopg|postgres|asyncpg|port 5432/i.test(text)) return 'PostgreSQL'
  return 'the database'
}

/** What went wrong, and what to do about it, for each way a connection fails (a data table). */
function databaseWording({ failure, host, port, user, database }: DbError): { what: string; remedy: string } {
  const loopback = host !== undefined && LOOPBACK.test(host)
  const lazily = 'or connect on first request instead of while the app loads, so it can boot without the service'
  const viaNetwork = `join the service's Docker network with the \`network\` input (e.g. ${code('${{ job.services.postgres.network }}')}) and use its name`
  const wording: Record<DbFailure, { what: string; remedy: string }> = {
    unresolved: {
      what: `the name ${code(host ?? '?')} does not resolve inside the container`,
      remedy: `${code(host ?? 'That host')} only exists on the network where the app normally runs (a docker-compose or CI service): ${viaNetwork}, or point the URL given with \`env\` at ${code('host.docker.internal')} and the port the service publishes on the runner; ${lazily}.`
    },
    refused: {
      what: loopback ? `nothing listens there: inside the container ${code(host)} is the container itself` : 'the connection is refused',
      remedy: loopback
        ? `Point the URL at ${code('host.docker.internal')} to reach a service the workflow publishes on the runner (GitHub \`services:\` with \`ports:\`), or ${viaNetwork}; ${lazily}.`
        : `Check that the service runs and publishes port ${port ?? 'its port'} on the runner (\`ports:\` under GitHub \`services:\`), and that the URL given with \`env\` uses that port; ${lazily}.`
    },
    auth: {
      what: `the server rejects the credentials${user ? ` of user ${code(user)}` : ''}`,
      remedy: `Pass the user and password the test database was created with (e.g. the service's ${code('POSTGRES_USER')}/${code('POSTGRES_PASSWORD')}) in the URL given with \`env\`.`
    },
    'missing-database': {
      what: `the server has no database ${code(database ?? '?')}`,
      remedy: `Create ${code(database ?? 'the database')} in the service (e.g. ${code(`POSTGRES_DB: ${database ?? 'app'}`)}) or point the URL given with \`env\` at a database that exists.`
    },
    timeout: {
      what: 'the connection times out',
      remedy: `Make the service reachable from the container (${code('host.docker.internal')} for ports published on the runner, or the \`network\` input), ${lazily}.`
    },
    other: {
      what: 'the connection fails',
      remedy: `Make the service reachable from the container (${code('host.docker.internal')} or the \`network\` input) with a URL passed with \`env\`, ${lazily}.`
    }
  }
  return wording[failure]
}

export const databaseUnreachable: DiagnosisRule = {
  reason: 'database-unreachable',
  explain(rc) {
    const isDbError = (t: Traceback) =>
      DB_EXCEPTION.test(t.exception.type) && (DB_MESSAGE.test(t.exception.message) || /OperationalError$/.test(t.exception.type))
    // A driver error is usually chained: the socket or psycopg2 error first, then the library's own
    // (SQLAlchemy, redis-py), whose traceback is the one that reaches the user's code.
    const chain = rc.tracebackChains().find((c) => c.some(isDbError))
    if (!chain) return cutWhileConnecting(rc)
    const dbErrors = chain.filter(isDbError)
    const outer = dbErrors[dbErrors.length - 1]
    const text = chain.map((t) => `${t.exception.type}: ${t.exception.message}`).join('\n')
    const dbError = readDatabaseError(text)
    const frame =
      [...chain]
        .reverse()
        .map((t) => rc.userFrame(t))
        .find((f) => f?.location) ?? rc.userFrame(outer)
    const subject = dbError.host ? `${serviceKind(text)} at ${code(dbError.host)}${dbError.port ? ` port ${dbError.port}` : ''}` : serviceKind(text)
    const { what, remedy } = databaseWording(dbError)
    const cause = dbErrors[0] !== outer ? dbErrors[0].exception.line : undefined
    return {
      reason: 'database-unreachable',
      summary: `The app connects to ${subject} while it loads${where(frame?.location)}, and ${what}.`,
      evidence: [
        ...(frame?.text ?? []),
        outer.exception.line,
        ...(cause && !outer.exception.message.includes(dbErrors[0].exception.message) ? [cause] : []),
        ...present(rc.gunicornOutcomeLine())
      ],
      location: frame?.location,
      remedy
    }
  }
}

/** Where a database driver or ORM opens its connection: the innermost frames of a connect that failed. */
const DB_CONNECT_FRAME = /\/(django\/db\/backends|psycopg2?|pymysql|MySQLdb|sqlalchemy\/engine|sqlalchemy\/pool|asyncpg|redis|pymongo)\//
const CONNECT_FUNC = /^(ensure_connection|connect|_connect|get_new_connection|__connect|_do_get|raw_connection|connection)$/

/** A log cut inside the traceback of a connect (the driver's error line is missing): still the database. */
function cutWhileConnecting(rc: RuleContext): Diagnosis | undefined {
  const cut = rc
    .ofKind('cut-traceback')
    .find((tb) => tb.frames.slice(-3).some((f) => DB_CONNECT_FRAME.test(f.file) && CONNECT_FUNC.test(f.func ?? '')))
  if (!cut) return undefined
  const connect = [...cut.frames].reverse().find((f) => DB_CONNECT_FRAME.test(f.file) && CONNECT_FUNC.test(f.func ?? ''))!
  const kind = serviceKind(cut.frames.map((f) => f.file).join(' '))
  const { remedy } = databaseWording({ failure: 'other' })
  return {
    reason: 'database-unreachable',
    summary: `A worker failed while connecting to ${kind} during boot (${code(`${connect.func}`)} in ${code(connect.file.replace(/^.*\/(?:site|dist)-packages\//, ''))}); the log ends before the driver's error, so the exact failure is not shown.`,
    evidence: present(`  File "${connect.file}", line ${connect.line}, in ${connect.func}`, rc.gunicornOutcomeLine()),
    remedy
  }
}
