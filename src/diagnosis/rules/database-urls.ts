// A database URL whose scheme the library does not know: SQLAlchemy 1.4+ dropped the `postgres://` alias that
// Heroku, Render and Fly still hand out in DATABASE_URL (`Can't load plugin: sqlalchemy.dialects:postgres`), and a
// driver name without its package (`…dialects:mysql.mysqldb`) reads the same. The URL's scheme is what to change.
import type { Rule, Words } from '../reason.js'
import type { SourceLocation } from '../../core/model.js'
import { code, where } from '../words.js'

export interface DatabaseUrlFacts {
  kind: 'database-url-scheme'
  /** The dialect the URL names, as SQLAlchemy printed it (`postgres`). */
  dialect: string
  /** The scheme SQLAlchemy knows for it, when the dialect is an alias it dropped. */
  instead?: string
  location?: SourceLocation
}

const NO_DIALECT = /Can't load plugin: sqlalchemy\.dialects:([\w.+]+)/
const DROPPED_ALIASES: Record<string, string> = { postgres: 'postgresql' }

export const databaseUrlScheme: Rule<DatabaseUrlFacts> = {
  stage: 'boot',
  name: "SQLAlchemy does not know the database URL's scheme",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => NO_DIALECT.test(t.exception.message))
    if (!tb) return undefined
    const dialect = NO_DIALECT.exec(tb.exception.message)![1]
    const frame = rc.userFrame(tb)
    return {
      facts: { kind: 'database-url-scheme', dialect, instead: DROPPED_ALIASES[dialect], location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

export function databaseUrlWords(facts: DatabaseUrlFacts): Words {
  const scheme = code(`${facts.dialect}://`)
  if (facts.instead) {
    const fixed = code(`${facts.instead}://`)
    return {
      summary: `The database URL starts with ${scheme}${where(facts.location)}, a scheme SQLAlchemy 1.4+ no longer accepts: it wants ${fixed}.`,
      remedy:
        `Give the URL as ${fixed} (hosts such as Heroku and Render hand out ${scheme}; rewrite it in code, ` +
        `e.g. ${code(`url.replace("${facts.dialect}://", "${facts.instead}://", 1)`)}, before ${code('create_engine')}).`
    }
  }
  return {
    summary: `SQLAlchemy has no dialect ${code(facts.dialect)}, which the database URL names${where(facts.location)}.`,
    remedy: `Install the driver the URL's scheme names, or change the scheme to one whose driver is installed (e.g. ${code('postgresql+psycopg2://')}).`
  }
}
