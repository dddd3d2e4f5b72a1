// The repository's promises to users, checked: every YAML example in the docs parses and passes only inputs the
// action has, the README tables are generated from action.yml, action.yml declares the runtime and bundle, and the
// license, .gitattributes and workflow scripts are what the README and RELEASING.md say they are.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

const ROOT = process.cwd()
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8')

interface ActionSpec {
  inputs: Record<string, { description?: unknown; default?: unknown; required?: unknown }>
  outputs: Record<string, { description?: unknown }>
  runs: { using?: unknown; main?: unknown; post?: unknown }
}
const action = parse(read('action.yml')) as ActionSpec
const inputNames = new Set(Object.keys(action.inputs))

// The schema validator (see scripts/validate-action.mjs) is CommonJS + WebAssembly.
const { validateWorkflow } = createRequire(import.meta.url)('@action-validator/core') as {
  validateWorkflow: (source: string) => { errors: unknown[] }
}

interface YamlBlock {
  /** `file:line` of the opening fence. */
  where: string
  source: string
}

/** Every fenced ```yaml / ```yml block of a Markdown file. */
function yamlBlocks(file: string, text: string): YamlBlock[] {
  const blocks: YamlBlock[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*ya?ml\b/.exec(lines[i])
    if (!open) continue
    const fence = open[1]
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && !(lines[i].trimStart().startsWith(fence) && lines[i].trim().replace(/[`~]/g, '') === ''); i++) {
      body.push(lines[i])
    }
    blocks.push({ where: `${file}:${start + 1}`, source: body.join('\n') })
  }
  return blocks
}

interface Step {
  uses?: unknown
  with?: Record<string, unknown>
}
interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>
}

/** `uses:` values that mean this action: OWNER/gunicorn-smoke@ref (any owner, any ref) or the local checkout `./`. */
function usesThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (/^[\w.-]+\/gunicorn-smoke@\S+$/.test(uses) || uses === './' || uses === '.')
}

/** The steps of a workflow, by job; a snippet that is just a list of steps counts as one job named `steps`. */
function stepsByJob(document: unknown): [string, Step[]][] {
  if (Array.isArray(document)) return [['steps', document as Step[]]]
  const jobs = (document as Workflow | null)?.jobs ?? {}
  return Object.entries(jobs).map(([name, job]) => [name, job.steps ?? []])
}

/** `with:` keys of this action's steps that action.yml does not declare, as `job: key`. */
function unknownInputs(document: unknown, inputs: Set<string>): string[] {
  const unknown: string[] = []
  for (const [jobName, steps] of stepsByJob(document)) {
    for (const step of steps) {
      if (!usesThisAction(step?.uses)) continue
      for (const key of Object.keys(step.with ?? {})) if (!inputs.has(key)) unknown.push(`${jobName}: ${key}`)
    }
  }
  return unknown
}

const docFiles = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
]
const blocks = docFiles.flatMap((file) => yamlBlocks(file, read(file)))
const workflowFiles = fs
  .readdirSync(path.join(ROOT, '.github', 'workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => `.github/workflows/${name}`)

describe('YAML in the docs', () => {
  it('finds the examples (README usage and docs/workflows.md)', () => {
    expect(blocks.some((block) => block.where.startsWith('README.md:'))).toBe(true)
    expect(blocks.filter((block) => block.where.startsWith('docs/workflows.md:')).length).toBeGreaterThanOrEqual(6)
  })

  it.each(blocks.map((block) => [block.where, block] as const))('%s parses', (_where, block) => {
    expect(() => parse(block.source)).not.toThrow()
  })

  const documents = blocks.map((block) => ({ ...block, document: parse(block.source) as unknown }))
  const isWorkflow = (document: unknown): boolean => document !== null && typeof document === 'object' && 'jobs' in document
  const workflows = documents.filter((block) => isWorkflow(block.document))
  const withSteps = documents.filter((block) => isWorkflow(block.document) || Array.isArray(block.document))

  it('has workflows and step snippets that use this action', () => {
    const steps = withSteps.flatMap((block) => stepsByJob(block.document).flatMap(([, jobSteps]) => jobSteps))
    expect(steps.filter((step) => usesThisAction(step?.uses)).length).toBeGreaterThanOrEqual(7)
  })

  it.each(withSteps.map((block) => [block.where, block] as const))('steps at %s pass only real inputs', (_where, block) => {
    expect(unknownInputs(block.document, inputNames)).toEqual([])
  })

  it.each(workflows.map((block) => [block.where, block] as const))('workflow at %s matches the workflow schema', (_where, block) => {
    expect(validateWorkflow(block.source).errors).toEqual([])
  })
})

describe('unknownInputs', () => {
  const workflow: Workflow = {
    jobs: {
      smoke: {
        steps: [
          { uses: 'actions/checkout@v5', with: { 'fetch-depth': 0 } },
          { uses: 'someone/gunicorn-smoke@v1', with: { context: 'backend', 'health-paht': '/health' } },
          { uses: './', with: { timeout: '5', comment_key: 'x' } }
        ]
      }
    }
  }

  it('reports misspelt inputs of this action only, by job', () => {
    expect(unknownInputs(workflow, inputNames)).toEqual(['smoke: health-paht', 'smoke: comment_key'])
  })

  it('checks a snippet that is only a list of steps', () => {
    expect(unknownInputs([{ uses: 'someone/gunicorn-smoke@v1', with: { context: '.', websocket: 'x' } }], inputNames)).toEqual(['steps: websocket'])
  })

  it('recognises the action by owner/gunicorn-smoke@ref and ./ only', () => {
    expect(['a/gunicorn-smoke@v1', 'a-b/gunicorn-smoke@0123abc', './'].map(usesThisAction)).toEqual([true, true, true])
    expect(['actions/checkout@v5', 'a/gunicorn-smoke-fork@v1', 'a/gunicorn-smoke', undefined].map(usesThisAction)).toEqual([
      false,
      false,
      false,
      false
    ])
  })
})

describe('the repository workflows', () => {
  it.each(workflowFiles)('%s passes only real inputs to uses: ./', (file) => {
    expect(unknownInputs(parse(read(file)), inputNames)).toEqual([])
  })

  it('run only npm scripts that package.json defines (workflows and .ci/run)', () => {
    const scripts = new Set(Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts))
    const used = [...workflowFiles, '.ci/run'].flatMap((file) =>
      [...read(file).matchAll(/^[^#\n]*\bnpm run (?:--silent )?([\w:-]+)/gm)].map((match) => `${file}: ${match[1]}`)
    )
    expect(used.length).toBeGreaterThan(5)
    expect(used.filter((entry) => !scripts.has(entry.split(': ')[1]))).toEqual([])
  })
})

describe('action.yml', () => {
  it('runs on node24 with one bundle for main and post', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' })
  })

  it('describes every input and output', () => {
    const undescribed = [...Object.entries(action.inputs), ...Object.entries(action.outputs)]
      .filter(([, spec]) => typeof spec.description !== 'string' || spec.description.trim() === '')
      .map(([name]) => name)
    expect(undescribed).toEqual([])
  })

  it('matches the README tables (scripts/docs.mjs --check)', () => {
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })
})

describe('repository files', () => {
  it('LICENSE is the MIT license, as package.json says', () => {
    const license = read('LICENSE')
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} gunicorn-smoke contributors\n/)
    expect(license).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy')
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT')
  })

  it('.gitattributes marks dist/ as generated', () => {
    expect(read('.gitattributes')).toMatch(/^dist\/\*\*\s.*\blinguist-generated(=true)?\b/m)
  })

  it('README links the example workflows and the security policy', () => {
    const readme = read('README.md')
    expect(readme).toContain('](docs/workflows.md')
    expect(readme).toContain('](SECURITY.md')
    expect(fs.existsSync(path.join(ROOT, 'SECURITY.md'))).toBe(true)
  })
})

describe('the conventions of the workflows (the repository’s own and the docs’)', () => {
  const docWorkflows = blocks.filter((block) => /^on:/m.test(block.source) && /^jobs:/m.test(block.source))
  const all = [...workflowFiles.map((file) => ({ where: file, source: read(file) })), ...docWorkflows]

  it('finds the workflows, the fork pair among them', () => {
    expect(workflowFiles.length).toBeGreaterThanOrEqual(3)
    expect(docWorkflows.some((block) => /workflow_run:/.test(block.source) && /publish-report:/.test(block.source))).toBe(true)
  })

  it.each(all.map((w) => [w.where, w] as const))('%s starts from permissions: {} and gives each job its own', (_where, workflow) => {
    const document = parse(workflow.source) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown }> }
    expect(document.permissions).toEqual({})
    const without = Object.entries(document.jobs)
      .filter(([, job]) => job.permissions === undefined)
      .map(([name]) => name)
    expect(without).toEqual([])
  })

  it.each(all.map((w) => [w.where, w] as const))('%s pins other actions by full commit SHA with the version in a comment', (_where, workflow) => {
    const uses = [...workflow.source.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)].map((match) => `${match[1]}${match[2]}`)
    const loose = uses.filter((use) => !usesThisAction(use.split(/\s/)[0]) && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/.test(use))
    expect(loose).toEqual([])
  })

  it.each(all.map((w) => [w.where, w] as const))('%s checks out without persisted credentials', (_where, workflow) => {
    const document = parse(workflow.source) as { jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }> }
    const checkouts = Object.values(document.jobs).flatMap((job) => (job.steps ?? []).filter((step) => step.uses?.startsWith('actions/checkout@')))
    expect(checkouts.filter((step) => step.with?.['persist-credentials'] !== false)).toEqual([])
  })
})
