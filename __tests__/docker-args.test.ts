import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runArgs, runIdentity, stackRequestArgs } from '../src/docker/args.js'
import { hostPidOf } from '../src/smoke/stack-request.js'
import { parseSettings } from '../src/setup/inputs.js'

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

describe('stackRequestArgs', () => {
  it('tries the shell builtin kill first, then Python, both inside the container', () => {
    expect(stackRequestArgs('c1', 7)).toEqual([
      { via: 'docker exec sh -c kill', args: ['exec', 'c1', 'sh', '-c', 'kill -SEGV 7'] },
      { via: 'docker exec python3 os.kill', args: ['exec', 'c1', 'python3', '-c', 'import os, signal; os.kill(7, signal.SIGSEGV)'] }
    ])
  })

  it('refuses anything but a process id (the pid ends up in a shell command)', () => {
    expect(() => stackRequestArgs('c1', Number('7; rm -rf /'))).toThrow(/needs a process id/)
    expect(() => stackRequestArgs('c1', 0)).toThrow(/needs a process id/)
  })
})

describe('hostPidOf', () => {
  const statuses: Record<number, string> = {
    4101: 'Name:\tgunicorn\nNSpid:\t4101\t1\n',
    4120: 'Name:\tgunicorn\nNSpid:\t4120\t7\n'
  }
  const read = (pid: number) => {
    if (!(pid in statuses)) throw new Error('ENOENT')
    return statuses[pid]
  }

  it('maps the container PID to the host PID through NSpid', () => {
    expect(hostPidOf('PID\n4101\n4120\n', 7, read)).toBe(4120)
    expect(hostPidOf('PID\n4101\n4120\n', 1, read)).toBe(4101)
  })

  it('answers nothing for a PID that is not there or a process that is gone', () => {
    expect(hostPidOf('PID\n4101\n4999\n', 7, read)).toBeUndefined()
  })
})
