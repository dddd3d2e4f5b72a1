import {
  encodeSocketIoEmit,
  engineIoPath,
  parseEngineIoHandshake,
  parseEngineIoPacket,
  parseSocketIoPacket,
  parseSocketIoSend,
  socketIoRequestPath
} from '../../src/probes/socketio.js'
import { bodyText, compileExpect, describeExpect, describeRejectedUpgrade } from '../../src/probes/websocket-session.js'

describe('parseEngineIoPacket', () => {
  it('reads the type digit and keeps the rest as data', () => {
    expect(parseEngineIoPacket('0{"sid":"a"}')).toEqual({ type: 'open', data: '{"sid":"a"}' })
    expect(parseEngineIoPacket('2')).toEqual({ type: 'ping', data: '' })
    expect(parseEngineIoPacket('3probe')).toEqual({ type: 'pong', data: 'probe' })
    expect(parseEngineIoPacket('42["echo",1]')).toEqual({ type: 'message', data: '2["echo",1]' })
    expect(parseEngineIoPacket('6')).toEqual({ type: 'noop', data: '' })
  })

  it('rejects text that is not an Engine.IO packet', () => {
    expect(parseEngineIoPacket('')).toBeUndefined()
    expect(parseEngineIoPacket('7')).toBeUndefined()
    expect(parseEngineIoPacket('hello')).toBeUndefined()
  })
})

describe('parseEngineIoHandshake', () => {
  it('reads a v4 open packet as python-engineio sends it', () => {
    const data = '{"sid":"JOZmK43x2xLEpqboAAAA","upgrades":[],"pingTimeout":20000,"pingInterval":25000,"maxPayload":1000000}'
    expect(parseEngineIoHandshake(data)).toEqual({
      sid: 'JOZmK43x2xLEpqboAAAA',
      upgrades: [],
      pingTimeout: 20000,
      pingInterval: 25000,
      maxPayload: 1000000
    })
  })

  it('refuses JSON without sid or pingInterval, and non-JSON', () => {
    expect(parseEngineIoHandshake('{"pingInterval":25000}')).toBeUndefined()
    expect(parseEngineIoHandshake('{"sid":"x"}')).toBeUndefined()
    expect(parseEngineIoHandshake('not json')).toBeUndefined()
    expect(parseEngineIoHandshake('"text"')).toBeUndefined()
  })
})

describe('parseSocketIoPacket', () => {
  it('reads connect answers with and without a payload', () => {
    expect(parseSocketIoPacket('0{"sid":"s1"}')).toEqual({
      type: 'connect',
      namespace: '/',
      ackId: undefined,
      payloadText: '{"sid":"s1"}',
      payload: { sid: 's1' }
    })
    expect(parseSocketIoPacket('0')).toMatchObject({ type: 'connect', payloadText: '', payload: undefined })
  })

  it('reads namespaces, ack ids and binary attachment counts', () => {
    expect(parseSocketIoPacket('2/chat,["message","hi"]')).toMatchObject({
      type: 'event',
      namespace: '/chat',
      payload: ['message', 'hi']
    })
    expect(parseSocketIoPacket('31[]')).toMatchObject({ type: 'ack', ackId: 1, payloadText: '[]' })
    expect(parseSocketIoPacket('2/admin,12["x"]')).toMatchObject({ namespace: '/admin', ackId: 12, payload: ['x'] })
    expect(parseSocketIoPacket('51-["file",{"_placeholder":true,"num":0}]')).toMatchObject({ type: 'binary_event' })
    expect(parseSocketIoPacket('1/chat,')).toMatchObject({ type: 'disconnect', namespace: '/chat', payloadText: '' })
    expect(parseSocketIoPacket('4{"message":"Not authorized"}')).toMatchObject({
      type: 'connect_error',
      payload: { message: 'Not authorized' }
    })
  })

  it('rejects malformed packets', () => {
    expect(parseSocketIoPacket('9')).toBeUndefined()
    expect(parseSocketIoPacket('2["unterminated"')).toBeUndefined()
    expect(parseSocketIoPacket('5["no attachment count"]')).toBeUndefined()
  })
})

