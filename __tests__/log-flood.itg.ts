// A worker that prints ~40 MB before its ModuleNotFoundError: the whole log is read before the verdict, so the
// missing module is named (two workers, 80 MB of log in all), on every base, through the real pipeline.
import crypto from 'node:crypto'
import path from 'node:path'
import { Docker } from '../src/docker/docker.js'
import type { RunReport } from '../src/core/model.js'
import { prepare, removeBuiltImage } from '../src/setup/prepare.js'
import { runSmoke } from '../src/smoke/index.js'
import { BASES, leftovers } from './helpers/docker.js'
import { silentUi } from './helpers/silent-ui.js'

const FIXTURE = path.join(process.cwd(), '__fixtures__/apps/fail-log-flood')
/** Lines of SQL echo each worker prints (40 MiB of ~200-character lines, as shop/warmup.py writes them). */
const NOISE_LINES_PER_WORKER = 200_000

async function smoke(suite: string): Promise<{ report: RunReport; runKey: string }> {
  const given: Record<string, string> = { timeout: '60', 'stability-window': '0', 'build-args': `BASE_IMAGE=gunicorn-smoke-base:${suite}` }
  const runKey = `test-flood-${crypto.randomBytes(4).toString('hex')}`
  const preparation = prepare({ workspace: FIXTURE, readInput: (name) => given[name] ?? '', runKey, log: () => undefined })
  const docker = new Docker()
  try {
    return { report: await runSmoke(preparation.settings, { docker, ui: silentUi, identity: preparation.identity, metadata: {} }), runKey }
  } finally {
    await removeBuiltImage(docker, preparation).catch(() => undefined)
    preparation.release()
  }
}

describe(`a ModuleNotFoundError after 40 MB of log from each of two workers, on ${BASES.join(', ')}`, () => {
  it.each(BASES)(
    '%s: names the missing module',
    async (suite) => {
      const { report, runKey } = await smoke(suite)
      expect(leftovers(runKey)).toEqual({ containers: [], images: [], volumes: [], networks: [] })
      expect(`${report.result} ${report.reason} — ${report.summary}`).toBe(`fail missing-dependency — ${report.summary}`)
      expect(report.summary).toMatch(/`stripe`/)
      // Read to its end: both workers' noise and what came after it.
      expect(report.logTotalLines).toBeGreaterThan(2 * NOISE_LINES_PER_WORKER)
      // The report keeps the head and the tail of the log, not 80 MB of it.
      expect(report.log.length).toBeLessThan(5000)
    },
    180_000
  )
})
