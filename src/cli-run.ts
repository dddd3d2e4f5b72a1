// `gunicorn-smoke [dir] [--input-name value]…`: the same pipeline as the action on the local Docker engine,
// with a terminal report. Options carry the action's input names; repeatable ones (--env, --build-args) add lines.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { Docker, DockerError } from './docker/docker.js'
import { InputError, type InputReader } from './setup/inputs.js'
import { renderComment } from './render/markdown.js'
import { CancelledError, runSmoke, type Ui } from './smoke/index.js'
import { prepare, removeBuiltImage, type Preparation } from './setup/prepare.js'
import { redactReport } from './render/redact.js'
import { renderTerminalReport, terminalStyle, type TerminalStyle } from './render/terminal.js'
import { cliReport } from './render/cli-words.js'

const REPEATABLE = new Set(['env', 'build-args', 'cache-from', 'cache-to'])
/** Inputs that make no sense on a laptop. */
const ACTION_ONLY = new Set(['github-token', 'comment', 'comment-key', 'pr-number'])

const USAGE = [
  'Usage: gunicorn-smoke [dir] [options]',
  '',
  'Builds the backend in [dir] (default: the current directory), boots Gunicorn in Docker, probes it and explains',
  "a failure. Options have the names of the action's inputs, e.g.:",
  '  --health-path /healthz      --timeout 90          --port 8000',
  '  --env KEY=VALUE (repeat)    --build-args K=V (repeat)',
  '  --websocket-path /ws        --websocket-protocol socket.io',
  '  --image NAME                --command "gunicorn -c gunicorn.conf.py app:app"',
  '  --service NAME              which Docker web service of render.yaml to test',
  '  --host auto|none|cloud-run|render|heroku|fly|railway|kubernetes   boot like this host (docs/hosts.md)',
  "  --format terminal|json|markdown   the report's form (markdown: the pull-request comment); --json = --format json",
  'Exit code: 0 pass, 1 fail or error.'
].join('\n')

/** The option names are action.yml's input names (read beside src/ or dist/, both one level below the root). */
export function inputNames(): string[] {
  const action = parseYaml(fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> }
  return Object.keys(action.inputs).filter((name) => !ACTION_ONLY.has(name))
}

export async function runCli(argv: string[], out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<number> {
  const options = parseOptions(argv, out, err)
  if (typeof options === 'number') return options
  const style = terminalStyle(Boolean(err.isTTY) && !process.env.NO_COLOR)
  const ui = terminalUi(err, style)
  let preparation: Preparation
  try {
    preparation = prepare({
      workspace: options.workspace,
      readInput: options.read,
      runKey: `cli-${crypto.randomBytes(4).toString('hex')}`,
      log: ui.info
    })
  } catch (error) {
    return reportError(error instanceof Error ? error.message : String(error), options.format, out, err, style)
  }
  const { settings, identity, discovery } = preparation
  const docker = new Docker()
  // The compose project's `down`: after the report is written, not before.
  const deferred: Array<Promise<void>> = []
  try {
    const report = await runSmoke(settings, {
      docker,
      ui,
      identity,
      metadata: {},
      settingSources: discovery.sources,
      hostFilledEnv: discovery.hostFilledEnv,
      signal: preparation.signal,
      deferCleanup: (task) => deferred.push(task)
    })
    const safe = cliReport(redactReport(report, preparation.redactor), new Set(inputNames()))
    if (options.format === 'json') out.write(`${JSON.stringify(safe, null, 2)}\n`)
    else if (options.format === 'markdown') out.write(`${renderComment(safe, { key: 'cli' })}\n`)
    else out.write(renderTerminalReport(safe, terminalStyle(Boolean(out.isTTY) && !process.env.NO_COLOR)))
    return safe.result === 'pass' ? 0 : 1
  } catch (error) {
    const known = error instanceof DockerError || error instanceof CancelledError || error instanceof InputError
    return reportError(known ? error.message : `unexpected: ${String(error)}`, options.format, out, err, style)
  } finally {
    // The image goes once no container uses it: after the deferred removals.
    await Promise.allSettled(deferred)
    await removeBuiltImage(docker, preparation).catch(() => undefined)
    preparation.release()
  }
}

/** An error instead of a verdict: one sentence on stderr, and with `--format json` a JSON object on stdout too. */
function reportError(message: string, format: string, out: NodeJS.WriteStream, err: NodeJS.WriteStream, style: TerminalStyle): number {
  err.write(`${style.fail('error')} ${message}\n`)
  if (format === 'json') out.write(`${JSON.stringify({ result: 'error', error: message }, null, 2)}\n`)
  return 1
}

interface CliOptions {
  workspace: string
  read: InputReader
  format: string
}

/** The options, or the exit code when there is nothing to run (--help, a usage error). */
function parseOptions(argv: string[], out: NodeJS.WriteStream, err: NodeJS.WriteStream): CliOptions | number {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(inputNames().map((name) => [name, { type: 'string' as const, multiple: REPEATABLE.has(name) }])),
        json: { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    err.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`)
    return 1
  }
  const { values, positionals } = parsed
  if (values.help) {
    out.write(`${USAGE}\n`)
    return 0
  }
  if (values.format !== undefined && !['terminal', 'json', 'markdown'].includes(String(values.format))) {
    err.write(`The option --format must be one of terminal, json, markdown.\n`)
    return 1
  }
  if (positionals.length > 1) {
    err.write(`Expected at most one directory, got ${positionals.length}.\n\n${USAGE}\n`)
    return 1
  }
  const read = (name: string): string => {
    const value = values[name]
    if (Array.isArray(value)) return value.join('\n')
    return typeof value === 'string' ? value : ''
  }
  return { workspace: path.resolve(positionals[0] ?? '.'), read, format: values.json ? 'json' : String(values.format ?? 'terminal') }
}

function terminalUi(err: NodeJS.WriteStream, style: TerminalStyle): Ui {
  return {
    group: async (_title, body) => body(),
    info: (message) => err.write(`${style.dim(message)}\n`),
    warning: (message) => err.write(`${style.warn('warning')} ${message}\n`),
    debug: () => undefined,
    // Only the builder's step lines while building; the full output of a failed step is in the diagnosis.
    buildOutput: (line) => {
      if (/^Step \d+\/\d+ : |^#\d+ \[[^\]]*\d+\/\d+\]/.test(line)) err.write(`${style.dim(`  │ ${line}`)}\n`)
    },
    progress: (message) => err.write(`${style.bold('›')} ${message}\n`)
  }
}
