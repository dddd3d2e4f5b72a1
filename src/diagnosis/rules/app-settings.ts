// The app's own settings, checked while Gunicorn loads it: a check that raises naming the settings it refused
// (`ValueError: … PACER_AUTH_BASE_URL=…`), or an app that logs a setting as unset and then gives Gunicorn no
// application. Rules of the config-error reason (a value missing from the environment is missing-env's); the words
// are here too so the reason module only dispatches to them.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import type { Rule } from '../reason.js'
import { variableRefusedInMessage } from './entrypoint-refusal.js'
import { raisedWhileLoading } from './imports.js'
import { code, exceptionIs, frameAt, present, withoutGunicornPrefix } from './rule.js'

export type AppSettingsFacts =
  | { kind: 'settings-refused'; settings: string[]; exceptionLine: string; at?: string }
  | { kind: 'setting-unset'; setting: string; line: string; configFile?: string; noApp: boolean }
  | { kind: 'value-unparsable'; variable: string; exceptionLine: string; notJson: boolean }

/** A setting's name as apps spell them: upper case, at least two words joined by `_` (`DATABASE_URL`, `PCL_BASE_URL`). */
const SETTING_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g
/** Words that say a value is absent rather than wrong: missing-env's, unless the message speaks of a config file. */
export const ABSENT_VALUE =
  /\b(?:cannot|can't|can not|must not|may not|should not) be (?:none|null|empty|blank)\b|\b(?:is|are|was) (?:not set|unset|missing|required|not provided|not configured)\b|\bmust be (?:set|provided|specified|given|configured)\b/i
const CONFIG_WORDS = /\bconfig(?:uration)?\b|\bsettings?\b/i
export const ENVIRONMENT_WORDS = /\benvironment variable|\benv(?:ironment)? var\b/i

/**
 * What an app's own check raises: a bare ValueError or RuntimeError, an assertion, or a class of its own about
 * configuration; not an import's or the system's errors, whose messages name other upper-case things (`GLIBC_2.28`).
 */
const CHECK_FAILED =
  /(?:^|\.)(?:ValueError|RuntimeError|AssertionError|Exception|ImproperlyConfigured|\w*(?:Config|Configuration|Setting|Settings|Environment)\w*(?:Error|Exception))$/

export const settingsNamed = (message: string): string[] => [...new Set(message.match(SETTING_NAME) ?? [])]

/** An exception raised while the app loaded whose message names settings and finds their values wrong. */
export const settingsRefused: Rule<AppSettingsFacts> = {
  stage: 'boot',
  name: "the app's own check refused its settings while Gunicorn loaded it",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => {
      const { message } = t.exception
      const absent = ABSENT_VALUE.test(message) && (ENVIRONMENT_WORDS.test(message) || !CONFIG_WORDS.test(message))
      // A lookup's KeyError (`'REDSHIFT_USER'`) and a variable the message refuses by name are missing-env's.
      const lookup = exceptionIs(t, 'KeyError') || /^['"]?\w+['"]?$/.test(message) || variableRefusedInMessage(message) !== undefined
      return raisedWhileLoading(t) && CHECK_FAILED.test(t.exception.type) && !absent && !lookup && settingsNamed(message).length > 0
    })
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const at = frameAt(frame)
    return {
      facts: { kind: 'settings-refused', settings: settingsNamed(tb.exception.message), exceptionLine: tb.exception.line, at },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

// pydantic's settings (v1: `error parsing env var "x"`, pydantic-settings 2: `error parsing value for field "x" from source …`).
const UNPARSABLE_VALUE = /error parsing (?:env var|value for field) "([^"]+)"/

/** A settings class could not parse a variable's value (a list or dict setting is read as JSON). */
export const valueUnparsable: Rule<AppSettingsFacts> = {
  stage: 'boot',
  name: "pydantic's settings could not parse a variable's value",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => UNPARSABLE_VALUE.test(t.exception.message))
    if (!tb) return undefined
    const json = rc.tracebacks.find((t) => /JSONDecodeError$/.test(t.exception.type))
    const variable = UNPARSABLE_VALUE.exec(tb.exception.message)![1]
    return {
      facts: { kind: 'value-unparsable', variable, exceptionLine: tb.exception.line, notJson: json !== undefined },
      evidence: present(json?.exception.line, tb.exception.line, rc.gunicornOutcomeLine())
    }
  }
}

