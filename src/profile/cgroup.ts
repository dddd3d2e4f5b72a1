// The container's total memory read from its memory cgroup on the host: no Docker call, so it costs next to
// nothing. The cgroup is found through the master's /proc/PID/cgroup (cgroupfs and systemd drivers alike), and
// used only when that path names the container: from another PID namespace the PID means another process.
import type { MemorySource } from './figures.js'

export interface CgroupFiles {
  source: Extract<MemorySource, 'cgroup-v1' | 'cgroup-v2'>
  usage: string
  stat: string
  /** The memory.stat key of the inactive page cache Docker leaves out of its figure. */
  inactiveKey: string
}

/**
 * From /proc/PID/cgroup: the v1 memory controller's line (`4:memory:/docker/<id>`), else the v2 unified line
 * (`0::/system.slice/docker-<id>.scope`). A hybrid host lists both; the v1 memory controller is the one in use.
 */
export function memoryCgroupFiles(procCgroup: string, containerId: string, root = '/sys/fs/cgroup'): CgroupFiles | undefined {
  const entries = procCgroup
    .split('\n')
    .map((line) => /^(\d+):([^:]*):(.+)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
  const v1 = entries.find((entry) => entry[2].split(',').includes('memory'))
  const v2 = entries.find((entry) => entry[1] === '0' && entry[2] === '')
  const chosen = v1 ?? v2
  if (!chosen || !containerId || !chosen[3].includes(containerId)) return undefined
  const cgroupPath = chosen[3].replace(/\/$/, '')
  return v1
    ? {
        source: 'cgroup-v1',
        usage: `${root}/memory${cgroupPath}/memory.usage_in_bytes`,
        stat: `${root}/memory${cgroupPath}/memory.stat`,
        inactiveKey: 'total_inactive_file'
      }
    : { source: 'cgroup-v2', usage: `${root}${cgroupPath}/memory.current`, stat: `${root}${cgroupPath}/memory.stat`, inactiveKey: 'inactive_file' }
}

/** Usage minus the inactive page cache, the figure `docker stats` shows (its "working set"). */
export function workingSetBytes(usageText: string, statText: string, inactiveKey: string): number | undefined {
  const usage = Number(usageText.trim())
  if (!/^\d+$/.test(usageText.trim())) return undefined
  const line = statText.split('\n').find((entry) => entry.startsWith(`${inactiveKey} `))
  const inactive = line ? Number(line.slice(inactiveKey.length + 1)) : 0
  return Math.max(0, usage - (Number.isFinite(inactive) ? inactive : 0))
}
