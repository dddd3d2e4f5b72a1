import { Docker, DockerError, type CommandRunner, type ExecResult } from '../src/docker/docker.js'

/** A CommandRunner that answers `docker rm` with a canned result, recording the arguments. */
function runnerAnswering(result: ExecResult): CommandRunner & { calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    run: async (args) => {
      calls.push(args)
      return result
    },
    stream: async () => 0
  }
}

describe('Docker.removeContainers', () => {
  it('accepts containers that are already gone or removing themselves (--rm)', async () => {
    const runner = runnerAnswering({
      exitCode: 1,
      stdout: 'abc\n',
      stderr:
        'Error response from daemon: removal of container gunicorn-smoke-x-config is already in progress\nError: No such container: gunicorn-smoke-y\n'
    })
    // One of the three was not found: the caller learns it (a container still being created may show up later).
    await expect(new Docker(runner).removeContainers(['abc', 'gunicorn-smoke-x-config', 'gunicorn-smoke-y'])).resolves.toBe(1)
    expect(runner.calls[0]).toEqual(['rm', '--force', '--volumes', 'abc', 'gunicorn-smoke-x-config', 'gunicorn-smoke-y'])
  })

  it('reports any other failure in one sentence', async () => {
    const runner = runnerAnswering({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: permission denied\n' })
    await expect(new Docker(runner).removeContainers(['abc'])).rejects.toEqual(
      new DockerError('Could not remove container(s) abc: Error response from daemon: permission denied.')
    )
  })
})

describe('Docker.removeContainers, answered by Docker 20.10', () => {
  it('counts a name Docker did not find, which `rm --force` answers with exit code 0', async () => {
    // `docker rm --force --volumes gunicorn-smoke-nonexistent-config` on engine 20.10.24.
    const runner = runnerAnswering({
      exitCode: 0,
      stdout: '',
      stderr: 'Error response from daemon: No such container: gunicorn-smoke-nonexistent-config\n'
    })
    await expect(new Docker(runner).removeContainers(['gunicorn-smoke-nonexistent-config'])).resolves.toBe(1)
    const removed = runnerAnswering({ exitCode: 0, stdout: 'gunicorn-smoke-x-config\n', stderr: '' })
    await expect(new Docker(removed).removeContainers(['gunicorn-smoke-x-config'])).resolves.toBe(0)
  })
})

describe('Docker.imageInfo', () => {
  it("reads the configuration and the size from one inspection (the profile's image size is not asked again)", async () => {
    // `docker image inspect --format '{"Config":{{json .Config}},"Size":{{json .Size}}}'` of examples/flask-gevent on bookworm.
    const runner = runnerAnswering({
      exitCode: 0,
      stdout:
        '{"Config":{"Env":["LANG=C.UTF-8","PYTHONUNBUFFERED=1","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],' +
        '"Cmd":["gunicorn","-c","gunicorn.conf.py","backend.wsgi:app"],"WorkingDir":"/app"},"Size":241888015}\n',
      stderr: ''
    })
    await expect(new Docker(runner).imageInfo('gsmoke-test-overhead-ok')).resolves.toEqual({
      workdir: '/app',
      cmd: ['gunicorn', '-c', 'gunicorn.conf.py', 'backend.wsgi:app'],
      entrypoint: undefined,
      exposedPorts: [],
      stopSignal: undefined,
      sizeBytes: 241888015
    })
    expect(runner.calls).toHaveLength(1)
  })

  it('is undefined for an image the engine does not have', async () => {
    const runner = runnerAnswering({
      exitCode: 1,
      stdout: '\n',
      stderr: 'Error response from daemon: no such image: nonexistent-image:x: No such image: nonexistent-image:x\n'
    })
    await expect(new Docker(runner).imageInfo('nonexistent-image:x')).resolves.toBeUndefined()
  })
})

describe('Docker.serverVersion', () => {
  it('names an unreachable daemon in one sentence', async () => {
    const runner = runnerAnswering({
      exitCode: 1,
      stdout: '',
      stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n'
    })
    await expect(new Docker(runner).serverVersion()).rejects.toThrow(
      'The Docker daemon is not reachable (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?).'
    )
  })
})
