// Discovery's compose step: the compose file's web service fills the settings no input gives, each recorded with
// the compose file as its source; the dependencies are started unless `compose-dependencies` is false.
import fs from 'node:fs'
import path from 'node:path'
import { InputError, parseEnum } from '../setup/input-values.js'
import type { InputReader } from '../setup/inputs.js'
import type { SettingSource } from '../core/model.js'
import { findComposeFile, readComposeStack, type ComposeStack } from './compose-file.js'

export interface ComposeSettings {
  stack: ComposeStack
  /** `compose-dependencies`: start the web service's dependencies with `docker compose up --wait`. */
  startDependencies: boolean
  /** Values from the compose environment that are secrets (named like one): redacted like `env` values. */
  secretValues: string[]
}

/** What discovery accumulates; the compose step adds to it. */
export interface DiscoveryParts {
  found: Record<string, string>
  sources: Record<string, SettingSource>
  notes: string[]
  envLines: string[]
}

const BUILD_SETTINGS = ['context', 'dockerfile', 'build-args', 'target']

export function discoverCompose(workspace: string, read: InputReader, parts: DiscoveryParts): ComposeSettings | undefined {
  const startDependencies = parseEnum('compose-dependencies', read('compose-dependencies').trim() || 'true', ['true', 'false'] as const) === 'true'
  // A Render blueprint is what production runs: with one, the compose file is not read.
  if (fs.existsSync(path.join(workspace, 'render.yaml'))) return undefined
  const file = findComposeFile(workspace, read('compose-file').trim(), read('context').trim())
  if (!file) return undefined
  const discovery = readComposeStack(file, read('service').trim(), read('port').trim())
  const fileName = path.basename(file) as SettingSource
  if (!discovery) {
    parts.notes.push(`${fileName}: no service runs Gunicorn or publishes the probed port; set the input 'service' to test one of them.`)
    return undefined
  }
  const { stack, found } = discovery
  // Compose reads the build context relative to the compose file; the `context` input is relative to the root.
  if (found.context !== undefined) found.context = path.relative(workspace, path.resolve(path.dirname(file), found.context)) || '.'
  const prebuilt = read('image').trim() !== ''
  for (const [name, value] of Object.entries(found)) {
    if (prebuilt && BUILD_SETTINGS.includes(name)) continue
    parts.found[name] = value
    parts.sources[name] = fileName
  }
  if (discovery.envLines.length > 0) {
    parts.envLines.push(...discovery.envLines)
    parts.sources.env = fileName
  }
  parts.notes.push(...discovery.notes)
  if (startDependencies && stack.dependencies.length > 0 && read('network').trim()) {
    throw new InputError(
      `The input 'network' cannot be combined with the dependencies of '${stack.service}' in ${fileName}, which run on the compose project's network: ` +
        `remove 'network' or set 'compose-dependencies' to false.`
    )
  }
  return { stack, startDependencies, secretValues: discovery.secretValues }
}
