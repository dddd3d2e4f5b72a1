// Gunicorn's own configuration: the `Error: …` lines it prints when it rejects a setting, the facts the
// config-error reason words them from, and the application spec the app-not-found reason reads.
import type { EventOf } from '../../gunicorn/log-parser.js'
import type { SourceLocation } from '../../core/model.js'
import type { RuleContext, Traceback } from '../context.js'
import type { Finding, Rule, Words } from '../reason.js'
import { code } from '../words.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { importsOs, shellFormOf } from './command-forms.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import type { LocalNeighbour } from './local-modules.js'
import { configCaller, type ConfigCaller } from './config-frames.js'
import { environKeyError } from './environment.js'

/** What a boot rule of config-error found (the start rules have their own, in start.ts). */
export type ConfigFacts =
  /** `malformed`: no host can be spelled so (an option glued to its value, `-bind=…` read as `-b ind=…`). */
  | { kind: 'unresolvable-bind'; address: string; host: string; port: string; malformed?: boolean; written?: string }
  | { kind: 'ipv6-unavailable'; address: string; host: string; port: string; errno: string }
  | { kind: 'bind-refused'; address?: string; port: string }
  | { kind: 'option-without-value'; option: string; message: string }
  | { kind: 'control-socket'; exceptionLine: string }
  | ({ kind: 'empty-port'; port: number } & ConfigFileFacts)
  | ({ kind: 'literal-port'; placeholder: string; inCommand: boolean; shellForm?: string } & ConfigFileFacts)
  | { kind: 'no-app-module' }
  /** Kubernetes' `<SERVICE>_PORT=tcp://<ip>:<port>` reached the bind: a Service's variable shadows the app's port variable. */
  | { kind: 'service-link-port'; value: string; variable?: string }
  | { kind: 'unreadable-config'; file?: string; exceptionLine?: string; caller?: ConfigCaller }
  | { kind: 'invalid-value'; setting: string; problem: string; detail?: string }
  | { kind: 'unrecognized-arguments'; args: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'django-settings'; message: string; location?: SourceLocation }
  | { kind: 'installed-app'; app: string; location?: SourceLocation; local?: LocalNeighbour }
  | {
      kind: 'settings-module-missing'
      module: string
      /** The repository's package the module should be in, and the modules it does hold. */
      package?: { name: string; path: string; has: string[] }
      suggestion?: string
      location?: SourceLocation
    }
  | { kind: 'ini-section'; section: string; exceptionLine: string; location?: SourceLocation }

/** The config file the bind remedy edits, and whether it already imports `os` (else the remedy adds the import). */
export interface ConfigFileFacts {
  configFile?: string
  importsOs: boolean
}

type ConfigErrorEvent = EventOf<'config-error'>

const WORKER_EXITING = /Worker exiting \(pid: \d+\)/

/**
 * A usage error a worker printed, not the master: the app parsed the process's arguments (Gunicorn's own) at import
 * with argparse or optparse, and the worker exited. The master's own usage error ends the process before any worker.
 */
function printedByWorker(rc: RuleContext, error: ConfigErrorEvent): boolean {
  const at = error.lines[0].seq
  const next = rc.ctx.lines.find((line) => line.seq > at && /\[\d+\] \[\w+\]|Worker exiting/.test(line.text))
  return next !== undefined && WORKER_EXITING.test(next.text)
}

/**
 * Options Gunicorn's own parser defines (short flags and the common long ones): a usage error that calls one of them
 * unrecognized was printed by another parser, the app's, reading the process's arguments (`-k -c conf.py main:app`).
 */
const GUNICORN_OPTIONS = new Set(
  [
    '-c -b -w -k -t -D -p -u -g -m -e -n -R --config --bind --workers --worker-class --threads --worker-connections',
    '--timeout --graceful-timeout --keep-alive --max-requests --max-requests-jitter --preload --reload --chdir --daemon',
    '--pid --user --group --umask --env --name --log-level --log-file --error-logfile --access-logfile --access-logformat',
    '--log-config --capture-output --forwarded-allow-ips --worker-tmp-dir --pythonpath --paste --certfile --keyfile --backlog'
  ].flatMap((options) => options.split(' '))
)

