import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findRepoFiles } from '../src/core/repo-files.js'

let root: string
const touch = (file: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  fs.writeFileSync(path.join(root, file), '')
}
const yaml = (name: string) => /\.ya?ml$/.test(name)

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-files-'))
  const files = ['b.yaml', 'a.yml', 'deploy/k8s/web.yaml', 'deploy/app.yaml', 'x/y/z/deep.yaml', 'x/y/z/w/deeper.yaml']
  const skipped = ['node_modules/pkg/m.yaml', '.venv/lib/v.yaml', 'tests/t.yaml', 'chart/templates/d.yaml', 'notes.txt']
  for (const file of [...files, ...skipped]) touch(file)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('findRepoFiles', () => {
  it('lists matching files shallowest first, then by name, as POSIX paths, skipping dependencies and tests', () => {
    expect(findRepoFiles(root, { include: yaml })).toEqual([
      'a.yml',
      'b.yaml',
      'deploy/app.yaml',
      'chart/templates/d.yaml',
      'deploy/k8s/web.yaml',
      'x/y/z/deep.yaml'
    ])
  })

  it('skips the extra folders it is given, stops at the depth, and passes each file its depth', () => {
    expect(findRepoFiles(root, { include: yaml, alsoSkip: ['templates'], maxDepth: 1 })).toEqual(['a.yml', 'b.yaml', 'deploy/app.yaml'])
    expect(findRepoFiles(root, { include: (name, depth) => depth === 3 && yaml(name) })).toEqual(['x/y/z/deep.yaml'])
  })

  it('answers nothing for a root that does not exist', () => {
    expect(findRepoFiles(path.join(root, 'missing'), { include: () => true })).toEqual([])
  })
})
