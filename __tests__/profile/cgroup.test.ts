import { memoryCgroupFiles, workingSetBytes } from '../../src/profile/cgroup.js'
import { parseStatsMemory } from '../../src/profile/units.js'
import { captured, type CaptureName } from './captured.js'

describe('the container memory cgroup (captured on a cgroup v1 host)', () => {
  it.each<CaptureName>(['base', 'head', 'head-preload'])('%s: usage minus inactive page cache matches `docker stats`', (name) => {
    const id = captured(name, 'container-id.txt').trim()
    const files = memoryCgroupFiles(captured(name, 'proc-cgroup.txt'), id)
    expect(files).toEqual({
      source: 'cgroup-v1',
      usage: `/sys/fs/cgroup/memory/docker/${id}/memory.usage_in_bytes`,
      stat: `/sys/fs/cgroup/memory/docker/${id}/memory.stat`,
      inactiveKey: 'total_inactive_file'
    })
    const bytes = workingSetBytes(captured(name, 'memory.usage_in_bytes.txt'), captured(name, 'memory.stat.txt'), files!.inactiveKey)!
    const stats = parseStatsMemory((JSON.parse(captured(name, 'stats.json')) as { MemUsage: string }).MemUsage)!
    // docker stats sampled a moment later and rounds to 0.1 MiB.
    expect(Math.abs(bytes - stats) / stats).toBeLessThan(0.02)
  })

  it('ignores a PID whose cgroup is not the container (another PID namespace)', () => {
    expect(memoryCgroupFiles(captured('head', 'proc-cgroup.txt'), captured('base', 'container-id.txt').trim())).toBeUndefined()
  })

  it.each([
    ['systemd driver', '0::/system.slice/docker-abc123.scope', '/sys/fs/cgroup/system.slice/docker-abc123.scope'],
    ['cgroupfs driver', '0::/docker/abc123', '/sys/fs/cgroup/docker/abc123']
  ])('reads cgroup v2 (%s) from memory.current', (_driver, line, dir) => {
    expect(memoryCgroupFiles(`${line}\n`, 'abc123')).toEqual({
      source: 'cgroup-v2',
      usage: `${dir}/memory.current`,
      stat: `${dir}/memory.stat`,
      inactiveKey: 'inactive_file'
    })
  })

  it('leaves out the inactive page cache and never goes below zero', () => {
    expect(workingSetBytes('1000\n', 'anon 500\ninactive_file 300\n', 'inactive_file')).toBe(700)
    expect(workingSetBytes('100', 'inactive_file 300', 'inactive_file')).toBe(0)
    expect(workingSetBytes('max', '', 'inactive_file')).toBeUndefined()
  })
})
