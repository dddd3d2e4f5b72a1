import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildArgs, runIdentity, usesBuildx } from '../src/docker/args.js'
import { parseSettings } from '../src/setup/inputs.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-build-args-'))
fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM python:3.12-slim\n')
const identity = runIdentity('args')
const settingsOf = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', workspace)

describe('buildArgs', () => {
  it('builds with `docker build --force-rm` when no cache is asked for', () => {
    const args = buildArgs(settingsOf({ 'build-args': 'A=1', target: 'web' }), identity)
    expect(args.slice(0, 2)).toEqual(['build', '--force-rm'])
    expect(args).toEqual(expect.arrayContaining(['--build-arg', 'A=1', '--target', 'web']))
    expect(args).not.toContain('--load')
    expect(args[args.length - 1]).toBe(workspace)
  })

  it('passes every cache spec line to `docker buildx build --load`', () => {
    const settings = settingsOf({
      'cache-from': 'type=gha,scope=api\ntype=registry,ref=ghcr.io/acme/api:cache\n',
      'cache-to': 'type=gha,mode=max,scope=api'
    })
    expect(usesBuildx(settings)).toBe(true)
    const args = buildArgs(settings, identity)
    expect(args.slice(0, 3)).toEqual(['buildx', 'build', '--load'])
    const pairs = args.flatMap((arg, i) => (arg === '--cache-from' || arg === '--cache-to' ? [`${arg} ${args[i + 1]}`] : []))
    expect(pairs).toEqual([
      '--cache-from type=gha,scope=api',
      '--cache-from type=registry,ref=ghcr.io/acme/api:cache',
      '--cache-to type=gha,mode=max,scope=api'
    ])
    expect(args[args.length - 1]).toBe(workspace)
  })
})
