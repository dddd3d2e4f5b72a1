// The environment the app expects at import: variables it reads, and services (databases, caches) it connects to.
// Detection only: the missing-env and database-unreachable reasons word what these find.
import type { TracebackFrame } from '../../gunicorn/log-parser.js'
import type { RuleContext, Traceback, UserFrame } from '../context.js'
import { exceptionIs } from './rule.js'

/** The first capture of the first pattern that matches `text`, in the table's order. */
export function firstCapture(text: string, patterns: readonly RegExp[], group = 1): string | undefined {
  for (const pattern of patterns) {
    const captured = pattern.exec(text)?.[group]
    if (captured !== undefined) return captured
  }
  return undefined
}

const ENV_FRAME = /environ|getenv|os\.py$|<frozen os>/
const ENV_NAME = /^'[A-Z][A-Z0-9_]*'$/

/** A `KeyError` raised by an `os.environ[...]` lookup. */
export function environKeyError(rc: RuleContext): Traceback | undefined {
  return rc.primaryTraceback(
    (tb) =>
      exceptionIs(tb, 'KeyError') &&
      (tb.frames.some((f) => ENV_FRAME.test(f.code ?? '') || ENV_FRAME.test(f.file) || (f.func === '__getitem__' && !/configparser/.test(f.file))) ||
        // A bare `KeyError: 'SECRET_KEY'` (the frames were not pasted): an environment-style name.
        (tb.frames.length === 0 && ENV_NAME.test(tb.exception.message)))
  )
}

// The mapping's own frame a subscript of `os.environ` raises from (`os.py`, `<frozen os>`, Python 2's `UserDict.py`).
const MAPPING_FRAME = /(?:^|\/)(?:os|UserDict)\.py$|^<frozen os>$/
const SUBSCRIPT_READ = /\bos\.environ\[\s*['"]([^'"]+)['"]\s*\]/

/**
 * A traceback the paste cut before its `KeyError` line, ending in the mapping's `__getitem__` right under the app's
 * `os.environ["NAME"]`: the lookup of NAME is what raised.
 */
export function environReadCut(rc: RuleContext): { name: string; frames: TracebackFrame[] } | undefined {
  for (const cut of rc.ofKind('cut-traceback')) {
    const last = cut.frames[cut.frames.length - 1]
    const reader = cut.frames[cut.frames.length - 2]
    if (!last || !reader || last.func !== '__getitem__' || !MAPPING_FRAME.test(last.file)) continue
    const name = SUBSCRIPT_READ.exec(reader.code ?? '')?.[1]
    if (name) return { name, frames: cut.frames }
  }
  return undefined
}

/** Django's `ImproperlyConfigured: Set the SECRET_KEY environment variable` and the like. */
export function environImproperlyConfigured(rc: RuleContext): Traceback | undefined {
  return rc.primaryTraceback((tb) => exceptionIs(tb, 'ImproperlyConfigured') && /environment variable/i.test(tb.exception.message))
}

/** The variable an exception message names: `'NAME'` (KeyError), `Set the NAME …`, `… variable NAME`. */
export function variableName(message: string): string {
  return firstCapture(message, [/^'([^']+)'$/, /(?:Set the |variable )([A-Z][A-Z0-9_]+)/]) ?? message
}

const EMPTY_PART = /^No module named '(\.[\w.]*|[\w.]*\.|[\w.]*\.\.[\w.]*)'/

/**
 * `No module named '.wsgi'`: the module name has an empty part, so the variable it was built from is empty; the
 * log's own `NAME=` with nothing after it (an entrypoint echoing its settings) names that variable.
 */
export function emptySpecVariable(rc: RuleContext): { tb: Traceback; moduleName: string; assignment: RegExpExecArray } | undefined {
  const tb = rc.primaryTraceback((t) => EMPTY_PART.test(t.exception.message))
  if (!tb) return undefined
  const assignment = rc.ctx.lines.map((l) => /\b([A-Z][A-Z0-9_]*)=(?=[\s,;)\]]|$)/.exec(l.text)).find((m) => m !== null)
  if (!assignment) return undefined
  return { tb, moduleName: /^No module named '([^']*)'/.exec(tb.exception.message)![1], assignment }
}

