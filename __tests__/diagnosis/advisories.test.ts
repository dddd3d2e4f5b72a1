import { advisoriesFor } from '../../src/diagnosis/advisories.js'

describe('advisoriesFor', () => {
  it('lists both request-smuggling fixes for 20.1 and 21.2', () => {
    for (const version of ['20.1.0', '21.2.0']) {
      const notes = advisoriesFor(version)
      expect(notes).toHaveLength(2)
      expect(notes[0]).toContain('CVE-2024-1135')
      expect(notes[1]).toContain('CVE-2024-6827')
      expect(notes[0]).toMatch(new RegExp(`^Gunicorn ${version.replace(/\./g, '\\.')}: affected by`))
    }
  })

  it('lists only CVE-2024-6827 for 22.0, nothing for 23.0 and 24.1+', () => {
    expect(advisoriesFor('22.0.0')).toEqual(['Gunicorn 22.0.0: affected by TE.CL request smuggling (CVE-2024-6827), fixed in 23.0.0.'])
    expect(advisoriesFor('23.0.0')).toEqual([])
    expect(advisoriesFor('24.1.1')).toEqual([])
    expect(advisoriesFor('25.3.0')).toEqual([])
  })

  it('warns about the 24.0.0 boot-failure hang', () => {
    expect(advisoriesFor('24.0.0')).toEqual(['Gunicorn 24.0.0: the master hangs instead of exiting when a worker fails to boot, fixed in 24.1.0.'])
  })

  it('says nothing for an unknown or unparsable version', () => {
    expect(advisoriesFor(undefined)).toEqual([])
    expect(advisoriesFor('dev')).toEqual([])
  })
})
