import { Docker } from '../../src/docker/docker.js'
import { measureProfile } from '../../src/profile/measure.js'
import { parseStatsMemory } from '../../src/profile/units.js'
import { captured, replayFiles, replayRunner } from './captured.js'

const target = { containerId: captured('head', 'container-id.txt').trim(), image: 'gunicorn-smoke-local:run-1' }
const noFiles = async (file: string): Promise<string> => {
  throw Object.assign(new Error(`EACCES: ${file}`), { code: 'EACCES' })
}

describe('measureProfile', () => {
  it('reads the workers from `docker top`, the total from the cgroup and the image size, without `docker stats`', async () => {
    const runner = replayRunner('head')
    const profile = await measureProfile(new Docker(runner), target, { firstWorkerMs: 1800, healthyMs: 2100 }, 190e6, replayFiles('head'))
    expect(runner.calls).toEqual([
      ['top', target.containerId, '-eo', 'pid,ppid,rss,args'],
      ['image', 'inspect', '--format', '{{.Size}}', target.image]
    ])
    expect(profile).toMatchObject({
      masterRssBytes: 29368 * 1024,
      workerRssBytes: [188656 * 1024, 188800 * 1024],
      largestWorkerRssBytes: 188800 * 1024,
      workerRssAtBootBytes: 190e6,
      containerMemoryBytes: Number(captured('head', 'memory.usage_in_bytes.txt')) - 8192,
      containerMemorySource: 'cgroup-v1',
      imageSizeBytes: Number(captured('head', 'image-size.txt')),
      firstWorkerMs: 1800,
      healthyMs: 2100
    })
  })

  it('falls back to `docker stats` when the cgroup is out of reach (a job container, a remote engine)', async () => {
    const runner = replayRunner('head')
    const profile = await measureProfile(new Docker(runner), target, {}, undefined, noFiles)
    expect(runner.calls.map((call) => call[0])).toEqual(['top', 'image', 'stats'])
    expect(profile.containerMemorySource).toBe('docker-stats')
    expect(profile.containerMemoryBytes).toBe(parseStatsMemory('351.7MiB'))
  })

  it('falls back to `docker stats` when the PID belongs to another container (another PID namespace)', async () => {
    const runner = replayRunner('head')
    const otherContainer = { ...target, containerId: captured('base', 'container-id.txt').trim() }
    const profile = await measureProfile(new Docker(runner), otherContainer, {}, undefined, replayFiles('head'))
    expect(profile.containerMemorySource).toBe('docker-stats')
  })
})
