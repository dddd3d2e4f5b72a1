// Measures a running, healthy container from the host: the Gunicorn master's and each worker's resident memory
// (`docker top`), the container's total (its memory cgroup, else `docker stats`) and the image size. The Docker
// calls run at once, so the profile costs about one `docker top`.
import fs from 'node:fs/promises'
import type { Docker } from '../docker/docker.js'
import { memoryCgroupFiles, workingSetBytes } from './cgroup.js'
import type { BootProfile, MemorySource } from './figures.js'
import { gunicornTree, parseProcessTable } from './process-tree.js'
import { parseStatsMemory } from './units.js'

export interface ProfileTarget {
  /** The full container id (what `docker run --detach` printed): the cgroup path is checked against it. */
  containerId: string
  image: string
  /** The size the image's first inspection gave, if any: then it is not asked again. */
  imageSizeBytes?: number
}

export interface ProfileTimings {
  firstWorkerMs?: number
  healthyMs?: number
}

export type ReadText = (file: string) => Promise<string>
const readText: ReadText = (file) => fs.readFile(file, 'utf8')

/** The largest worker's RSS now: taken at the first healthy answer, while the stability window runs. */
export async function sampleLargestWorker(docker: Docker, containerId: string): Promise<number | undefined> {
  const { workers } = gunicornTree(parseProcessTable(await docker.processTable(containerId)))
  return largest(workers.map((worker) => worker.rssBytes))
}

export async function measureProfile(
  docker: Docker,
  target: ProfileTarget,
  timings: ProfileTimings,
  workerRssAtBootBytes?: number,
  read: ReadText = readText,
  now: () => number = Date.now
): Promise<BootProfile> {
  const started = now()
  const [table, imageSizeBytes] = await Promise.all([
    docker.processTable(target.containerId).catch(() => ''),
    target.imageSizeBytes ?? docker.imageSize(target.image).catch(() => undefined)
  ])
  const { master, workers } = gunicornTree(parseProcessTable(table))
  const workerRssBytes = workers.map((worker) => worker.rssBytes)
  const total = await containerMemory(docker, target.containerId, master?.pid, read)
  return {
    masterRssBytes: master?.rssBytes,
    workerRssBytes,
    largestWorkerRssBytes: largest(workerRssBytes),
    workerRssAtBootBytes,
    containerMemoryBytes: total?.bytes,
    containerMemorySource: total?.source,
    imageSizeBytes,
    firstWorkerMs: timings.firstWorkerMs,
    healthyMs: timings.healthyMs,
    measuredInMs: now() - started
  }
}

/** The cgroup files when this process sees the daemon's /proc and /sys, else one `docker stats` sample. */
async function containerMemory(
  docker: Docker,
  containerId: string,
  hostPid: number | undefined,
  read: ReadText
): Promise<{ bytes: number; source: MemorySource } | undefined> {
  if (hostPid !== undefined) {
    try {
      const files = memoryCgroupFiles(await read(`/proc/${hostPid}/cgroup`), containerId)
      if (files) {
        const bytes = workingSetBytes(await read(files.usage), await read(files.stat), files.inactiveKey)
        if (bytes !== undefined) return { bytes, source: files.source }
      }
    } catch {
      // Another PID namespace or no access to the cgroup filesystem: ask Docker instead.
    }
  }
  const usage = await docker.memoryUsage(containerId).catch(() => undefined)
  const bytes = usage ? parseStatsMemory(usage) : undefined
  return bytes !== undefined ? { bytes, source: 'docker-stats' } : undefined
}

function largest(values: number[]): number | undefined {
  return values.length > 0 ? Math.max(...values) : undefined
}