/** `unrecognized arguments: -k -c …` (argparse) or `no such option: -k` (optparse) naming one of Gunicorn's own options. */
function rejectsGunicornOptions(error: ConfigErrorEvent): boolean {
  const args = /^(?:unrecognized arguments|no such option): (.+)$/.exec(error.message)?.[1] ?? ''
  // An option glued to a blank (` --workers`) is no option to any parser: Gunicorn's own rejected it.
  if (startsWithBlank(args)) return false
  return args.split(/\s+/).some((arg) => GUNICORN_OPTIONS.has(arg.split('=')[0]))
}

/** argparse joins the arguments it rejects with one blank: a second one is the first argument's own. */
export const startsWithBlank = (args: string): boolean => /^\s/.test(args)

/** The usage error of an argument parser in the app (in a worker, or one that rejects Gunicorn's own options). */
export const printedByAppParser = (rc: RuleContext, error: ConfigErrorEvent): boolean => printedByWorker(rc, error) || rejectsGunicornOptions(error)

/** Gunicorn's own configuration errors, leaving out the usage errors an app's argument parser printed. */
export const gunicornConfigErrors = (rc: RuleContext): ConfigErrorEvent[] => {
  const errors = rc.ofKind('config-error').filter((e) => !printedByAppParser(rc, e))
  return errors.length > 0 ? errors : renamedParserErrors(rc)
}

// Gunicorn's usage line, whatever its program is called (a wrapper script, a distribution's `gunicorn-3`).
const GUNICORN_USAGE = /^usage: (\S+) \[OPTIONS\] \[APP_MODULE\]$/
const renamedErrors = new WeakMap<RuleContext, ConfigErrorEvent[]>()
const USAGE_EDGE = 500

/** Gunicorn's argument errors printed under another program name (`…-gunicornMlflow: error: argument -m/--umask: …`). */
function renamedParserErrors(rc: RuleContext): ConfigErrorEvent[] {
  const known = renamedErrors.get(rc)
  if (known) return known
  // argparse prints the usage and exits at once: the log's first lines, or its last (after an entrypoint's output).
  const { lines } = rc.ctx
  const edge = (index: number) => index < USAGE_EDGE || index >= lines.length - USAGE_EDGE
  const usage = lines.findIndex((line, index) => edge(index) && line.text.includes('[OPTIONS] [APP_MODULE]'))
  const program = usage >= 0 ? GUNICORN_USAGE.exec(stripLinePrefixes(lines[usage].text).trim())?.[1] : undefined
  const errors: ConfigErrorEvent[] = []
  if (program && !/^gunicorn$/.test(program)) {
    const said = `${program}: error: `
    const error = lines.slice(usage + 1, usage + 4).find((line) => stripLinePrefixes(line.text).trim().startsWith(said))
    if (error) errors.push({ kind: 'config-error', message: stripLinePrefixes(error.text).trim().slice(said.length), lines: [error] })
  }
  renamedErrors.set(rc, errors)
  return errors
}

/** The first `Error: …` Gunicorn printed: the rules below read it in order, the last takes any. */
const firstConfigError = (rc: RuleContext): ConfigErrorEvent | undefined => gunicornConfigErrors(rc)[0]

const linesOf = (error: ConfigErrorEvent) => error.lines.map((l) => l.text)

/** `'${PORT}' is not a valid port number`: a placeholder nobody expanded, in the CMD or in gunicorn.conf.py. */
export const invalidPort: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'the bind port is not a number',
  detect(rc) {
    const error = firstConfigError(rc)
    const placeholder = error && /^'(.*)' is not a valid port number\.?$/.exec(error.message)?.[1]
    return error && placeholder !== undefined ? portFinding(rc, error, placeholder) : undefined
  }
}

// What Kubernetes sets `<SERVICE>_PORT` to for each Service of the namespace (service links).
const SERVICE_LINK = /^tcp:\/\/[\w.-]+:\d+$/
// A port variable of the app's own (`PAPERLESS_PORT`), which a Service named after the app shadows.
const PORT_VARIABLE = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_PORT)\b/

