import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { InputError, parseSettings } from '../../src/setup/inputs.js'

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-profile-inputs-'))
fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM python:3.12-slim\n')
const parse = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', workspace)

describe('the compare and regression-limit inputs', () => {
  it('default to no comparison and no limits', () => {
    expect(parse({})).toMatchObject({ compare: 'none', regressionLimits: {} })
  })

  it('read a comparison with limits', () => {
    expect(parse({ compare: 'Base', 'regression-limit': 'worker-memory=25%,boot-time=50%' })).toMatchObject({
      compare: 'base',
      regressionLimits: { 'worker-memory': 0.25, 'boot-time': 0.5 }
    })
  })

  it.each([
    [{ compare: 'main' }, "The input 'compare' must be one of 'none', 'base', got 'main'."],
    [
      { compare: 'base', image: 'app:latest' },
      "The input 'compare' cannot be 'base' together with 'image': the base commit has to be built from its Dockerfile."
    ],
    [{ 'regression-limit': 'worker-memory=25%' }, "The input 'regression-limit' needs 'compare: base' (it limits the growth over the base commit)."],
    [
      { compare: 'base', 'regression-limit': 'memory=lots' },
      "The input 'regression-limit' must be comma-separated limits such as 'worker-memory=25%,boot-time=50%', got 'memory=lots'."
    ]
  ])('%j is one sentence naming the input', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(new InputError(message))
  })
})
