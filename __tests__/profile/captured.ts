// The boot profile's captured evidence (__fixtures__/profile/captured): `docker top`, /proc/PID/cgroup, the
// memory cgroup's files and `docker stats`, taken from the two-commit fixture booted on the bookworm image
// (base: small Flask app; head: +150 MiB at import; head-preload: the head with --preload under --memory 400m).
import fs from 'node:fs'
import path from 'node:path'
import { Docker, type CommandRunner } from '../../src/docker/docker.js'
import { measureProfile } from '../../src/profile/measure.js'
import type { BootProfile } from '../../src/profile/figures.js'
import { gunicornTree, parseProcessTable } from '../../src/profile/process-tree.js'
import { ROOT } from '../helpers/run-action.js'

export const CAPTURED = path.join(ROOT, '__fixtures__', 'profile', 'captured')
export type CaptureName = 'base' | 'head' | 'head-preload'
export const captured = (name: CaptureName, file: string): string => fs.readFileSync(path.join(CAPTURED, `${name}.${file}`), 'utf8')

/** Answers the profile's Docker calls from a capture, recording the arguments. */
export function replayRunner(name: CaptureName): CommandRunner & { calls: string[][] } {
  const calls: string[][] = []
  const stats = JSON.parse(captured(name, 'stats.json')) as { MemUsage: string }
  const answers: Record<string, string> = { top: captured(name, 'top.txt'), image: captured(name, 'image-size.txt'), stats: stats.MemUsage }
  return {
    calls,
    run: async (args) => {
      calls.push(args)
      return { exitCode: 0, stdout: answers[args[0]] ?? '', stderr: '' }
    },
    stream: async () => 0
  }
}

/** The capture's cgroup files, served at the paths measureProfile reads (the master's /proc and the cgroup). */
export function replayFiles(name: CaptureName): (file: string) => Promise<string> {
  return async (file) => {
    if (/^\/proc\/\d+\/cgroup$/.test(file)) return captured(name, 'proc-cgroup.txt')
    const base = path.basename(file)
    if (base === 'memory.usage_in_bytes' || base === 'memory.stat') return captured(name, `${base}.txt`)
    throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' })
  }
}

/** The profile measureProfile makes from a capture, with the at-boot sample taken from its boot.top.txt. */
export async function capturedProfile(name: CaptureName, timings = { firstWorkerMs: 900, healthyMs: 1200 }): Promise<BootProfile> {
  const atBoot = gunicornTree(parseProcessTable(captured(name, 'boot.top.txt'))).workers.map((worker) => worker.rssBytes)
  return measureProfile(
    new Docker(replayRunner(name)),
    { containerId: captured(name, 'container-id.txt').trim(), image: 'gsmoke-profile-head' },
    timings,
    Math.max(...atBoot),
    replayFiles(name)
  )
}