function portFinding(rc: RuleContext, error: ConfigErrorEvent, placeholder: string): Finding<ConfigFacts> {
  const evidence = linesOf(error)
  const command = commandLine(rc)
  const configFile = rc.gunicornConfigFile()
  const file: ConfigFileFacts = { configFile, importsOs: importsOs(configFile ? rc.repo.read(configFile) : undefined) }
  const bind = configSetting(rc, 'bind')
  const inCommand = command && placeholder && command.text.includes(placeholder) ? command : undefined
  // The config's bind line when it holds the placeholder (or the command does not), else the command's.
  const location = firstLocation(bind && (!inCommand || bind.text.includes(placeholder)) && bind, inCommand, bind)
  if (bind && location?.file === bind.file) evidence.push(bind.text.trim())
  else if (inCommand) evidence.push(inCommand.text)
  if (placeholder === '') return { facts: { kind: 'empty-port', port: rc.ctx.settings.port, ...file }, evidence, location }
  if (SERVICE_LINK.test(placeholder)) {
    const variable = [location && rc.repo.read(location.file), command?.text].map((text) => PORT_VARIABLE.exec(text ?? '')?.[1]).find(Boolean)
    return { facts: { kind: 'service-link-port', value: placeholder, variable }, evidence, location }
  }
  const fromCommand = Boolean(location && location.file === inCommand?.file && location.line === inCommand.line)
  // The repository's own command in the shell form: its module and options, the variable then expanded.
  const shellForm = fromCommand && inCommand ? (shellFormOf(inCommand.text) ?? genericShellForm(appSpec(inCommand.text))) : undefined
  return { facts: { kind: 'literal-port', placeholder, inCommand: fromCommand, shellForm, ...file }, evidence, location }
}

export const noAppModule: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'no application module specified',
  detect(rc) {
    const error = firstConfigError(rc)
    if (!error || !/No application module specified/.test(error.message)) return undefined
    return { facts: { kind: 'no-app-module' }, evidence: linesOf(error), location: firstLocation(commandLine(rc)) }
  }
}

/** `Failed to read config file`: the config file raised while Gunicorn executed it. */
export const unreadableConfig: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'Gunicorn failed to read its config file',
  detect(rc) {
    const error = firstConfigError(rc)
    const file = error && /^Failed to read config file: (.+)$/.exec(error.message)?.[1]
    if (!error || !file) return configLoadTraceback(rc)
    const tb = configTraceback(rc, error)
    if (moduleMissingInConfig(rc, error)) return undefined
    return unreadableFinding(rc, tb, file, linesOf(error))
  }
}

function unreadableFinding(rc: RuleContext, tb: Traceback | undefined, file: string | undefined, lines: string[]): Finding<ConfigFacts> {
  const frame = rc.userFrame(tb)
  const caller = configCaller(rc, tb)
  return {
    facts: { kind: 'unreadable-config', file, exceptionLine: tb?.exception.line, caller },
    evidence: [...lines, ...(tb ? rc.tracebackEvidence(tb, frame) : [])],
    location: frame?.location
  }
}

const GUNICORN_CONFIG_LOADER = /gunicorn[/\\]app[/\\]base\.py$/

/**
 * A paste that starts at the traceback, without Gunicorn's `Failed to read config file` line: a traceback through
 * Gunicorn's `get_config_from_filename` is the config file's all the same. The file is the frame it executed, else the
 * path the exception names (`Permission denied: '/conf/gunicorn.conf.py'`), else the repository's.
 */
function configLoadTraceback(rc: RuleContext): Finding<ConfigFacts> | undefined {
  const tb = rc.tracebacks.find((t) => t.frames.some((f) => f.func === 'get_config_from_filename' && GUNICORN_CONFIG_LOADER.test(f.file)))
  if (!tb || /^No module named /.test(tb.exception.message) || environKeyError(rc) === tb) return undefined
  const loader = tb.frames.findIndex((f) => f.func === 'get_config_from_filename')
  const executed = tb.frames.slice(loader + 1).find((f) => !f.file.startsWith('<'))
  const named = /'([^']+\.(?:py|conf|cfg|ini))'/.exec(tb.exception.message)?.[1]
  return unreadableFinding(rc, tb, executed?.file ?? named ?? rc.gunicornConfigFile(), [])
}

/** The traceback printed after the error line is the config file's. */
const configTraceback = (rc: RuleContext, error: { lines: { seq: number }[] }) =>
  rc.tracebacks.find((t) => t.lines[0].seq > error.lines[0].seq) ?? rc.primaryTraceback()

/**
 * A module missing where the config file (or a module it imports) imports it, or a variable it reads from os.environ:
 * the missing-module and missing-env reasons name it.
 */
