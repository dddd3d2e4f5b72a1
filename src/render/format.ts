// Small wording helpers shared by the comment and the job summary.
import type { CheckStatus, RunMetadata } from '../core/model.js'
import { encodeRepoPath, safeUrl } from './markdown-safe.js'

/** "18 ms", "2.3 s", "1 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms - minutes * 60_000) / 1000)
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
}

/** 212 → "212", 4512 → "4,512". */
export function formatCount(n: number): string {
  // Integers without Intl: its first use loads the locale data, about 30 ms of every report.
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
  return n.toLocaleString('en-US')
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

export const STATUS_ICONS: Record<CheckStatus, string> = {
  pass: '✅',
  fail: '❌',
  skipped: '➖',
  'not-reached': '⏭️'
}

/** What Gunicorn's master exit codes mean (gunicorn/arbiter.py) and the usual signal deaths. */
export function describeExitCode(code: number): string | undefined {
  switch (code) {
    case 1:
      return 'configuration, bind or worker-class error, or a failed preload'
    case 2:
      return 'invalid command-line arguments'
    case 3:
      return 'Worker failed to boot'
    case 4:
      return 'App failed to load'
    case 137:
      return 'killed with SIGKILL, often out of memory'
    case 139:
      return 'segmentation fault'
    default:
      return undefined
  }
}

/** Links derived from the run's metadata, each only when the metadata is well-formed. */
export interface RunLinks {
  runUrl?: string
  commitUrl?: string
  shortSha?: string
  fileUrl(file: string, line?: number): string | undefined
}

export function runLinks(metadata: RunMetadata): RunLinks {
  const server = metadata.serverUrl ? safeUrl(metadata.serverUrl.replace(/\/+$/, '')) : undefined
  const repository = metadata.repository && /^[\w.-]+\/[\w.-]+$/.test(metadata.repository) ? metadata.repository : undefined
  const sha = metadata.sha && /^[0-9a-f]{7,64}$/i.test(metadata.sha) ? metadata.sha : undefined
  const runId = metadata.runId && /^\d+$/.test(metadata.runId) ? metadata.runId : undefined
  const base = server && repository ? `${server}/${repository}` : undefined
  return {
    runUrl: base && runId ? `${base}/actions/runs/${runId}` : undefined,
    commitUrl: base && sha ? `${base}/commit/${sha}` : undefined,
    shortSha: sha?.slice(0, 7),
    fileUrl(file: string, line?: number): string | undefined {
      if (!base || !sha) return undefined
      const path = encodeRepoPath(file)
      if (!path) return undefined
      return `${base}/blob/${sha}/${path}${line && line > 0 ? `#L${line}` : ''}`
    }
  }
}
