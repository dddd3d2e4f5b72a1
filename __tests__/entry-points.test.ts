// The action's entry points are what GitHub's local-action and src/index.ts call: async run() functions that
// always set the exit code. Both are driven here on paths that never reach Docker.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { Docker, type CommandRunner } from '../src/docker/docker.js'
import { run as runMain } from '../src/main.js'
import { run as runPost } from '../src/post.js'

const saved = { ...process.env }
let stdout: string

beforeEach(() => {
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-entry-'))
  for (const file of ['GITHUB_OUTPUT', 'GITHUB_STATE']) {
    process.env[file] = path.join(temp, file)
    fs.writeFileSync(process.env[file], '')
  }
  fs.writeFileSync(path.join(temp, 'Dockerfile'), 'FROM python:3.12-slim\n')
  process.env.GITHUB_WORKSPACE = temp
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  process.exitCode = undefined
})

/** Docker that must not be reached, or that fails every command. */
const refusingDocker = (): Docker =>
  new Docker({
    run: async () => {
      throw new Error('the daemon is gone')
    }
  } as unknown as CommandRunner)

describe('run() of the entry points', () => {
  it.each([
    ['src/main.ts', runMain],
    ['src/post.ts', runPost]
  ])('%s exports an async run()', (_file, run) => {
    expect(run.constructor.name).toBe('AsyncFunction')
  })

  it('main fails an invalid input with one sentence naming it, before Docker', async () => {
    process.env.INPUT_TIMEOUT = 'soon'
    await expect(runMain(refusingDocker())).resolves.toBeUndefined()
    expect(process.exitCode).toBe(1)
    const error = stdout.split('\n').find((line) => line.startsWith('::error::'))
    expect(error).toMatch(/^::error::.*'timeout'.*[.]$/)
    expect(stdout).not.toMatch(/\n\s+at /)
    expect(fs.readFileSync(process.env.GITHUB_OUTPUT!, 'utf8')).toMatch(/^result<<.*\nfail\n/m)
  })

  it('post warns on a failed cleanup and still passes: the verdict is the main step’s', async () => {
    process.env.STATE_runKey = 'entry-test'
    await expect(runPost(refusingDocker())).resolves.toBeUndefined()
    expect(process.exitCode).toBe(0)
    expect(stdout).toContain('::warning::Cleanup after the smoke test did not finish: the daemon is gone')
  })
})
