// Byte sizes as Docker writes them: `memory` limits (`512m`, binary units) and `docker stats` figures.

const LIMIT = /^(\d+(?:\.\d+)?)([bkmg]?)$/i
const BINARY: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }

/** `512m` → 536870912, as `docker run --memory` reads it (no unit means bytes). */
export function parseMemoryLimit(text: string): number | undefined {
  const match = LIMIT.exec(text.trim())
  return match ? Math.round(Number(match[1]) * BINARY[match[2].toLowerCase()]) : undefined
}

const STATS_VALUE = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B)\b/i
const STATS_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
}

/** The usage half of `docker stats`' MemUsage, e.g. `186.3MiB / 400MiB` → 195349299. */
export function parseStatsMemory(memUsage: string): number | undefined {
  const match = STATS_VALUE.exec(memUsage)
  return match ? Math.round(Number(match[1]) * STATS_UNITS[match[2].toLowerCase()]) : undefined
}

/** Decimal megabytes, rounded: the unit of the outputs and the comment. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 1e6)
}