const DB_EXCEPTION =
  /(OperationalError|InterfaceError|ConnectionError|ConnectionRefusedError|ServerSelectionTimeoutError|CannotConnectNowError|InvalidCatalogNameError|InvalidPasswordError|AuthenticationError|gaierror|TimeoutError|ProgrammingError|UndefinedTable|UndefinedTableError)$/
const DB_MESSAGE =
  /could not translate host name|connection to server|Connection refused|could not connect to server|Can't connect to (MySQL|Redis)|Error -?\d+ connecting to|Name or service not known|Temporary failure in name resolution|timeout expired|No route to host|password authentication failed|database "[^"]+" does not exist|Unknown database|Access denied for user|invalid username-password pair|NOAUTH|Authentication required|relation "[^"]+" does not exist|no such table: |Table '[^']+' doesn't exist|unable to open database file/i

// asyncio's own words for a connect that failed (asyncpg, aiohttp, redis.asyncio, motor): `Connect call failed ('db', 5432)`.
const ASYNC_CONNECT = /Connect call failed \('[^']+', \d+\)/
// Message brokers' clients, whose connection errors often carry no message at all.
const BROKER_UNREACHABLE = /(?:AMQPConnectionError|NoBrokersAvailable)$/

/** A driver's connection error (an OperationalError counts whatever its message). */
export const isDatabaseError = (t: Traceback) =>
  (DB_EXCEPTION.test(t.exception.type) &&
    (DB_MESSAGE.test(t.exception.message) || /(?:OperationalError|ServerSelectionTimeoutError)$/.test(t.exception.type))) ||
  ASYNC_CONNECT.test(t.exception.message) ||
  BROKER_UNREACHABLE.test(t.exception.type)

export type DbFailure = 'unresolved' | 'refused' | 'auth' | 'missing-database' | 'not-migrated' | 'file-unopenable' | 'timeout' | 'other'
export interface DbError {
  failure: DbFailure
  host?: string
  port?: string
  user?: string
  database?: string
  /** The table a query found missing (`relation "x" does not exist`). */
  table?: string
}

// Messages that name the host and its port together: the host is the first group, the port the second.
const ENDPOINTS = [
  /Error -?\d+ connecting to (\[[^\]]+\]|[^:\s]+):(\d+)/,
  // pymongo's `mongo:27017: [Errno -2] Name or service not known`, `database:27017: timed out`
  /\b([A-Za-z][\w.-]*):(\d+): (?:\[Errno -?\d+\]|timed out)/,
  // urllib3's (requests, the Elasticsearch and Vault clients): `HTTPConnectionPool(host='vault', port=8200)`
  /ConnectionPool\(host='([^']+)'(?:, port=(\d+)\))?/,
  /Connect call failed \('([^']+)'(?:, (\d+)\))?/
]
// Each field as psycopg2, SQLAlchemy, Django, redis-py and MySQL drivers print it, tried in order.
const HOST = [
  /host name "([^"]+)"/,
  /server at "([^"]+)"/,
  /Can't connect to \w+ server on '([^']+)'/,
  /connect to server: .*?"([^"]+)"/,
  /Unknown MySQL server host '([^']+)'/,
  /Failed to resolve '([^']+)'/
]
const TABLE = [/relation "([^"]+)" does not exist/, /no such table: ([\w.]+)/, /Table '([^']+)' doesn't exist/]
const USER = [/for user "([^"]+)"/, /Access denied for user '([^']+)'/]
const DATABASE = [/database "([^"]+)" does not exist/, /Unknown database '([^']+)'/]

