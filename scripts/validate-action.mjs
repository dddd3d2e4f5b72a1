// Validates action.yml and every workflow in .github/workflows/ against their schemas with @action-validator/cli.
//
// The validator's schema (0.6) predates the node24 runtime and rejects `runs.using: node24`, which GitHub accepts.
// So action.yml is validated through a temporary copy that says node20 — the only difference — and everything else
// in it (inputs, outputs, branding, main/post) is checked as written. Workflows are validated as they are.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs')

/** Runs the validator on one file; the CLI treats a file named action.yml as an action and anything else as a workflow. */
function validate(file, label) {
  const run = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' })
  if (run.status === 0) {
    console.log(`ok    ${label}`)
    return true
  }
  console.error(`FAIL  ${label}\n${(run.stderr || run.stdout).trim()}`)
  return false
}

const action = fs.readFileSync(path.join(root, 'action.yml'), 'utf8')
const runtime = /^(\s+using:\s*)['"]?node24['"]?\s*$/m
if (!runtime.test(action)) {
  console.error("action.yml no longer says 'using: node24': update scripts/validate-action.mjs (it rewrites that line for the validator).")
  process.exit(1)
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-validate-'))
let ok = true
try {
  const copy = path.join(tmp, 'action.yml')
  fs.writeFileSync(copy, action.replace(runtime, '$1node20'))
  ok = validate(copy, 'action.yml (runs.using node24 checked as node20)') && ok

  const workflowDir = path.join(root, '.github', 'workflows')
  const workflows = fs.existsSync(workflowDir) ? fs.readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name)) : []
  if (workflows.length === 0) {
    console.error('No workflows found in .github/workflows/.')
    ok = false
  }
  for (const name of workflows.sort()) ok = validate(path.join(workflowDir, name), `.github/workflows/${name}`) && ok

  // Complete workflows shown in the docs (a fenced yaml block with top-level `on:` and `jobs:`) are validated too.
  for (const doc of ['README.md', path.join('docs', 'workflows.md')]) {
    const text = fs.existsSync(path.join(root, doc)) ? fs.readFileSync(path.join(root, doc), 'utf8') : ''
    let index = 0
    for (const [, block] of text.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)) {
      if (!/^on:/m.test(block) || !/^jobs:/m.test(block)) continue
      const file = path.join(tmp, `${path.basename(doc, '.md')}-${++index}.yml`)
      fs.writeFileSync(file, block)
      ok = validate(file, `${doc}, workflow ${index}`) && ok
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
process.exit(ok ? 0 : 1)
