// The app's configuration as it arrives at import: a configuration file it opens that is not where it looks, and a
// value whose inline comment came along (an env file keeps everything after `=`). Rules of the config-error reason,
// with their words, so the reason module only dispatches to them.
import type { Rule } from '../reason.js'
import { raisedWhileLoading } from './imports.js'
import { code, frameAt } from './rule.js'

export type ConfigValueFacts =
  | { kind: 'config-file-missing'; path: string; exceptionLine: string; at?: string; workdir?: string }
  | { kind: 'inline-comment'; value: string; exceptionLine: string; at?: string }

// A file a configuration is read from: by its extension, or by a folder or name that says so.
const CONFIG_FILE = /\.(?:json|ya?ml|ini|toml|cfg|conf|env|properties)$|(?:^|\/)(?:config|conf|settings|secrets?)(?:\/|\.)/i
const NOT_FOUND = /^\[Errno 2\] No such file or directory: '([^']+)'/

/** `FileNotFoundError: [Errno 2] No such file or directory: 'config/app.json'` from the app's own code at import. */
export const configFileMissing: Rule<ConfigValueFacts> = {
  stage: 'boot',
  name: 'the app opens a configuration file at import that is not there',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => {
      const path = NOT_FOUND.exec(t.exception.message)?.[1]
      return /(?:FileNotFoundError|IOError|OSError)$/.test(t.exception.type) && path !== undefined && CONFIG_FILE.test(path) && raisedWhileLoading(t)
    })
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const path = NOT_FOUND.exec(tb.exception.message)![1]
    return {
      facts: { kind: 'config-file-missing', path, exceptionLine: tb.exception.line, at: frameAt(frame), workdir: rc.ctx.paths.workdir },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

// A quoted value with a ` # comment` in it, as a conversion's message shows it (`invalid literal for int() with
// base 10: '18000 # in seconds'`, `could not convert string to float: '0.5 # ratio'`).
const COMMENTED_VALUE = /'([^'#]*[^'#\s]\s+#[^']*)'/

/** A setting's value kept its inline comment, and converting it failed at import. */
export const inlineComment: Rule<ConfigValueFacts> = {
  stage: 'boot',
  name: "a setting's value holds its inline comment",
  detect(rc) {
    const tb = rc.primaryTraceback(
      (t) => /(?:ValueError|TypeError|ValidationError)$/.test(t.exception.type) && COMMENTED_VALUE.test(t.exception.message)
    )
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    return {
      facts: { kind: 'inline-comment', value: COMMENTED_VALUE.exec(tb.exception.message)![1], exceptionLine: tb.exception.line, at: frameAt(frame) },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

export function configValueWords(facts: ConfigValueFacts): { summary: string; remedy: string } {
  const at = facts.at ? ` (${code(facts.at)})` : ''
  if (facts.kind === 'inline-comment') {
    const number = facts.value.replace(/\s+#.*$/, '')
    return {
      summary:
        `A setting's value is ${code(facts.value.slice(0, 120))}: its inline comment became part of it, and the app could not ` +
        `convert it at import${at} (${code(facts.exceptionLine.slice(0, 200))}).`,
      remedy:
        `Put the comment on a line of its own in the env file (${code('--env-file')}, Compose's ${code('env_file')}, a host's variables): ` +
        `they keep everything after ${code('=')}, so the value is ${code(number)} only without it.`
    }
  }
  const relative = !facts.path.startsWith('/')
  const where = relative ? `, a path relative to the directory the worker runs in${facts.workdir ? ` (${code(facts.workdir)})` : ''}` : ''
  return {
    summary: `The app opens its configuration file ${code(facts.path)} at import${at}${where}, and it is not there (${code(facts.exceptionLine.slice(0, 200))}).`,
    remedy: relative
      ? `Build the path from the module's own folder (${code('Path(__file__).parent / …')}) or start Gunicorn where it is relative to ` +
        `(${code('--chdir')}), and check the file is copied into the image (not left out by ${code('.dockerignore')}).`
      : `Copy ${code(facts.path)} into the image or mount it there, or point the app at where it is.`
  }
}
