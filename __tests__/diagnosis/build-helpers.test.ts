// The helpers behind the build diagnoses that read the repository: requirements files (with `-r` / `-c` and a
// cycle), `.dockerignore` (last match wins, `!` re-includes) and the closest name.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { closestExistingFile, dockerignoreLine } from '../../src/diagnosis/build-context.js'
import { closestName, editDistance } from '../../src/diagnosis/closest.js'
import { pinsOf, readPins, requirementFilesOf } from '../../src/diagnosis/requirements.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-build-helpers-'))
const write = (name: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
  fs.writeFileSync(path.join(dir, name), text)
}
write('requirements.txt', '# app\n-r requirements/base.txt\n--constraint=constraints.txt\nGevent==23.9.1 ; python_version >= "3.8"  # worker\n')
write('requirements/base.txt', 'flask==3.0.3\n-r ../requirements.txt\n')
write('constraints.txt', 'greenlet==2.0.2\n')
write('.dockerignore', '# local files\n*.env\nconfig/\n!config/public.toml\n**/*.pyc\n')
write('config/settings.toml', '')
write('config/public.toml', '')
write('app/cache/x.pyc', '')

describe('requirements files', () => {
  const pins = readPins(path.join(dir, 'requirements.txt'))

  it('follows -r and --constraint= relative to the including file, once each (a cycle ends)', () => {
    expect(pins.map((p) => [path.relative(dir, p.file), p.line, p.name, p.constraint])).toEqual([
      ['requirements/base.txt', 1, 'flask', false],
      ['constraints.txt', 1, 'greenlet', true],
      ['requirements.txt', 4, 'Gevent', false]
    ])
  })

  it('finds a pin by its normalised name and keeps the requirement without the comment', () => {
    expect(pinsOf(pins, 'gevent')[0]).toMatchObject({ requirement: 'Gevent==23.9.1 ; python_version >= "3.8"', line: 4 })
  })

  it('finds the files a RUN reads, by path in the context or by file name at its root', () => {
    expect(requirementFilesOf('RUN pip install -r /app/requirements.txt -c constraints.txt', dir)).toEqual([
      path.join(dir, 'requirements.txt'),
      path.join(dir, 'constraints.txt')
    ])
  })
})

describe('.dockerignore', () => {
  it('names the line that excludes a file or one of its directories', () => {
    expect(dockerignoreLine(dir, 'config/settings.toml')).toEqual({ line: 3, pattern: 'config/' })
    expect(dockerignoreLine(dir, 'app/cache/x.pyc')).toEqual({ line: 5, pattern: '**/*.pyc' })
  })
  it('lets a later ! line re-include a file', () => {
    expect(dockerignoreLine(dir, 'config/public.toml')).toBeUndefined()
  })
})

describe('closest names', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('gevnet', 'gevent')).toBe(1)
    expect(editDistance('Flask_SocketIO', 'flask-socketio')).toBe(0)
  })
  it('proposes only names within a few edits', () => {
    expect(closestName('gevnet', ['greenlet', 'gevent', 'flask'])).toBe('gevent')
    expect(closestName('numpy', ['django', 'flask'])).toBeUndefined()
  })
  it('finds a renamed file in the same directory', () => {
    expect(closestExistingFile(dir, 'requirement.txt')).toBe('requirements.txt')
    expect(closestExistingFile(dir, 'config/setings.toml')).toBe('config/settings.toml')
  })
})
