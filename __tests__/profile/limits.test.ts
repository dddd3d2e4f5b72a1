import { parseRegressionLimits, regressionsBeyond } from '../../src/profile/limits.js'
import { describeRegressions } from '../../src/profile/render.js'
import { capturedProfile } from './captured.js'

const parse = (text: string) => parseRegressionLimits(text, (message) => new Error(message))

describe('parseRegressionLimits', () => {
  it.each([
    ['', {}],
    ['worker-memory=25%', { 'worker-memory': 0.25 }],
    [
      ' worker-memory = 25% , boot-time=50%,image-size=5.5%,memory=10% ',
      { 'worker-memory': 0.25, 'boot-time': 0.5, 'image-size': 0.055, memory: 0.1 }
    ]
  ])('%j', (text, limits) => {
    expect(parse(text)).toEqual(limits)
  })

  it.each([
    [
      'worker-memory=25',
      "The input 'regression-limit' must be comma-separated limits such as 'worker-memory=25%,boot-time=50%', got 'worker-memory=25'."
    ],
    ['cpu=10%', "The input 'regression-limit' names 'cpu', which is not one of 'worker-memory', 'memory', 'image-size', 'boot-time'."],
    ['memory=10%,memory=20%', "The input 'regression-limit' gives 'memory' twice."],
    ['boot-time=-5%', "The input 'regression-limit' must be comma-separated limits such as 'worker-memory=25%,boot-time=50%', got 'boot-time=-5%'."]
  ])('rejects %j in one sentence', (text, message) => {
    expect(() => parse(text)).toThrow(message)
  })
})

describe('regressionsBeyond the captured base', () => {
  it('finds the head worker memory and boot time beyond their limits, and only those limited', async () => {
    const base = await capturedProfile('base', { firstWorkerMs: 700, healthyMs: 1000 })
    const head = await capturedProfile('head', { firstWorkerMs: 2300, healthyMs: 2600 })
    const found = regressionsBeyond(head, base, { 'worker-memory': 0.25, 'boot-time': 0.5, 'image-size': 0.1 })
    expect(found.map((regression) => regression.metric)).toEqual(['worker-memory', 'boot-time'])
    expect(found[1]).toEqual({ metric: 'boot-time', head: 2600, base: 1000, change: 1.6, limit: 0.5 })
    expect(describeRegressions(found)).toMatch(
      /^worker memory grew \+\d+% over the base, 36 MB → 193 MB \(limit \+25%\); boot grew \+160% over the base, 1\.0 s → 2\.6 s \(limit \+50%\)$/
    )
  })

  it('finds nothing within the limits', async () => {
    const base = await capturedProfile('base')
    expect(regressionsBeyond(base, base, { 'worker-memory': 0, memory: 0 })).toEqual([])
  })
})
