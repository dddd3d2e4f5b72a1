import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runArgs, runIdentity } from '../src/docker/args.js'
import { parseSettings } from '../src/inputs.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-args-'))
fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM python:3.12-slim\n')
const settingsOf = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', workspace)
const identity = runIdentity('t1')

describe('runArgs and faulthandler', () => {
  it('sets PYTHONFAULTHANDLER=1 by default, by value (it is no secret)', () => {
    const args = runArgs(settingsOf({}), identity, 'img')
    expect(args.slice(args.indexOf('PYTHONFAULTHANDLER=1') - 1, args.indexOf('PYTHONFAULTHANDLER=1') + 1)).toEqual(['--env', 'PYTHONFAULTHANDLER=1'])
  })

  it('leaves it out with faulthandler: false, and when the env input sets it', () => {
    expect(runArgs(settingsOf({ faulthandler: 'false' }), identity, 'img').join(' ')).not.toMatch(/PYTHONFAULTHANDLER/)
    const own = runArgs(settingsOf({ env: 'PYTHONFAULTHANDLER=0' }), identity, 'img')
    expect(own.filter((arg) => arg.startsWith('PYTHONFAULTHANDLER'))).toEqual(['PYTHONFAULTHANDLER'])
  })
})