const LOGGED_UNSET = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b.*\b(?:is|was) (?:not set|unset|missing|not configured|empty)\b/
const CONFIG_FILE_UNREADABLE =
  /(?:config(?:uration)? file).*?(?:No such file or directory|not found|Permission denied).*?'([^']+)'|(?:No such file or directory|not found).*config(?:uration)? file.*?'([^']+)'/i

/** The boot failure that followed: Gunicorn found no application, a worker failed to boot, or the master gave up. */
function failureAfter(rc: RuleContext, line: LogLine): boolean {
  const after = (events: { lines: LogLine[] }[]) => events.some((e) => e.lines[0].seq > line.seq)
  return after(rc.ofKind('app-load-error')) || after(rc.ofKind('shutdown').filter((e) => e.reason)) || rc.ctx.state.gaveUp !== undefined
}

/** The app logged a setting as unset (`SQLALCHEMY_DATABASE_URI is not set in the config.`) and the load failed after it. */
export const settingLoggedUnset: Rule<AppSettingsFacts> = {
  stage: 'boot',
  name: 'the app logged a setting as unset, then Gunicorn found no application',
  detect(rc) {
    const line = rc.ctx.lines.find((l) => LOGGED_UNSET.test(l.text) && /ERROR|CRITICAL|FATAL/i.test(l.text) && !/Traceback|File "/.test(l.text))
    if (!line || !failureAfter(rc, line)) return undefined
    const setting = LOGGED_UNSET.exec(line.text)![1]
    const unreadable = rc.ctx.lines.find((l) => l.seq < line.seq && CONFIG_FILE_UNREADABLE.test(l.text))
    const match = unreadable ? CONFIG_FILE_UNREADABLE.exec(unreadable.text) : null
    const outcome = rc.ofKind('app-load-error')[0]?.lines[0].text
    return {
      facts: {
        kind: 'setting-unset',
        setting,
        line: withoutGunicornPrefix(line.text.trim()),
        configFile: match?.[1] ?? match?.[2],
        noApp: outcome !== undefined
      },
      evidence: present(unreadable?.text, line.text, outcome, rc.gunicornOutcomeLine())
    }
  }
}

export function appSettingsWords(facts: AppSettingsFacts): { summary: string; remedy: string } {
  if (facts.kind === 'value-unparsable') return unparsableWords(facts)
  const settings = facts.kind === 'settings-refused' ? facts.settings.map((s) => code(s)).join(', ') : code(facts.setting)
  if (facts.kind === 'settings-refused') {
    return {
      summary:
        `The app's own check of its settings failed while Gunicorn loaded it${facts.at ? ` (${code(facts.at)})` : ''}: ` +
        `${code(facts.exceptionLine.slice(0, 300))}, about ${settings}.`,
      remedy: `Set ${settings} to values the check accepts (its message says which) where the container gets them: the action's \`env\` input or the host's settings.`
    }
  }
  const file = facts.configFile ? `could not read its configuration file ${code(facts.configFile)}, ` : ''
  const then = facts.noApp ? 'Gunicorn found no application to serve' : 'the app failed to load'
  return {
    summary: `The app's configuration is incomplete: it ${file}logged ${code(facts.line.slice(0, 200))}, and then ${then}.`,
    remedy: facts.configFile
      ? `Provide ${code(facts.configFile)} in the image or mount it (with ${settings} set), or set ${settings} where the app also reads it.`
      : `Set ${settings} in the app's configuration (a config file or the environment the app reads it from).`
  }
}

function unparsableWords({ variable, exceptionLine, notJson }: Extract<AppSettingsFacts, { kind: 'value-unparsable' }>): {
  summary: string
  remedy: string
} {
  const json = notJson ? ': a list or dict setting is read as JSON, and the value is not valid JSON' : ''
  return {
    summary: `The app's settings could not parse the environment variable ${code(variable)} while Gunicorn loaded it (${code(exceptionLine.slice(0, 200))})${json}.`,
    remedy:
      `Give ${code(variable)} a value the setting's type accepts (a JSON list such as ${code('["a@example.com"]')} for a list), ` +
      `without quotes around it in a ${code('docker --env-file')} (Docker keeps them as part of the value).`
  }
}
