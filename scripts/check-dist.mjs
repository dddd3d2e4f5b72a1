// Rebuilds dist/ into a temporary folder and fails if it differs from the committed dist/:
// users run dist/, so it must be exactly what src/ builds.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-dist-'))
execFileSync(process.execPath, ['scripts/bundle.mjs', out], { stdio: 'inherit' })
const drift = []
for (const name of fs.readdirSync(out)) {
  const fresh = fs.readFileSync(path.join(out, name))
  const committedPath = path.join('dist', name)
  if (!fs.existsSync(committedPath) || !fresh.equals(fs.readFileSync(committedPath))) drift.push(name)
}
fs.rmSync(out, { recursive: true, force: true })
if (drift.length > 0) {
  console.error(`dist/ is out of date (${drift.join(', ')}): run 'npm run bundle' and commit dist/.`)
  process.exit(1)
}
console.log('dist/ matches src/.')
