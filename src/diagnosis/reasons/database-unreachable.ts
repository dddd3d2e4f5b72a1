// The app connects to its database (or cache) while it loads, and cannot reach it from the container.
import { defineReason, type Rule } from '../reason.js'
import type { RuleContext, Traceback } from '../context.js'
import { isConnectFrame, isDatabaseError, readDatabaseError, serviceKind, type DbError, type DbFailure } from '../rules/environment.js'
import { inHandler, whenRaised, type WhenRaised } from '../rules/request.js'
import { frameAt, LOOPBACK } from '../rules/rule.js'
import { hostVariable, waitedForHost, waitGaveUp, type WaitGaveUp } from '../rules/wait-host.js'
import { commandLine, firstLocation } from '../rules/locate.js'
import { driverMessageLine } from '../rules/evidence.js'
import { code, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

type Facts =
  | ({ kind: 'driver-error'; service: string; error: DbError; location?: SourceLocation; at?: string } & Partial<WhenRaised>)
  | { kind: 'cut-while-connecting'; service: string; func: string; file: string }
  | { kind: 'waits-for-host'; host: string; times: number; variable?: string; setAt?: SourceLocation }
  | ({ kind: 'wait-gave-up' } & Omit<WaitGaveUp, 'line'>)

/** The user's frame: the last traceback of the chain that reaches the user's code, else the outer error's. */
function chainFrame(rc: RuleContext, chain: Traceback[], outer: Traceback) {
  return (
    [...chain]
      .reverse()
      .map((t) => rc.userFrame(t))
      .find((f) => f?.location) ?? rc.userFrame(outer)
  )
}

const driverError: Rule<Facts> = {
  stage: 'boot',
  name: "a driver's connection error",
  detect(rc) {
    // A driver error is usually chained: the socket or psycopg2 error first, then the library's own
    // (SQLAlchemy, redis-py), whose traceback is the one that reaches the user's code.
    const chain = rc.tracebackChains().find((c) => c.some(isDatabaseError))
    if (!chain) return undefined
    const dbErrors = chain.filter(isDatabaseError)
    const outer = dbErrors[dbErrors.length - 1]
    // libpq continues its message on indented lines after the exception's (`\tIs the server running on host "db" …`).
    const text = chain.map((t) => `${t.exception.type}: ${rc.exceptionText(t)}`).join('\n')
    const frame = chainFrame(rc, chain, outer)
    // The first driver error, when the outer one does not repeat it.
    const cause = dbErrors[0] !== outer && !outer.exception.message.includes(dbErrors[0].exception.message) ? dbErrors[0].exception.line : undefined
    return {
      facts: {
        kind: 'driver-error',
        service: serviceKind(text),
        error: readDatabaseError(text),
        location: frame?.location,
        // The app's line as the traceback gives it, for a log read without the repository (`app.py:34`).
        at: frameAt(frame),
        ...whenRaised(rc, outer)
      },
      evidence: [...(frame?.text ?? []), outer.exception.line, ...present(cause, rc.gunicornOutcomeLine())],
      location: frame?.location
    }
  }
}

/** A log cut inside the traceback of a connect (the driver's error line is missing): still the database. */
const cutWhileConnecting: Rule<Facts> = {
  stage: 'boot',
  name: 'a log cut inside a connect',
  detect(rc) {
    const cut = rc.ofKind('cut-traceback').find((tb) => tb.frames.slice(-3).some(isConnectFrame))
    if (!cut) return undefined
    const connect = [...cut.frames].reverse().find(isConnectFrame)!
    return {
      facts: {
        kind: 'cut-while-connecting',
        service: serviceKind(cut.frames.map((f) => f.file).join(' ')),
        func: `${connect.func}`,
        file: connect.file.replace(/^.*\/(?:site|dist)-packages\//, '')
      },
      evidence: present(`  File "${connect.file}", line ${connect.line}, in ${connect.func}`, rc.gunicornOutcomeLine())
    }
  }
}

/** The start script waits for a host that does not resolve: Gunicorn never starts, and the log says why. */
const waitsForHost: Rule<Facts> = {
  stage: 'boot',
  name: 'the start script waits for a host name that does not resolve',
  detect(rc) {
    const waited = rc.ctx.state.started ? undefined : waitedForHost(rc.ctx.lines)
    if (!waited) return undefined
    const setBy = hostVariable(rc, waited.host)
    const setAt = firstLocation(setBy)
    return {
      facts: { kind: 'waits-for-host', host: waited.host, times: waited.times, variable: setBy?.variable, setAt },
      evidence: present(waited.line.text, setBy?.text),
      location: setAt ?? firstLocation(commandLine(rc))
    }
  }
}

/** The start script's wait for a service gave up (wait-for-it, dockerize) or never ended (its own loop, pg_isready). */
const waitNeverAnswered: Rule<Facts> = {
  stage: 'boot',
  name: "the start script's wait for a service never got an answer",
  detect(rc) {
    const waited = rc.ctx.state.started || rc.ofKind('master-start').length > 0 ? undefined : waitGaveUp(rc.ctx.lines)
    if (!waited) return undefined
    const { line, ...facts } = waited
    return { facts: { kind: 'wait-gave-up', ...facts }, evidence: [line.text], location: firstLocation(commandLine(rc)) }
  }
}

/** A driver's message without a traceback (a pre-start script, a JSON or custom log format): the evidence all the same. */
const driverMessage: Rule<Facts> = {
  stage: 'boot',
  name: "a driver's connection failure printed without a traceback",
  detect(rc) {
    if (rc.primaryTraceback()) return undefined
    const line = driverMessageLine(rc)
    if (!line) return undefined
    // A JSON logger escapes the quotes.
    const text = [line.text, ...rc.indentedAfter(line)].join(' ').replace(/\\"/g, '"')
    return { facts: { kind: 'driver-error', service: serviceKind(text), error: readDatabaseError(text) }, evidence: [line.text] }
  }
}

const LAZILY = 'or connect on first request instead of while the app loads, so it can boot without the service'
const VIA_NETWORK =
  `join the service's Docker network with the \`network\` input (e.g. ${code('${{ job.services.postgres.network }}')}) ` + 'and use its name'
const HOST_INTERNAL = code('host.docker.internal')

/** What went wrong, and what to do about it, for each way a connection fails. */
const WORDING: Record<DbFailure, (error: DbError) => { what: string; remedy: string }> = {
  unresolved: ({ host }) => ({
    what: host ? `the name ${code(host)} does not resolve inside the container` : 'the host name it uses does not resolve inside the container',
    remedy:
      `${code(host ?? 'That host')} only exists on the network where the app normally runs (a docker-compose or CI service): ` +
      `${VIA_NETWORK}, or point the URL given with the \`env\` input at ${HOST_INTERNAL} and the port the service publishes on the runner; ${LAZILY}.`
  }),
  refused: ({ host, port }) =>
    host !== undefined && LOOPBACK.test(host)
      ? {
          what: `nothing listens there: inside the container ${code(host)} is the container itself`,
          remedy:
            `Point the URL at ${HOST_INTERNAL} to reach a service the workflow publishes on the runner ` +
            `(GitHub \`services:\` with \`ports:\`), or ${VIA_NETWORK}; ${LAZILY}.`
        }
      : {
          what: 'the connection is refused',
          remedy:
            `Check that the service runs and publishes ${port ? `port ${port}` : 'its port'} on the runner (\`ports:\` under GitHub \`services:\`), ` +
            `and that the URL given with the \`env\` input uses that port; ${LAZILY}.`
        },
  auth: ({ user }) => ({
    what: `the server rejects the credentials${user ? ` of user ${code(user)}` : ''}`,
    remedy:
      `Pass the user and password the test database was created with (e.g. the service's ${code('POSTGRES_USER')}/` +
      `${code('POSTGRES_PASSWORD')}) in the URL given with the \`env\` input.`
  }),
  'missing-database': ({ database }) => ({
    what: `the server has no database ${code(database ?? '?')}`,
    remedy:
      `Create ${code(database ?? 'the database')} in the service (e.g. ${code(`POSTGRES_DB: ${database ?? 'app'}`)}) ` +
      'or point the URL given with `env` at a database that exists.'
  }),
  'not-migrated': ({ table }) => ({
    what: `the database has no table ${code(table ?? '?')}: its migrations have not run`,
    remedy:
      'Run the migrations before Gunicorn starts (in the entrypoint: `python manage.py migrate`, `flask db upgrade` or ' +
      '`alembic upgrade head`), or query the table on first request instead of while the app loads.'
  }),
  'file-unopenable': () => ({
    what: "its database file cannot be opened: the file's directory is not in the image, or the container's user cannot write there",
    remedy:
      'Create the directory in the Dockerfile (`RUN mkdir -p …`) and make it writable by the user the container runs as (`chown`), ' +
      'or point the database URL at a writable path.'
  }),
  timeout: () => ({
    what: 'the connection times out',
    remedy: `Make the service reachable from the container (${HOST_INTERNAL} for ports published on the runner, or the \`network\` input), ${LAZILY}.`
  }),
  other: () => ({
    what: 'the connection fails',
    remedy: `Make the service reachable from the container (${HOST_INTERNAL} or the \`network\` input) with a URL passed with the \`env\` input, ${LAZILY}.`
  })
}

function words(facts: Facts): { summary: string; remedy: string } {
  if (facts.kind === 'waits-for-host') {
    const { host, variable, setAt } = facts
    const from = variable ? `, the value of ${code(variable)}${where(setAt)}` : ''
    return {
      summary:
        `Gunicorn never started: the start script waits for ${code(host)}${from}, a host name that does not resolve ` +
        `inside the container (the same error ${facts.times} times).`,
      remedy:
        WORDING.unresolved({ failure: 'unresolved', host }).remedy.replace(`; ${LAZILY}`, '') +
        (variable ? ` Pass ${code(variable)} with the \`env\` input.` : '')
    }
  }
  if (facts.kind === 'wait-gave-up') {
    const { tool, host, port, seconds, service, times } = facts
    const target = host ? code(port ? `${host}:${port}` : host) : service ? code(service) : 'a service'
    const how = seconds ? `${code(tool)} gave up after ${seconds} s` : `${tool === 'the start script' ? 'it' : code(tool)} said so ${times} times`
    return {
      summary: `Gunicorn never started: the start script waits for ${target}, which never answered (${how}).`,
      remedy:
        `Run the service the script waits for where the container can reach it: a GitHub \`services:\` entry, joined with the ` +
        `\`network\` input so that its name resolves, or its address passed with the \`env\` input.`
    }
  }
  if (facts.kind === 'cut-while-connecting') {
    return {
      summary:
        `A worker failed while connecting to ${facts.service} during boot (${code(facts.func)} in ${code(facts.file)}); ` +
        "the log ends before the driver's error, so the exact failure is not shown.",
      remedy: WORDING.other({ failure: 'other' }).remedy
    }
  }
  const { error, service, location, at } = facts
  const subject = error.host ? `${service} at ${code(error.host)}${error.port ? ` port ${error.port}` : ''}` : service
  const { what, remedy } = WORDING[error.failure](error)
  if (facts.during === 'request') {
    // Connecting lazily is what it already does: the rest of the remedy stands.
    const served = remedy.replace(`; ${LAZILY}`, '').replace(`, ${LAZILY}`, '')
    return {
      summary: `The app connects to ${subject} ${facts.handler ? `while handling a request, ${inHandler(facts, location)}` : inHandler(facts, location)}, and ${what}.`,
      remedy: served
    }
  }
  const verb = error.failure === 'not-migrated' ? 'queries' : error.failure === 'file-unopenable' ? 'opens' : 'connects to'
  const atLine = location ? where(location) : at ? ` (${code(at)})` : ''
  return { summary: `The app ${verb} ${subject} while it loads${atLine}, and ${what}.`, remedy }
}

export default defineReason({
  id: 'database-unreachable',
  title: 'Database unreachable at boot',
  headline: 'database unreachable at boot',
  readme:
    'the app connects to its database (or cache, search or secrets service) at import and cannot: the host does not resolve, ' +
    'the connection is refused, the credentials or the database are wrong, its tables are not there (migrations not run), or ' +
    "SQLite's file cannot be opened (`unable to open database file`); or the start script waits for it and it never answers " +
    "(`wait-for-it`'s or `dockerize`'s timeout, `pg_isready`'s `no response`, `Postgres is unavailable - sleeping`)",
  fixtures: [{ path: '__fixtures__/apps/fail-database-unreachable', test: '__tests__/diagnosis.itg.ts' }],
  rules: [driverError, cutWhileConnecting, waitsForHost, driverMessage, waitNeverAnswered],
  words
})
