import { comparisonLine, profileLine, profileOutputs, profileTable } from '../../src/profile/render.js'
import { capturedProfile } from './captured.js'

describe('rendering the captured profiles', () => {
  it('writes the compact line with the base and the change', async () => {
    const base = await capturedProfile('base', { firstWorkerMs: 700, healthyMs: 1400 })
    const head = await capturedProfile('head', { firstWorkerMs: 1800, healthyMs: 2100 })
    expect(profileLine(head, base)).toBe(
      'worker memory 193 MB (base 36 MB, +432%), memory 369 MB (base 54 MB, +588%), boot 2.1 s (base 1.4 s, +50%), image 242 MB (base 242 MB, +0%)'
    )
    expect(profileLine(head)).toBe('worker memory 193 MB, memory 369 MB, boot 2.1 s, image 242 MB')
  })

  it('adds the one-line note when there is no base to compare with', async () => {
    const head = await capturedProfile('head', { firstWorkerMs: 1800, healthyMs: 2100 })
    expect(comparisonLine(head, { regressions: [], note: 'The base commit 1deaafe has no `Dockerfile` to build: this commit’s figures only.' })).toBe(
      'worker memory 193 MB, memory 369 MB, boot 2.1 s, image 242 MB. The base commit 1deaafe has no `Dockerfile` to build: this commit’s figures only.'
    )
  })

  it('makes a small table for the job summary', async () => {
    const base = await capturedProfile('base', { firstWorkerMs: 700, healthyMs: 1400 })
    const head = await capturedProfile('head', { firstWorkerMs: 1800, healthyMs: 2100 })
    expect(profileTable(head, base).split('\n')).toEqual([
      '| Figure | This commit | Base | Change |',
      '|---|---:|---:|---:|',
      '| Largest worker (RSS) of 2 | 193 MB | 36 MB | +432% |',
      '| Master (RSS) | 30 MB | 30 MB | +0% |',
      '| Container memory | 369 MB | 54 MB | +588% |',
      '| First worker booted | 1.8 s | 0.7 s | +157% |',
      '| Healthy | 2.1 s | 1.4 s | +50% |',
      '| Image size | 242 MB | 242 MB | +0% |'
    ])
  })

  it('sets the outputs in MB, empty when not measured', async () => {
    expect(profileOutputs(await capturedProfile('head'))).toEqual({ 'worker-memory-mb': '193', 'memory-mb': '369', 'image-size-mb': '242' })
    expect(profileOutputs(undefined)).toEqual({ 'worker-memory-mb': '', 'memory-mb': '', 'image-size-mb': '' })
  })
})
