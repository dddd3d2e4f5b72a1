import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError, parseKeyValueLines, parseSettings, parseStatusMatcher } from '../src/setup/inputs.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-inputs-'))
fs.mkdirSync(path.join(workspace, 'backend'))
fs.writeFileSync(path.join(workspace, 'backend', 'Dockerfile'), 'FROM python:3.12-slim\n')
fs.writeFileSync(path.join(workspace, 'backend', 'Dockerfile.prod'), 'FROM python:3.12-slim\n')

const reader =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

const parse = (inputs: Record<string, string>) => parseSettings(reader({ context: 'backend', ...inputs }), workspace)

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    const settings = parseSettings(reader({ context: 'backend' }), workspace)
    expect(settings.context).toBe(path.join(workspace, 'backend'))
    expect(settings.dockerfile).toBe(path.join(workspace, 'backend', 'Dockerfile'))
    expect(settings.port).toBe(8000)
    expect(settings.healthPath).toBe('/health')
    expect(settings.healthStatus.matches(200)).toBe(true)
    expect(settings.healthStatus.matches(204)).toBe(false)
    expect(settings.timeoutSec).toBe(60)
    expect(settings.stabilityWindowSec).toBe(5)
    expect(settings.websocketProtocol).toBe('websocket')
    expect(settings.comment).toBe('always')
    expect(settings.command).toBeUndefined()
  })

  it('reads the dockerfile relative to the context and splits the command like a shell', () => {
    const settings = parse({ dockerfile: 'Dockerfile.prod', command: `gunicorn -c gunicorn.conf.py --access-logfile '-' "app:create_app()"` })
    expect(settings.dockerfile).toBe(path.join(workspace, 'backend', 'Dockerfile.prod'))
    expect(settings.command).toEqual(['gunicorn', '-c', 'gunicorn.conf.py', '--access-logfile', '-', 'app:create_app()'])
  })

  it('keeps env values verbatim (including = and inner spaces; trailing blanks dropped) and skips comments and blank lines', () => {
    const settings = parse({ env: 'DATABASE_URL=postgres://u:p@db/app?sslmode=require\n\n# comment\nGREETING= hello world ' })
    expect(settings.env).toEqual([
      ['DATABASE_URL', 'postgres://u:p@db/app?sslmode=require'],
      ['GREETING', ' hello world']
    ])
  })

  it('takes a prebuilt image without a context', () => {
    const settings = parseSettings(reader({ context: 'does-not-matter', image: 'ghcr.io/acme/api:1.2' }), workspace)
    expect(settings.image).toBe('ghcr.io/acme/api:1.2')
    expect(settings.dockerfile).toBeUndefined()
  })

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['non-numeric timeout', { timeout: 'soon' }, /^The input 'timeout' must be a number of seconds, got 'soon'\.$/],
    ['negative timeout', { timeout: '-5' }, /^The input 'timeout' must be a number of seconds/],
    ['zero timeout', { timeout: '0' }, /^The input 'timeout' must be between 1 and 3600/],
    ['health path without slash', { 'health-path': 'health' }, /^The input 'health-path' must start with '\/'/],
    ['missing context', { context: 'nope' }, /^The input 'context' points to 'nope', which is not a directory/],
    ['missing dockerfile', { dockerfile: 'Dockerfile.dev' }, /^The input 'dockerfile' points to 'Dockerfile.dev', which does not exist/],
    ['env line without =', { env: 'DATABASE_URL' }, /^The input 'env' has a line without KEY=VALUE form \(line 1\)\.$/],
    ['env with a bad name', { env: 'MY-VAR=1' }, /^The input 'env' has a line whose name 'MY-VAR'/],
    ['unknown health-status form', { 'health-status': 'ok' }, /^The input 'health-status' must be status codes/],
    ['out-of-range status', { 'health-status': '700' }, /^The input 'health-status'/],
    ['port out of range', { port: '70000' }, /^The input 'port' must be between 1 and 65535/],
    ['non-integer port', { port: '80.5' }, /^The input 'port' must be a whole number/],
    [
      'unknown websocket protocol',
      { 'websocket-path': '/ws', 'websocket-protocol': 'sse' },
      /^The input 'websocket-protocol' must be one of 'websocket', 'socket.io', got 'sse'\.$/
    ],
    ['websocket-send without path', { 'websocket-send': 'ping' }, /^The input 'websocket-send' needs 'websocket-path'/],
    ['unknown comment mode', { comment: 'sometimes' }, /^The input 'comment' must be one of 'always', 'on-failure', 'never'/],
    ['image with build-args', { image: 'acme/api', 'build-args': 'A=1' }, /^The input 'build-args' cannot be used together with 'image'/],
    ['image with dockerfile', { image: 'acme/api', dockerfile: 'Dockerfile' }, /^The input 'dockerfile' cannot be used together with 'image'/],
    ['image with cache-from', { image: 'acme/api', 'cache-from': 'type=gha' }, /^The input 'cache-from' cannot be used together with 'image'/],
    [
      'cache spec with a space',
      { 'cache-to': 'type=gha, mode=max' },
      /^The input 'cache-to' takes one cache spec a line such as 'type=gha,scope=api', got 'type=gha, mode=max'\.$/
    ],
    ['unbalanced quotes in command', { command: `gunicorn "app:app` }, /^The input 'command' is not a valid shell-style command line/],
    ['bad memory', { memory: 'lots' }, /^The input 'memory' must be a size such as '512m'/],
    ['bad cpus', { cpus: '-1' }, /^The input 'cpus' must be a positive number/],
    ['bad pr-number', { 'pr-number': '#12' }, /^The input 'pr-number' must be a whole number/],
    ['comment-key that closes the marker', { 'comment-key': 'a-->b' }, /^The input 'comment-key' must be a single line without '-->'/],
    [
      'bad websocket-expect regex',
      { 'websocket-path': '/ws', 'websocket-expect': '/(unclosed/' },
      /^The input 'websocket-expect' looks like a \/regular expression\//
    ],
    [
      'socket.io send without an event name',
      { 'websocket-path': '/socket.io/', 'websocket-protocol': 'socket.io', 'websocket-send': ':{"a":1}' },
      /^The input 'websocket-send' needs an event name for socket.io/
    ],
    ['stability window too long', { 'stability-window': '601' }, /^The input 'stability-window' must be between 0 and 600/],
    ['faulthandler that is not a boolean', { faulthandler: 'yes' }, /^The input 'faulthandler' must be one of 'true', 'false', got 'yes'\.$/],
    ['host-header with a path', { 'host-header': 'api.example.com/health' }, /^The input 'host-header' must be a host name with an optional port/],
    ['host-header with a space', { 'host-header': 'api example.com' }, /^The input 'host-header' must be a host name/],
    ['host-header with a scheme', { 'host-header': 'https://api.example.com' }, /^The input 'host-header' must be a host name/],
    ['host-header with a port out of range', { 'host-header': 'api.example.com:70000' }, /^The input 'host-header' must be a host name/]
  ]
  it.each(bad)('rejects %s with one sentence naming the input', (_name, inputs, message) => {
    let error: unknown
    try {
      parse(inputs)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toMatch(/\n|at .*\(/)
  })
})

