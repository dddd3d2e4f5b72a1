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
    await expect(new Docker(runner).removeContainers(['abc', 'gunicorn-smoke-x-config', 'gunicorn-smoke-y'])).resolves.toBeUndefined()
    expect(runner.calls[0]).toEqual(['rm', '--force', '--volumes', 'abc', 'gunicorn-smoke-x-config', 'gunicorn-smoke-y'])
  })

  it('reports any other failure in one sentence', async () => {
    const runner = runnerAnswering({ exitCode: 1, stdout: '', stderr: 'Error response from daemon: permission denied\n' })
    await expect(new Docker(runner).removeContainers(['abc'])).rejects.toEqual(
      new DockerError('Could not remove container(s) abc: Error response from daemon: permission denied.')
    )
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
