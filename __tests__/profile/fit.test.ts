import { checkFit } from '../../src/profile/fit.js'
import { fitAnnotation, fitWarning } from '../../src/profile/render.js'
import { parseMemoryLimit } from '../../src/profile/units.js'
import { capturedProfile } from './captured.js'

const limit = (text: string): [number, string] => [parseMemoryLimit(text)!, text]

describe('checkFit on captured profiles', () => {
  it('warns for the head (150 MiB at import, 2 workers) under 400m and says preload would help', async () => {
    const profile = await capturedProfile('head')
    const fit = checkFit(profile, ...limit('400m'))!
    expect(fit.basis).toBe('rss')
    expect(fit.projectedBytes).toBe(profile.masterRssBytes! + 2 * profile.largestWorkerRssBytes!)
    expect(fit.warn).toBe(true)
    expect(fit.workersFit).toBe(1)
    expect(fit.preload.helps).toBe(true)
    // A worker at boot minus the master: the 150 MiB buffer plus Flask's own import.
    expect(fit.preload.importBytes! / 2 ** 20).toBeGreaterThan(150)
    expect(fit.preload.workersFitWithPreload).toBeGreaterThanOrEqual(2)
    const warning = fitWarning(fit)!
    expect(warning).toMatch(
      /^2 workers × the largest worker \+ the master come to 417 MB, 99% of the `memory` limit 400m \(419 MB\): 1 worker fits within 80%\./
    )
    expect(warning).toContain('`preload_app = True` would help')
    expect(fitAnnotation(fit)).toEqual({ level: 'warning', title: 'The workers may not fit the memory limit', message: warning })
  })

  it('counts shared pages once for the preloaded head: its cgroup total fits 400m', async () => {
    const profile = await capturedProfile('head-preload')
    const fit = checkFit(profile, ...limit('400m'))!
    expect(fit.basis).toBe('container')
    expect(fit.projectedBytes).toBeLessThan(0.8 * fit.limitBytes)
    expect(fit.warn).toBe(false)
    expect(fit.workersFit).toBeGreaterThan(2)
    expect(fit.preload.helps).toBe(false)
    expect(fitWarning(fit)).toBeUndefined()
  })

  it('does not suggest preload for the small base app, whose import allocates little', async () => {
    const fit = checkFit(await capturedProfile('base'), ...limit('64m'))!
    expect(fit.warn).toBe(true)
    expect(fit.preload.helps).toBe(false)
  })

  it('does not suggest preload when the memory grew after boot', async () => {
    const profile = await capturedProfile('head')
    const grown = { ...profile, workerRssAtBootBytes: profile.masterRssBytes! + 40e6, largestWorkerRssBytes: profile.largestWorkerRssBytes! }
    const fit = checkFit(grown, ...limit('400m'))!
    expect(fit.preload).toMatchObject({ helps: false, reason: expect.stringMatching(/allocated after boot/) })
  })

  it('has nothing to check without a Gunicorn master or workers', async () => {
    const profile = await capturedProfile('head')
    expect(checkFit({ ...profile, masterRssBytes: undefined }, ...limit('400m'))).toBeUndefined()
    expect(checkFit({ ...profile, workerRssBytes: [], largestWorkerRssBytes: undefined }, ...limit('400m'))).toBeUndefined()
  })
})