describe('faulthandler and host-header', () => {
  it('turns faulthandler on by default and off with false', () => {
    expect(parse({}).faulthandler).toBe(true)
    expect(parse({ faulthandler: 'false' }).faulthandler).toBe(false)
    expect(parse({ faulthandler: 'TRUE' }).faulthandler).toBe(true)
  })

  it('takes a host name with an optional port as the Host header', () => {
    expect(parse({}).hostHeader).toBeUndefined()
    expect(parse({ 'host-header': 'api.example.com' }).hostHeader).toBe('api.example.com')
    expect(parse({ 'host-header': ' shop.onrender.com:443 ' }).hostHeader).toBe('shop.onrender.com:443')
    expect(parse({ 'host-header': '10.0.0.5:8000' }).hostHeader).toBe('10.0.0.5:8000')
  })
})

describe('parseStatusMatcher', () => {
  it.each([
    ['200', [200], [201, 503]],
    ['200,204', [200, 204], [201]],
    ['2xx', [200, 204, 299], [199, 300]],
    ['200-299, 304', [200, 250, 304], [300, 503]],
    ['5XX', [500, 503], [404]]
  ])('%s', (text, accepted, refused) => {
    const matcher = parseStatusMatcher(text)
    for (const status of accepted) expect(matcher.matches(status)).toBe(true)
    for (const status of refused) expect(matcher.matches(status)).toBe(false)
  })

  it('rejects reversed ranges', () => {
    expect(() => parseStatusMatcher('299-200')).toThrow(InputError)
  })
})

describe('parseKeyValueLines', () => {
  it('handles CRLF and values containing =', () => {
    expect(parseKeyValueLines('build-args', 'A=1\r\nB=x=y\r\n')).toEqual([
      ['A', '1'],
      ['B', 'x=y']
    ])
  })
})
