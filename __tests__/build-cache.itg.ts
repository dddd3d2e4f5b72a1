// `cache-from` / `cache-to` on the real engine through the buildx plugin of scripts/test-env.sh: the specs reach
// `docker buildx build --load` (an inline cache lands in the image, the next build imports it and reuses the
// layer), and without Buildx the run stops with one sentence before building.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildArgs, runIdentity } from '../src/docker/args.js'
import { Docker, dockerCommandRunner, type CommandRunner } from '../src/docker/docker.js'
import { parseSettings } from '../src/setup/inputs.js'
import { runSmoke } from '../src/smoke/index.js'
import { assertBuildxInstalled, BUILDX_CONFIG } from './helpers/builders.js'
import { silentUi } from './helpers/silent-ui.js'

function runnerWith(env: Record<string, string>): CommandRunner {
  return {
    run: (args, extra) => dockerCommandRunner.run(args, { ...env, ...extra }),
    stream: (args, options) => dockerCommandRunner.stream(args, { ...options, env: { ...env, ...options.env } })
  }
}

let workspace: string
const images: string[] = []

beforeAll(() => {
  assertBuildxInstalled()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-cache-'))
  // A layer no other build has: the second build can only reuse it from the first one.
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), `FROM gunicorn-smoke-base:bookworm\nRUN echo ${process.pid}-${Date.now()} > /stamp\n`)
})

afterAll(() => {
  for (const image of images) execFileSync('docker', ['image', 'rm', '--force', image], { stdio: 'ignore' })
  fs.rmSync(workspace, { recursive: true, force: true })
})

async function build(inputs: Record<string, string>, key: string): Promise<{ exitCode: number; output: string[]; image: string }> {
  const settings = parseSettings((name) => inputs[name] ?? '', workspace)
  const identity = runIdentity(`build-cache-${process.pid}-${key}`)
  const output: string[] = []
  const docker = new Docker(runnerWith({ DOCKER_CONFIG: BUILDX_CONFIG }))
  const exitCode = await docker.build(buildArgs(settings, identity), { onStdout: (l) => output.push(l), onStderr: (l) => output.push(l) })
  images.push(identity.imageTag)
  return { exitCode, output, image: identity.imageTag }
}

describe('cache-from and cache-to through docker buildx build --load', () => {
  it('writes an inline cache into the image and the next build imports it and reuses the layer', async () => {
    const first = await build({ 'cache-to': 'type=inline' }, 'first')
    expect(first.exitCode).toBe(0)
    // The inline cache is in the image's config, which `docker save` shows.
    const saved = execFileSync('sh', ['-c', `docker save ${first.image} | tar -xO --wildcards '*.json'`], { encoding: 'utf8', maxBuffer: 64 << 20 })
    expect(saved).toContain('moby.buildkit.cache.v0')

    const second = await build({ 'cache-from': first.image }, 'second')
    expect(second.exitCode).toBe(0)
    expect(second.output.join('\n')).toContain(`importing cache manifest from ${first.image}`)
    expect(second.output.find((line) => /^#\d+ \[2\/2\] RUN echo/.test(line))).toBeDefined()
    expect(second.output.some((line) => /^#\d+ CACHED$/.test(line))).toBe(true)
  }, 120_000)

  it('stops with one sentence naming the inputs when Buildx is missing', async () => {
    const emptyConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-no-buildx-'))
    const settings = parseSettings((name) => ({ 'cache-to': 'type=inline' })[name] ?? '', workspace)
    const docker = new Docker(runnerWith({ DOCKER_CONFIG: emptyConfig }))
    await expect(
      runSmoke(settings, { docker, ui: silentUi, identity: runIdentity(`build-cache-${process.pid}-none`), metadata: {} })
    ).rejects.toThrow(
      "The inputs 'cache-from' and 'cache-to' need Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step."
    )
    fs.rmSync(emptyConfig, { recursive: true, force: true })
  }, 60_000)
})
