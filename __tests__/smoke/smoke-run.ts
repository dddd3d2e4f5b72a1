// Drives one whole smoke run against the fake engine: the settings come from action inputs as the action reads
// them, the log from __fixtures__/logs, and the report is what the action would render and deliver.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runIdentity } from '../../src/docker/args.js'
import { Docker } from '../../src/docker/docker.js'
import { parseSettings } from '../../src/setup/inputs.js'
import type { RunReport } from '../../src/core/model.js'
import { runSmoke } from '../../src/smoke/index.js'
import { silentUi } from '../helpers/silent-ui.js'
import { FakeEngine, type FakeApp } from '../helpers/fake-engine.js'

export const IDENTITY = runIdentity('structure-characterization')

export function capturedLog(suite: 'bookworm' | 'trixie' | 'forky', scenario: string): string {
  return readFileSync(path.resolve(process.cwd(), '__fixtures__/logs', suite, `${scenario}.log`), 'utf8')
}

/** A repository in a temporary directory: file name → content. */
export function repository(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gsmoke-structure-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text)
  return root
}

export interface SmokeRun {
  report: RunReport
  engine: FakeEngine
}

export interface SmokeOptions {
  workspace?: string
  signal?: AbortSignal
  /** The engine to run against, to look at its calls even when the run rejects. */
  engine?: FakeEngine
}

export async function smokeRun(app: FakeApp, inputs: Record<string, string>, options: SmokeOptions = {}): Promise<SmokeRun> {
  const workspace = options.workspace ?? repository()
  // The fake engine replays a log and has no stop signal to answer: the shutdown check is the integration tests' (shutdown.itg.ts).
  const withDefaults: Record<string, string> = { 'shutdown-check': 'false', ...inputs }
  const settings = parseSettings((name) => withDefaults[name] ?? '', workspace)
  const engine = options.engine ?? new FakeEngine(app)
  await engine.reservePort()
  const report = await runSmoke(settings, { docker: new Docker(engine), ui: silentUi, identity: IDENTITY, metadata: {}, signal: options.signal })
  return { report, engine }
}
