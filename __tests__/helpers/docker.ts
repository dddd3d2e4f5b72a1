// Docker helpers for integration tests: what a run left behind, by the labels the action puts on everything.
import { execFileSync } from 'node:child_process'

export const BASES = (process.env.GSMOKE_BASES ?? 'bookworm trixie forky').split(/\s+/).filter(Boolean)
/** The Gunicorn version each base image installs (Debian's package). */
export const GUNICORN_VERSION: Record<string, string> = { bookworm: '20.1.0', trixie: '23.0.0', forky: '26.2.2' }
export const baseImage = (base: string): string => `gunicorn-smoke-base:${base}`

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim()
}

/** Containers, images, networks and volumes that carry the run's label (all should be gone after post). */
export function leftovers(runKey: string): { containers: string[]; images: string[]; volumes: string[]; networks: string[] } {
  const label = `label=io.github.gunicorn-smoke.run=${runKey}`
  const list = (args: string[]): string[] => docker(args).split('\n').filter(Boolean)
  return {
    containers: list(['ps', '--all', '--quiet', '--filter', label]),
    images: list(['images', '--quiet', '--filter', label]),
    volumes: list(['volume', 'ls', '--quiet', '--filter', label]),
    networks: list(['network', 'ls', '--quiet', '--filter', label])
  }
}

export function countAll(): { containers: number; volumes: number; networks: number } {
  const count = (args: string[]): number => docker(args).split('\n').filter(Boolean).length
  return { containers: count(['ps', '--all', '--quiet']), volumes: count(['volume', 'ls', '--quiet']), networks: count(['network', 'ls', '--quiet']) }
}

export interface EngineSnapshot {
  containers: Set<string>
  volumes: Set<string>
  networks: Set<string>
}

export function snapshot(): EngineSnapshot {
  const ids = (args: string[]): Set<string> => new Set(docker(args).split('\n').filter(Boolean))
  return {
    containers: ids(['ps', '--all', '--quiet', '--no-trunc']),
    volumes: ids(['volume', 'ls', '--quiet']),
    networks: ids(['network', 'ls', '--quiet', '--no-trunc'])
  }
}

/** What exists now that did not before: robust to other jobs removing their own things meanwhile. */
export function createdSince(before: EngineSnapshot): { containers: string[]; volumes: string[]; networks: string[] } {
  const now = snapshot()
  const fresh = (key: keyof EngineSnapshot): string[] => [...now[key]].filter((id) => !before[key].has(id))
  return { containers: fresh('containers'), volumes: fresh('volumes'), networks: fresh('networks') }
}