/** How the connection failed, the first that matches; else 'other'. */
const FAILURES: readonly [DbFailure, RegExp][] = [
  [
    'unresolved',
    /could not translate host name|Name or service not known|Temporary failure in name resolution|nodename nor servname|gaierror|Unknown (MySQL )?server host/i
  ],
  [
    'auth',
    /password authentication failed|no password supplied|Access denied for user|invalid username-password pair|WRONGPASS|NOAUTH|AuthenticationError|Authentication required|role "[^"]+" does not exist/i
  ],
  // The DATABASE patterns: a database is named as missing.
  ['missing-database', /database "[^"]+" does not exist|Unknown database '[^']+'/],
  // Reached, and queried: the schema is not there (its migrations have not run).
  ['not-migrated', /relation "[^"]+" does not exist|no such table: |Table '[^']+' doesn't exist/],
  // SQLite has no server: its file's directory is missing or not writable.
  ['file-unopenable', /unable to open database file/],
  ['refused', /Connection refused|Cannot assign requested address|Errno 111|Error 111|Error 99/i],
  ['timeout', /timeout expired|timed out|No route to host|TimeoutError/i]
]

/** Reads what a driver error says, across the messages of psycopg2, SQLAlchemy, Django, redis-py and MySQL drivers. */
export function readDatabaseError(text: string): DbError {
  return {
    failure: FAILURES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other',
    host: firstCapture(text, HOST) ?? firstCapture(text, ENDPOINTS),
    port: /port (\d+) failed/.exec(text)?.[1] ?? firstCapture(text, ENDPOINTS, 2),
    user: firstCapture(text, USER),
    database: firstCapture(text, DATABASE),
    table: firstCapture(text, TABLE)
  }
}

/** The kind of service a driver error or a driver's files name. */
export function serviceKind(text: string): string {
  if (/redis|, 6379\)/i.test(text)) return 'Redis'
  if (/mysql|, 3306\)/i.test(text)) return 'MySQL'
  if (/mongo|, 27017\)/i.test(text)) return 'MongoDB'
  if (/psycopg|postgres|asyncpg|port 5432|, 5432\)/i.test(text)) return 'PostgreSQL'
  if (/elastic/i.test(text)) return 'Elasticsearch'
  if (/sqlite/i.test(text)) return 'SQLite'
  if (/kombu|amqp|pika|kafka/i.test(text)) return 'the message broker'
  if (/ConnectionPool\(host=|urllib3|requests\.exceptions/.test(text)) return 'the service'
  return 'the database'
}

/** Where a database driver or ORM opens its connection: the innermost frames of a connect that failed. */
const DB_CONNECT_FRAME = /\/(django\/db\/backends|psycopg2?|pymysql|MySQLdb|sqlalchemy\/engine|sqlalchemy\/pool|asyncpg|redis|pymongo)\//
// pymongo connects lazily: its server selection is where a connect waits for the server and fails.
const CONNECT_FUNC =
  /^(ensure_connection|connect|_connect|get_new_connection|__connect|_do_get|raw_connection|connection|select_servers?|_select_servers_loop)$/

export const isConnectFrame = (f: TracebackFrame) => DB_CONNECT_FRAME.test(f.file) && CONNECT_FUNC.test(f.func ?? '')

/**
 * A read that yields `None` when the variable is unset: `os.environ.get("X")`, `os.getenv("X")`, `env("X")`,
 * `env.str("X")`, without a default (or with `None`). Group 1 is the reader, group 2 the name.
 */
