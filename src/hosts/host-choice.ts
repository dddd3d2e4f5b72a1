// Which host the run boots like: the `host` input, else the one whose file the repository has. Several files
// are several candidates: the first in HOST_PRIORITY is used, and one sentence says how to pick another.
import fs from 'node:fs'
import path from 'node:path'
import { InputError } from '../setup/input-values.js'
import { HOST_CONTRACTS, HOST_IDS, type HostId } from './contracts.js'
import { readFlyToml } from './fly-toml.js'
import { HEROKU_FILES, readHerokuFiles } from './heroku-files.js'
import type { HostReading } from './host-reading.js'
import { findManifests, readManifest } from './manifests.js'
import { RAILWAY_FILES, readRailwayConfig } from './railway-config.js'

export type HostInput = HostId | 'auto' | 'none'
export const HOST_INPUT_VALUES: readonly HostInput[] = ['auto', ...HOST_IDS, 'none']

export interface HostChoice {
  host: HostId
  /** The file that made the choice (auto), or the host file read for an explicit host; undefined: contract only. */
  reading?: HostReading
  note: string
}

interface Candidate {
  host: HostId
  file: string
}

/** The host files of the repository, in the order a choice prefers them. */
function candidates(workspace: string, hasRenderBlueprint: boolean): Candidate[] {
  const exists = (file: string): boolean => fs.existsSync(path.join(workspace, file))
  const found: Candidate[] = []
  if (hasRenderBlueprint) found.push({ host: 'render', file: 'render.yaml' })
  if (exists('fly.toml')) found.push({ host: 'fly', file: 'fly.toml' })
  const railway = RAILWAY_FILES.find(exists)
  if (railway) found.push({ host: 'railway', file: railway })
  const heroku = HEROKU_FILES.find(exists)
  if (heroku) found.push({ host: 'heroku', file: heroku })
  const manifests = findManifests(workspace)
  for (const file of manifests.cloudRun) found.push({ host: 'cloud-run', file })
  for (const file of manifests.kubernetes) found.push({ host: 'kubernetes', file })
  return found
}

function readCandidate(workspace: string, candidate: Candidate): HostReading | undefined {
  switch (candidate.host) {
    case 'render':
      return undefined // render.yaml is read by discovery's blueprint reader.
    case 'fly':
      return readFlyToml(workspace)
    case 'railway':
      return readRailwayConfig(workspace)
    case 'heroku':
      return readHerokuFiles(workspace)
    case 'cloud-run':
    case 'kubernetes':
      return readManifest(workspace, candidate.file, candidate.host)
  }
}

/** The host of the run; undefined with `none`, or with `auto` when the repository has no host file. */
export function chooseHost(workspace: string, input: HostInput, hasRenderBlueprint: boolean): HostChoice | undefined {
  if (input === 'none') return undefined
  const all = candidates(workspace, hasRenderBlueprint)
  if (input !== 'auto') {
    const own = all.find((c) => c.host === input)
    const name = HOST_CONTRACTS[input].name
    if (!own) {
      const note = `Host: ${name} (the input 'host'; no ${name} file in the repository, so its documented defaults apply).`
      return { host: input, note }
    }
    return { host: input, reading: readCandidate(workspace, own), note: `Host: ${name} (the input 'host'), settings from ${own.file}.` }
  }
  if (all.length === 0) return undefined
  const [chosen, ...others] = all
  const name = HOST_CONTRACTS[chosen.host].name
  const elsewhere = others.filter((c) => c.host !== chosen.host || c.file !== chosen.file)
  const listed = elsewhere
    .slice(0, 4)
    .map((c) => `${c.file} (${c.host})`)
    .join(', ')
  const also = listed ? ` The repository also has ${listed}: set the input 'host' to boot like another host, or 'none' to boot without one.` : ''
  return { host: chosen.host, reading: readCandidate(workspace, chosen), note: `Host: ${name}, from ${chosen.file}.${also}` }
}

export function parseHostInput(text: string): HostInput {
  const value = (text.trim() || 'auto').toLowerCase() as HostInput
  if (!HOST_INPUT_VALUES.includes(value)) {
    throw new InputError(
      `The input 'host' must be one of ${HOST_INPUT_VALUES.map((v) => `'${v}'`).join(', ')}, got '${text.trim().replace(/\r?\n/g, '\\n')}'.`
    )
  }
  return value
}