describe('Socket.IO send format', () => {
  it('reads an event name alone or with a JSON payload', () => {
    expect(parseSocketIoSend('ping')).toEqual({ event: 'ping' })
    expect(parseSocketIoSend('echo:{"text":"hi"}')).toEqual({ event: 'echo', data: { text: 'hi' } })
    expect(parseSocketIoSend('echo:42')).toEqual({ event: 'echo', data: 42 })
  })

  it('sends text after the colon that is not JSON as a string', () => {
    expect(parseSocketIoSend('say:hello there')).toEqual({ event: 'say', data: 'hello there' })
  })

  it('refuses a payload without an event name', () => {
    expect(() => parseSocketIoSend(':{"a":1}')).toThrow(
      'The Socket.IO send value ":{\\"a\\":1}" needs an event name before the colon, e.g. echo:{"text":"hi"}.'
    )
  })

  it('encodes an emit that asks for an acknowledgement', () => {
    expect(encodeSocketIoEmit({ event: 'echo', data: { a: 1 } })).toBe('421["echo",{"a":1}]')
    expect(encodeSocketIoEmit({ event: 'ping' }, 7)).toBe('427["ping"]')
  })
})

describe('Engine.IO paths', () => {
  it('adds the trailing slash and defaults to /socket.io/', () => {
    expect(engineIoPath('/socket.io')).toBe('/socket.io/')
    expect(engineIoPath('/custom/')).toBe('/custom/')
    expect(engineIoPath('custom')).toBe('/custom/')
    expect(engineIoPath('')).toBe('/socket.io/')
    expect(engineIoPath('/')).toBe('/socket.io/')
  })

  it('asks for EIO=4 over the websocket transport, keeping other query parameters', () => {
    expect(socketIoRequestPath('/socket.io')).toBe('/socket.io/?EIO=4&transport=websocket')
    expect(socketIoRequestPath('/rt/?token=abc&EIO=3')).toBe('/rt/?token=abc&EIO=4&transport=websocket')
  })
})

describe('compileExpect', () => {
  it('treats plain text as "contains"', () => {
    const matches = compileExpect('pong')!
    expect(matches('{"type":"pong"}')).toBe(true)
    expect(matches('ping')).toBe(false)
  })

  it('treats /pattern/flags and RegExp values as regular expressions', () => {
    expect(compileExpect('/^PONG$/i')!('pong')).toBe(true)
    expect(compileExpect('/^PONG$/')!('pong')).toBe(false)
    const global = compileExpect(/o/g)!
    // A global regex would alternate true/false through lastIndex; the probe must not.
    expect([global('pong'), global('pong'), global('pong')]).toEqual([true, true, true])
  })

  it('names the pattern when the regex is invalid', () => {
    expect(() => compileExpect('/(unclosed/')).toThrow(/^The WebSocket expect pattern \/\(unclosed\/ is not a valid regular expression/)
  })

  it('describes the expectation for detail lines', () => {
    expect(describeExpect('pong')).toBe('"pong"')
    expect(describeExpect('/^pong$/')).toBe('/^pong$/')
    expect(describeExpect(/a+/i)).toBe('/a+/i')
  })
})

describe('refused upgrades', () => {
  it('keeps the sentence of a Werkzeug error page', () => {
    const page =
      '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Expected a WebSocket upgrade request.</p>\n'
    expect(bodyText(page)).toBe('Expected a WebSocket upgrade request.')
    expect(bodyText('{"detail":"Not Found"}')).toBe('Not Found')
    expect(bodyText('{"code":5,"message":"Unsupported protocol version"}')).toBe('Unsupported protocol version')
    expect(bodyText('"The client is using an unsupported version"')).toBe('The client is using an unsupported version')
    expect(bodyText('[1,2]')).toBe('[1,2]')
    expect(bodyText('<html><head><title>Server Error</title></head><body></body></html>')).toBe('Server Error')
  })

  it('words each status family differently', () => {
    const answer = (status: number, statusText: string, body = '', location?: string) =>
      describeRejectedUpgrade({ status, statusText, body, location }).detail
    expect(answer(404, 'Not Found')).toBe('upgrade answered 404 Not Found: no such route')
    expect(answer(426, 'Upgrade Required', 'Upgrade Required')).toBe(
      'upgrade answered 426 Upgrade Required: not upgraded (check the worker class): "Upgrade Required"'
    )
    expect(answer(308, 'Permanent Redirect', '', '/ws/')).toBe('upgrade answered 308 Permanent Redirect: redirect to /ws/')
    expect(answer(502, 'Bad Gateway', 'x'.repeat(300))).toBe(
      `upgrade answered 502 Bad Gateway: the app failed handling the upgrade: "${'x'.repeat(99)}…"`
    )
    expect(describeRejectedUpgrade({ status: 403, statusText: 'Forbidden', body: '' })).toEqual({
      ok: false,
      failure: 'http-status',
      status: 403,
      detail: 'upgrade answered 403 Forbidden: refused (ASGI servers answer 403 when no WebSocket route matches)'
    })
  })
})
