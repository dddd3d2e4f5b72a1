// `gunicorn-smoke [dir] [--input-name value]…`: the same pipeline as the action on the local Docker engine,
// with a terminal report. Options carry the action's input names; repeatable ones (--env, --build-args) add lines.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { runIdentity } from './docker/args.js'
import { Docker, DockerError } from './docker/docker.js'
import { describeSources, discover, type Discovery } from './discovery.js'
import { InputError, parseKeyValueLines, parseSettings } from './inputs.js'
import { renderComment } from './report/markdown.js'
import { CancelledError, runSmoke, type Ui } from './smoke/index.js'
import { Redactor, redactReport } from './report/redact.js'
import { renderTerminalReport, terminalStyle } from './cli-report.js'

const REPEATABLE = new Set(['env', 'build-args'])
/** Inputs that make no sense on a laptop. */
const ACTION_ONLY = new Set(['github-token', 'comment', 'comment-key', 'pr-number'])

const USAGE = `Usage: gunicorn-smoke [dir] [options]

Builds the backend in [dir] (default: the current directory), boots Gunicorn in Docker, probes it and explains
a failure. Options have the names of the action's inputs, e.g.:
  --health-path /healthz      --timeout 90          --port 8000
  --env KEY=VALUE (repeat)    --build-args K=V (repeat)
  --websocket-path /ws        --websocket-protocol socket.io
  --image NAME                --command "gunicorn -c gunicorn.conf.py app:app"
  --service NAME              which Docker web service of render.yaml to test
  --format terminal|json|markdown   the report's form (markdown: the pull-request comment); --json = --format json
Exit code: 0 pass, 1 fail or error.`

/** The option names are action.yml's input names (read beside src/ or dist/, both one level below the root). */
export function inputNames(): string[] {
  const action = parseYaml(fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> }
  return Object.keys(action.inputs).filter((name) => !ACTION_ONLY.has(name))
}

export async function runCli(argv: string[], out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<number> {
  const names = inputNames()
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const, multiple: REPEATABLE.has(name) }])),
        json: { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    err.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`)
    return 1
  }
  if (parsed.values.help) {
    out.write(`${USAGE}\n`)
    return 0
  }
  if (parsed.values.format !== undefined && !['terminal', 'json', 'markdown'].includes(String(parsed.values.format))) {
    err.write(`The option --format must be one of terminal, json, markdown.\n`)
    return 1
  }
  if (parsed.positionals.length > 1) {
    err.write(`Expected at most one directory, got ${parsed.positionals.length}.\n\n${USAGE}\n`)
    return 1
  }
  const workspace = path.resolve(parsed.positionals[0] ?? '.')
  const read = (name: string): string => {
    const value = parsed.values[name]
    if (Array.isArray(value)) return value.join('\n')
    return typeof value === 'string' ? value : ''
  }

  const style = terminalStyle(Boolean(err.isTTY) && !process.env.NO_COLOR)
  let settings
  let discovery: Discovery
  try {
    discovery = discover(workspace, read)
    settings = { ...parseSettings(discovery.read, workspace), procfile: discovery.procfile }
  } catch (error) {
    err.write(`${style.fail('error')} ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }

  const identity = runIdentity(`cli-${crypto.randomBytes(4).toString('hex')}`)
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const docker = new Docker()
  const ui: Ui = {
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
  try {
    for (const note of discovery.notes) ui.info(note)
    ui.info(describeSources(settings, discovery.sources))
    const report = await runSmoke(settings, {
      docker,
      ui,
      identity,
      metadata: {},
      settingSources: discovery.sources,
      hostFilledEnv: discovery.hostFilledEnv,
      signal: cancel.signal
    })
    const safe = redactReport(report, new Redactor(parseKeyValueLines('env', read('env')).map(([, value]) => value)))
    const format = parsed.values.json ? 'json' : String(parsed.values.format ?? 'terminal')
    if (format === 'json') out.write(`${JSON.stringify(safe, null, 2)}\n`)
    else if (format === 'markdown') out.write(`${renderComment(safe, { key: 'cli' })}\n`)
    else out.write(renderTerminalReport(safe, terminalStyle(Boolean(out.isTTY) && !process.env.NO_COLOR)))
    return safe.result === 'pass' ? 0 : 1
  } catch (error) {
    const known = error instanceof DockerError || error instanceof CancelledError || error instanceof InputError
    err.write(`${style.fail('error')} ${known ? error.message : `unexpected: ${String(error)}`}\n`)
    return 1
  } finally {
    if (!settings.image) await docker.removeImage(identity.imageTag).catch(() => undefined)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
}
