// Does the app fit the instance? Workers × the largest worker + the master against the `memory` limit, a
// warning above 80%, how many workers fit, and whether `preload_app = True` would help.
//
// RSS counts a page in every process that maps it. Without preload the workers share little with the master
// (the interpreter and Gunicorn), so master + N × largest is a slight overestimate. When the master holds
// most of a worker's memory (preload is on, or the app is tiny) the shared pages would be counted N + 1 times,
// so the projection starts from the container's cgroup total instead, which counts each page once.
import type { BootProfile, FitCheck, PreloadAdvice } from './figures.js'
import { megabytes } from './units.js'

export const FIT_WARN_SHARE = 0.8
/** The master holds at least this share of a worker's RSS: its pages dominate what the workers map. */
const SHARED_MASTER_SHARE = 0.8
/** Preload is worth suggesting when at least half of a worker's own memory is allocated at import… */
const IMPORT_SHARE = 0.5
/** …and that is at least this much (below it, sharing saves less than the noise between runs). */
const MIN_IMPORT_BYTES = 32e6

export function checkFit(profile: BootProfile, limitBytes: number, limitText: string): FitCheck | undefined {
  const master = profile.masterRssBytes
  const largest = profile.largestWorkerRssBytes
  const workers = profile.workerRssBytes.length
  if (master === undefined || largest === undefined || workers === 0 || limitBytes <= 0) return undefined
  const budget = FIT_WARN_SHARE * limitBytes
  const shared = master >= SHARED_MASTER_SHARE * largest && profile.containerMemoryBytes !== undefined
  // projected(n) = fixed + n × perWorker, so "how many fit" follows from the same two numbers.
  const perWorker = shared ? Math.max(largest - master, 1e6) : largest
  const projectedBytes = shared
    ? profile.containerMemoryBytes! + profile.workerRssBytes.reduce((sum, rss) => sum + (largest - rss), 0)
    : master + workers * largest
  const fixed = projectedBytes - workers * perWorker
  const share = projectedBytes / limitBytes
  return {
    limitBytes,
    limitText,
    workers,
    projectedBytes,
    basis: shared ? 'container' : 'rss',
    share,
    warn: share > FIT_WARN_SHARE,
    workersFit: fitting(budget - fixed, perWorker),
    preload: shared
      ? {
          helps: false,
          reason: "The master already holds most of a worker's memory (preload_app is on, or the app is small), so there is nothing more to share."
        }
      : preloadAdvice(profile, master, largest, budget, workers)
  }
}

/**
 * Without preload the master never imports the app, so a worker's RSS right after boot minus the master's is
 * what the app allocates at import; the largest worker now minus the one at boot is what requests and lazy
 * caches added since. With preload that import part is allocated once in the master and shared copy-on-write.
 * An upper bound: CPython's reference counting writes to the pages of ordinary objects a worker touches, so
 * only large buffers (arrays, model weights, bytes) stay shared for good.
 */
function preloadAdvice(profile: BootProfile, master: number, largest: number, budget: number, workers: number): PreloadAdvice {
  const atBoot = profile.workerRssAtBootBytes
  if (atBoot === undefined) return { helps: false, reason: 'No sample of a worker right after boot, so the import share is unknown.' }
  const importBytes = Math.max(0, Math.min(atBoot, largest) - master)
  const own = largest - master
  if (importBytes < MIN_IMPORT_BYTES) {
    return { helps: false, importBytes, reason: `The app allocates only ${megabytes(importBytes)} MB at import: sharing it would save little.` }
  }
  if (importBytes < IMPORT_SHARE * own) {
    return {
      helps: false,
      importBytes,
      reason: `Most of a worker's memory is allocated after boot (${megabytes(largest - atBoot)} MB of ${megabytes(own)} MB): preload_app would not share it.`
    }
  }
  const perWorker = Math.max(largest - importBytes, 1e6)
  const workersFitWithPreload = fitting(budget - master - importBytes, perWorker)
  return {
    helps: workersFitWithPreload > fitting(budget - master, largest) || workersFitWithPreload >= workers,
    importBytes,
    workersFitWithPreload,
    reason:
      `${megabytes(importBytes)} MB of each worker is allocated at import; loaded once in the master and shared ` +
      `copy-on-write, up to ${workersFitWithPreload} workers would fit.`
  }
}

function fitting(room: number, perWorker: number): number {
  return Math.max(0, Math.floor(room / perWorker))
}
