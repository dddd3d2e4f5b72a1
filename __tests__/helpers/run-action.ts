// Runs the bundled action (dist/index.js) the way the GitHub runner does: every input of action.yml as an
// INPUT_* variable (its default when not given, name upper-cased with hyphens kept), the GITHUB_OUTPUT,
// GITHUB_STATE and GITHUB_STEP_SUMMARY files, an event payload, then the post step with STATE_* variables.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
// GSMOKE_BUNDLE runs a bundle built elsewhere (`node scripts/bundle.mjs DIR`) instead of the committed dist/.
const BUNDLE = process.env.GSMOKE_BUNDLE ?? path.join(ROOT, 'dist', 'index.js')

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationMs: number
}

export interface ActionRun extends StepResult {
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  post?: StepResult
  /** The runner's temp folder for this run (holds the JSON report). */
  runnerTemp: string
}

export interface RunOptions {
  workspace?: string
  eventName?: string
  payload?: Record<string, unknown>
  apiUrl?: string
  token?: string
  extraEnv?: Record<string, string>
  /** Send this signal to the main step after the given delay (a cancelled job). */
  cancel?: { signal: NodeJS.Signals; afterMs: number } | { signal: NodeJS.Signals; whenStdoutMatches: RegExp }
  runPost?: boolean
}

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

export function actionDefaults(token: string): Record<string, string> {
  const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYaml
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    defaults[name] = String(spec.default ?? '').replace('${{ github.token }}', token)
  }
  return defaults
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses the runner's file-command format: `name<<delimiter\nvalue\ndelimiter` (and plain `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i].match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i])
      values[heredoc[1]] = body.join('\n')
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=')
      values[lines[i].slice(0, eq)] = lines[i].slice(eq + 1)
    }
  }
  return values
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-runner-'))
  const files = {
    output: path.join(temp, 'output'),
    state: path.join(temp, 'state'),
    summary: path.join(temp, 'summary.md'),
    event: path.join(temp, 'event.json')
  }
  for (const file of [files.output, files.state, files.summary]) fs.writeFileSync(file, '')
  fs.writeFileSync(files.event, JSON.stringify(options.payload ?? {}))
  const token = options.token ?? 'ghs_' + crypto.randomBytes(18).toString('hex')
  const runnerTemp = path.join(temp, 'runner-temp')
  fs.mkdirSync(runnerTemp)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace ?? ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo-org/backend',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: String(1000 + Math.floor(Math.random() * 1e6)),
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'smoke',
    GITHUB_JOB: 'smoke',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    ...options.extraEnv
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(token), ...inputs })) env[inputEnvName(name)] = value

  const main = await runStep(env, options.cancel)
  const state = parseFileCommands(fs.readFileSync(files.state, 'utf8'))
  let post: StepResult | undefined
  if (options.runPost !== false) {
    const postEnv: Record<string, string> = { ...env }
    for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value
    post = await runStep(postEnv)
  }
  return {
    ...main,
    outputs: parseFileCommands(fs.readFileSync(files.output, 'utf8')),
    state,
    summary: fs.readFileSync(files.summary, 'utf8'),
    post,
    runnerTemp
  }
}

function runStep(env: Record<string, string>, cancel?: RunOptions['cancel']): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, [BUNDLE], { env, cwd: env.GITHUB_WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let cancelled = false
    const sendCancel = (): void => {
      if (!cancelled && cancel) {
        cancelled = true
        child.kill(cancel.signal)
      }
    }
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      if (cancel && 'whenStdoutMatches' in cancel && cancel.whenStdoutMatches.test(stdout)) sendCancel()
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = cancel && 'afterMs' in cancel ? setTimeout(sendCancel, cancel.afterMs) : undefined
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      if (timer) clearTimeout(timer)
      resolve({ exitCode, signal, stdout, stderr, durationMs: Date.now() - started })
    })
  })
}

/** The run failed with this reason: exit code 1, `result` fail, `reason` set. */
export function expectFailedWith(run: ActionRun, reason: string): void {
  expect({ exitCode: run.exitCode, result: run.outputs.result, reason: run.outputs.reason }).toEqual({ exitCode: 1, result: 'fail', reason })
}
