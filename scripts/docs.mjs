// Generates the README's inputs and outputs tables from action.yml, and its "What it catches" table from the
// diagnosis registry (src/diagnosis/registry.ts), between the marker comments. `npm run docs` rewrites README.md;
// `npm run check-docs` fails when the README has drifted. Run with tsx, which loads the registry's TypeScript.
// It also writes the report file's JSON schema (schema/report-v1.schema.json) from src/report-file/schema.ts.
import fs from 'node:fs'
import { parse } from 'yaml'
import { REASONS } from '../src/diagnosis/registry.ts'
import { reportSchema } from '../src/report-file/schema.ts'

const action = parse(fs.readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
const code = (text) => (text === '' || text === undefined ? '' : '`' + String(text) + '`')

const inputs = [
  '| Input | Default | Description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(([name, spec]) => `| \`${name}\` | ${code(spec.default)} | ${cell(spec.description)} |`)
].join('\n')
const outputs = [
  '| Output | Description |',
  '|---|---|',
  ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
].join('\n')

const reasons = ['| Reason id | What happened |', '|---|---|', ...REASONS.map((reason) => `| \`${reason.id}\` | ${cell(reason.readme)} |`)].join('\n')

export function render(readme) {
  const replace = (text, name, table) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers.`)
    return text.replace(pattern, (_m, start, end) => `${start}${table}\n${end}`)
  }
  return replace(replace(replace(readme, 'inputs', inputs), 'outputs', outputs), 'reasons', reasons)
}

const SCHEMA_FILE = 'schema/report-v1.schema.json'
const schema = JSON.stringify(reportSchema, null, 2) + '\n'
const schemaNow = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : ''

const readme = fs.readFileSync('README.md', 'utf8')
const fresh = render(readme)
if (process.argv.includes('--check')) {
  if (fresh !== readme) {
    console.error("README.md's tables differ from action.yml or the reason registry: run 'npm run docs' and commit README.md.")
    process.exit(1)
  }
  if (schemaNow !== schema) {
    console.error(`${SCHEMA_FILE} differs from src/report-file/schema.ts: run 'npm run docs' and commit it.`)
    process.exit(1)
  }
  console.log('README tables match action.yml and the reason registry; the report schema matches its source.')
} else {
  fs.writeFileSync('README.md', fresh)
  fs.mkdirSync('schema', { recursive: true })
  fs.writeFileSync(SCHEMA_FILE, schema)
}
