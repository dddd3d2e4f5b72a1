// Bad inputs through the bundled action, as a workflow would pass them: each must end the step with exit 1 and
// one `::error::` sentence naming the input, no stack trace, and Docker never asked to build or run anything.
// A `docker` shim on PATH records every call the action makes (then runs the real client), which proves
// "no container started" even while other jobs use the same engine. countAll() before/after is compared too, when
// the engine's event log shows that nobody else created or removed a container in the meantime.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { countAll, leftovers } from './helpers/docker.js'
import { runAction } from './helpers/run-action.js'

jest.setTimeout(60_000)

const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim()
let shimDir: string
let callLog: string

beforeAll(() => {
  shimDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-test-docker-shim-'))
  callLog = path.join(shimDir, 'calls.log')
  fs.writeFileSync(path.join(shimDir, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${callLog}'\nexec '${realDocker}' "$@"\n`, { mode: 0o755 })
})
afterAll(() => fs.rmSync(shimDir, { recursive: true, force: true }))

/** Containers anyone created or removed on the engine between two moments (epoch ms). */
function containerChurn(sinceMs: number, untilMs: number): string[] {
  const out = execFileSync(
    'docker',
    [
      'events',
      '--since',
      (sinceMs / 1000).toFixed(3),
      '--until',
      (untilMs / 1000 + 0.5).toFixed(3),
      '--filter',
      'type=container',
      '--filter',
      'event=create',
      '--filter',
      'event=destroy',
      '--format',
      '{{.Action}} {{.Actor.Attributes.name}}'
    ],
    { encoding: 'utf8' }
  )
  return out.split('\n').filter(Boolean)
}

const dockerCalls = (): string[] => (fs.existsSync(callLog) ? fs.readFileSync(callLog, 'utf8').split('\n').filter(Boolean) : [])

const CONTEXT = { context: 'examples/flask-gevent' }
const IMAGE = { image: 'gunicorn-smoke-base:bookworm' }

// [what is wrong, inputs, the input the message must name]
const CASES: Array<[string, Record<string, string>, string]> = [
  // types
  ['timeout is not a number', { ...CONTEXT, timeout: 'sixty' }, 'timeout'],
  ['timeout has a unit', { ...CONTEXT, timeout: '60s' }, 'timeout'],
  ['port is a fraction', { ...CONTEXT, port: '80.5' }, 'port'],
  ['load-requests in exponent notation', { ...CONTEXT, 'load-requests': '1e3' }, 'load-requests'],
  ['pr-number with trailing text', { ...CONTEXT, 'pr-number': '12abc' }, 'pr-number'],
  ['cpus is negative', { ...CONTEXT, cpus: '-1' }, 'cpus'],
  ['memory is not a size', { ...CONTEXT, memory: 'lots' }, 'memory'],
  // ranges
  ['timeout is zero', { ...CONTEXT, timeout: '0' }, 'timeout'],
  ['timeout above an hour', { ...CONTEXT, timeout: '99999' }, 'timeout'],
  ['port above 65535', { ...CONTEXT, port: '70000' }, 'port'],
  ['port zero', { ...CONTEXT, port: '0' }, 'port'],
  ['stability-window above 600', { ...CONTEXT, 'stability-window': '601' }, 'stability-window'],
  ['load-requests above 10000', { ...CONTEXT, 'load-requests': '20000' }, 'load-requests'],
  ['health-status out of the HTTP range', { ...CONTEXT, 'health-status': '600' }, 'health-status'],
  ['health-status with a word in the list', { ...CONTEXT, 'health-status': '200,ok' }, 'health-status'],
  // unknown enum values
  ['websocket-protocol misspelled', { ...CONTEXT, 'websocket-protocol': 'socketio' }, 'websocket-protocol'],
  ['comment mode unknown', { ...CONTEXT, comment: 'sometimes' }, 'comment'],
  // syntax
  ['health-path is a full URL', { ...CONTEXT, 'health-path': 'http://example.com/health' }, 'health-path'],
  ['websocket-path without a slash', { ...CONTEXT, 'websocket-path': 'ws' }, 'websocket-path'],
  ['command with an unterminated quote', { ...CONTEXT, command: 'gunicorn "app:app' }, 'command'],
  ['env line without KEY=VALUE', { ...CONTEXT, env: 'DATABASE_URL=postgres://db/app\nDEBUG' }, 'env'],
  ['env name starting with a digit', { ...CONTEXT, env: '1PASSWORD=x' }, 'env'],
  ['build-args line without KEY=VALUE', { ...CONTEXT, 'build-args': 'BASE_IMAGE' }, 'build-args'],
  ['websocket-expect regex that does not compile', { ...CONTEXT, 'websocket-path': '/ws', 'websocket-expect': '/[unclosed/' }, 'websocket-expect'],
  [
    'socket.io websocket-send without an event name',
    { ...CONTEXT, 'websocket-path': '/ws', 'websocket-protocol': 'socket.io', 'websocket-send': ':{"text":"hi"}' },
    'websocket-send'
  ],
  ['network with shell metacharacters', { ...CONTEXT, network: 'host;rm -rf /' }, 'network'],
  ['comment-key that would close the HTML marker', { ...CONTEXT, 'comment-key': 'api-->' }, 'comment-key'],
  // multi-line values where one line is expected
  ['health-path on two lines', { ...CONTEXT, 'health-path': '/health\n/ready' }, 'health-path'],
  ['port on two lines', { ...CONTEXT, port: '8000\n9000' }, 'port'],
  ['comment-key on two lines', { ...CONTEXT, 'comment-key': 'api\nweb' }, 'comment-key'],
  ['image on two lines', { image: 'gunicorn-smoke-base:bookworm\nalpine' }, 'image'],
  ['target on two lines', { ...CONTEXT, target: 'base\nprod' }, 'target'],
  // contradicting inputs
  ['image together with build-args', { ...IMAGE, 'build-args': 'BASE_IMAGE=x' }, 'build-args'],
  ['image together with dockerfile', { ...IMAGE, dockerfile: 'Dockerfile' }, 'dockerfile'],
  ['image together with target', { ...IMAGE, target: 'prod' }, 'target'],
  ['websocket-send without websocket-path', { ...CONTEXT, 'websocket-send': 'hello' }, 'websocket-send'],
  // paths
  ['context outside the repository', { context: '../../etc' }, 'context'],
  ['context that does not exist', { context: 'services/api' }, 'context'],
  ['dockerfile that is a directory', { ...CONTEXT, dockerfile: 'backend' }, 'dockerfile'],
  ['dockerfile outside the repository', { ...CONTEXT, dockerfile: '../../../../../../etc/passwd' }, 'dockerfile']
]

describe('hostile inputs through the bundled action', () => {
  it('has at least twenty cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20)
  })

  it.each(CASES)('%s → exit 1, one sentence naming the input, nothing started', async (_what, inputs, inputName) => {
    fs.rmSync(callLog, { force: true })
    const since = Date.now()
    const before = countAll()
    const run = await runAction({ comment: 'never', ...inputs }, { extraEnv: { PATH: `${shimDir}:${process.env.PATH}` }, runPost: false })

    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    const message = errors[0].replace(/^::error::/, '')
    // One sentence that names the input: quoted, once a sentence, ending with a full stop, on one line.
    expect(message).toContain(`'${inputName}'`)
    expect(message).toMatch(/^The input '[a-z-]+' .*\.$/)
    expect(message).not.toMatch(/\.\s+[A-Z]/)
    expect(message).not.toContain('%0A')
    expect(message).not.toMatch(/unexpectedly|Error:|\bat .+:\d+:\d+/)
    expect(run.stderr).toBe('')

    // Docker was not asked to build, create or run anything (inputs are checked before Docker is touched).
    expect(dockerCalls().filter((call) => /^(build|run|create|start|image build|container (create|run))\b/.test(call))).toEqual([])
    expect(leftovers(run.state.runKey.toLowerCase())).toEqual({ containers: [], images: [], volumes: [], networks: [] })
    const after = countAll()
    const churn = containerChurn(since, Date.now())
    expect(churn.filter((event) => event.includes(run.state.runKey.toLowerCase()))).toEqual([])
    if (churn.length === 0) expect(after).toEqual(before)
  })

  it('the shim sees the calls of a valid run (so an empty call log above means something)', async () => {
    fs.rmSync(callLog, { force: true })
    const run = await runAction(
      { ...IMAGE, command: 'python3 -c "import sys; sys.exit(3)"', timeout: '5', 'stability-window': '0', comment: 'never' },
      { extraEnv: { PATH: `${shimDir}:${process.env.PATH}` } }
    )
    expect(run.exitCode).toBe(1)
    expect(dockerCalls().some((call) => call.startsWith('run '))).toBe(true)
    expect(leftovers(run.state.runKey.toLowerCase()).containers).toEqual([])
  })
})