function moduleMissingInConfig(rc: RuleContext, error: { message: string; lines: { seq: number }[] }): boolean {
  if (!/^Failed to read config file: /.test(error.message)) return false
  if (/^No module named /.test(configTraceback(rc, error)?.exception.message ?? '')) return true
  // `os.environ["PORT"]` in the config file (or a helper it calls): the missing variable is the cause, missing-env names it.
  return (environKeyError(rc)?.lines[0].seq ?? -1) > error.lines[0].seq
}

/** `Invalid value for X`, `unrecognized arguments`, or any other line Gunicorn printed before giving up. */
export const rejectedSetting: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'Gunicorn rejected its configuration',
  detect(rc) {
    const error = firstConfigError(rc)
    if (!error || moduleMissingInConfig(rc, error)) return undefined
    const invalid = /^Invalid value for ([\w-]+): (.*)$/.exec(error.message)
    const unrecognized = /^unrecognized arguments: (.+)$/.exec(error.message)
    const detail = gunicornConfigErrors(rc)
      .slice(1)
      .map((e) => e.message)
    const facts: ConfigFacts = invalid
      ? { kind: 'invalid-value', setting: invalid[1], problem: invalid[2], detail: detail[0] }
      : unrecognized
        ? { kind: 'unrecognized-arguments', args: unrecognized[1] }
        : { kind: 'rejected', message: error.message }
    const settingLine = invalid ? configSetting(rc, invalid[1].replace(/-/g, '_')) : undefined
    return {
      facts,
      evidence: [...linesOf(error), ...detail.slice(0, 2)],
      location: firstLocation(settingLine, commandLine(rc))
    }
  }
}

const genericShellForm = (spec: string | undefined) => (spec ? `CMD exec gunicorn --bind 0.0.0.0:$PORT ${spec}` : undefined)

/** The `module:attribute` the command gives (the bind address and `$PORT` are not it). */
export function appSpec(command: string | undefined): string | undefined {
  return /([\w.]+:[\w.()]+)/.exec(command?.replace(/0\.0\.0\.0:\S+|127\.0\.0\.1:\S+|\$\{?PORT\}?/g, '') ?? '')?.[1]
}

/** The app's module as the start command names it (`app.main` of `app.main:app`). */
export const appModule = (rc: RuleContext): string | undefined => appSpec(commandLine(rc)?.text)?.split(':')[0]

const APP_ASSIGNMENT =
  /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(?:Flask|FastAPI|Starlette|Quart|Sanic|Falcon|falcon\.App|create_app|make_app|get_wsgi_application|get_asgi_application|application_factory)\b/gm

/** Names assigned a Flask/FastAPI/Django application at module level. */
export function applicationObjects(source: string): string[] {
  const names: string[] = []
  for (const m of source.matchAll(APP_ASSIGNMENT)) if (!names.includes(m[1])) names.push(m[1])
  return names
}

/** argparse's rejection; a first argument that begins with a blank is an option a line-continuation backslash glued to one. */
export function unrecognizedWords(args: string): Words {
  if (!startsWithBlank(args)) {
    return {
      summary: `Gunicorn does not recognize the argument(s) ${code(args)}.`,
      remedy: 'Remove or correct those arguments in the command; `gunicorn --help` lists the valid ones for the installed version.'
    }
  }
  return {
    summary:
      `Gunicorn does not recognize the argument(s) ${code(args)}: the first begins with a blank, so ${code(args.trim().split(/\s+/)[0])} was not ` +
      'read as an option. A line-continuation backslash left in the command (a compose `command:` over several lines) glues a blank to the next word.',
    remedy:
      'Write the command without backslashes at the ends of its lines (a folded `command: >` or a YAML list of arguments in the compose file), ' +
      'so that every option is a word of its own.'
  }
}

export function serviceLinkWords({ value, variable }: Extract<ConfigFacts, { kind: 'service-link-port' }>): Words {
  return {
    summary:
      `Gunicorn was given the port ${code(value)}, the value Kubernetes sets ${code('<SERVICE>_PORT')} to for each Service of the namespace: ` +
      `the port variable ${variable ? `${code(variable)} ` : ''}the image reads is shadowed by a Service's.`,
    remedy:
      `Set ${code(`${variable ?? '<NAME>_PORT'}=8000`)} explicitly in the pod spec, or ${code('enableServiceLinks: false')}, ` +
      "or name the Service so that its variables do not collide with the app's."
  }
}
