// The WebSocket route check through the bundled action, on apps with real WebSocket stacks.
import { jest } from '@jest/globals'
import path from 'node:path'
import { BASES, baseImage, leftovers } from './helpers/docker.js'
import { ROOT, runAction, type ActionRun, expectFailedWith } from './helpers/run-action.js'

jest.setTimeout(180_000)

const fixture = (name: string): string => path.relative(ROOT, path.join(ROOT, '__fixtures__', 'apps', name))

function expectClean(run: ActionRun): void {
  expect(leftovers(run.state.runKey.toLowerCase()).containers).toEqual([])
  expect(run.post?.exitCode).toBe(0)
}

describe.each(BASES)('on %s', (base) => {
  const common = { 'build-args': `BASE_IMAGE=${baseImage(base)}`, 'stability-window': '1', comment: 'never' }

  it('passes a Flask app on the gevent-websocket worker with an echo on /ws', async () => {
    const run = await runAction({
      ...common,
      context: fixture('ws-geventwebsocket'),
      'websocket-path': '/ws',
      'websocket-send': 'ping 42',
      'websocket-expect': '/^ping \\d+$/'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.websocket).toBe('ok')
    expect(run.summary).toMatch(/WebSocket/)
    expectClean(run)
  })

  it('passes a Flask-SocketIO app over Socket.IO with an event round trip', async () => {
    const run = await runAction({
      ...common,
      context: fixture('ws-socketio'),
      'websocket-path': '/socket.io/',
      'websocket-protocol': 'socket.io',
      'websocket-send': 'echo:{"text":"hello"}',
      'websocket-expect': 'hello'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.websocket).toBe('ok')
    expectClean(run)
  })

  it('passes a FastAPI app on uvicorn workers with an echo', async () => {
    const run = await runAction({
      ...common,
      context: fixture('ws-fastapi'),
      'websocket-path': '/ws',
      'websocket-send': 'marco',
      'websocket-expect': 'marco'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.websocket).toBe('ok')
    expect(run.outputs.workers).toBe('2/2')
    expectClean(run)
  })

  it('fails a missing route with websocket-failed and says it answered 404', async () => {
    const run = await runAction({ ...common, context: fixture('ws-wrong-worker'), 'websocket-path': '/live' })
    expectFailedWith(run, 'websocket-failed')
    expect(run.outputs.websocket).toBe('failed')
    expect(run.outputs.summary).toMatch(/404/)
    expectClean(run)
  })

  it('fails a WebSocket route served by a worker class that cannot upgrade, naming the ones that can', async () => {
    const run = await runAction({ ...common, context: fixture('ws-wrong-worker'), 'websocket-path': '/ws' })
    expectFailedWith(run, 'websocket-failed')
    expect(run.stdout).toMatch(/GeventWebSocketWorker/)
    expectClean(run)
  })
})