const ENV_READ = /((?:\bos\.)?\benviron\.get|(?:\bos\.)?\bgetenv|\benv(?:\.\w+)?)\(\s*['"]([A-Za-z_]\w*)['"]\s*(?:,\s*(?:default\s*=\s*)?None\s*)?\)/g

/** What was done to the `None`: the attribute of an AttributeError (`… has no attribute 'split'`). */
const NONE_ATTRIBUTE = /'NoneType' object has no attribute '(\w+)'/

export interface NoneFromEnvironment {
  tb: Traceback
  name: string
  /** The read as the source has it, e.g. `os.environ.get("DJANGO_ALLOWED_HOSTS")`. */
  read: string
  /** The reader, e.g. `os.environ.get`. */
  reader: string
  frame?: UserFrame
  /** The read gave an empty string (its default), not `None`. */
  empty?: true
}

/** The variable a source line reads, preferring the read whose `None` the exception used (`….split`). */
export function environmentRead(source: string, message: string): { name: string; read: string; reader: string } | undefined {
  const reads = [...source.matchAll(ENV_READ)]
  const attribute = NONE_ATTRIBUTE.exec(message)?.[1]
  const used = attribute
    ? reads.find((m) =>
        source
          .slice(m.index + m[0].length)
          .trimStart()
          .startsWith(`.${attribute}`)
      )
    : undefined
  const read = used ?? reads[0]
  return read ? { name: read[2], read: read[0], reader: read[1] } : undefined
}

/** A read whose default is empty: `os.environ.get("WEB_CONCURRENCY", "")`, `os.getenv("X", '')`. */
const EMPTY_DEFAULT_READ =
  /((?:\bos\.)?\benviron\.get|(?:\bos\.)?\bgetenv|\benv(?:\.\w+)?)\(\s*['"]([A-Za-z_]\w*)['"]\s*(?:,\s*(?:default\s*=\s*)?(?:None|''|""))?\s*\)/

const ENVIRON_SUBSCRIPT = /((?:\bos\.)?\benviron)\[\s*['"]([A-Za-z_]\w*)['"]\s*\]/

/**
 * A call that refused an empty string on a line that reads a variable without a real default
 * (`int(os.environ.get("WEB_CONCURRENCY", ""))`: `invalid literal for int() with base 10: ''`): the variable is unset or empty.
 */
function emptyFromEnvironment(rc: RuleContext, tb: Traceback): NoneFromEnvironment | undefined {
  // `invalid literal for int() with base 10: ''`, SQLAlchemy 1.4's `Could not parse SQLAlchemy URL from string ''`
  // (2.x no longer quotes the string: `… from given URL string`).
  // json.loads('') says `Expecting value: line 1 column 1 (char 0)`.
  const emptyJson = /JSONDecodeError$/.test(tb.exception.type) && /^Expecting value: line 1 column 1 \(char 0\)$/.test(tb.exception.message)
  if (!emptyJson && !/(?:: |string |value )(?:''|"")\.?$|Could not parse SQLAlchemy URL from given URL string/.test(tb.exception.message))
    return undefined
  const frame = rc.userFrame(tb)
  const source = sourceLine(rc, frame)
  // A variable set but empty (a secret a fork's pull request does not get) fails the same way when read by subscript.
  const read = source ? (EMPTY_DEFAULT_READ.exec(source) ?? ENVIRON_SUBSCRIPT.exec(source)) : null
  return read ? { tb, frame, name: read[2], read: read[0], reader: read[1], empty: true } : undefined
}

/** The user's source line of a frame: as the traceback printed it, else read from the repository file. */
function sourceLine(rc: RuleContext, frame: UserFrame | undefined): string | undefined {
  if (frame?.frame.code) return frame.frame.code
  const location = frame?.location
  return location ? rc.repo.read(location.file)?.split('\n')[location.line - 1] : undefined
}

/**
 * An AttributeError or TypeError on `None` raised on a line that reads an environment variable without a default:
 * the variable is unset (`os.environ.get("X").split(" ")`, `int(os.getenv("X"))`).
 */
export function noneFromEnvironment(rc: RuleContext): NoneFromEnvironment | undefined {
  for (const tb of rc.tracebacks) {
    const empty = emptyFromEnvironment(rc, tb)
    if (empty) return empty
    if (!exceptionIs(tb, 'AttributeError', 'TypeError') || !/NoneType/.test(tb.exception.message)) continue
    const frame = rc.userFrame(tb)
    const source = sourceLine(rc, frame)
    const read = source ? environmentRead(source, tb.exception.message) : undefined
    if (read) return { tb, frame, ...read }
  }
  return undefined
}
