// Generates the README's inputs and outputs tables from action.yml (between the marker comments).
// `node scripts/docs.mjs` rewrites README.md; `--check` fails when the README has drifted from action.yml.
import fs from 'node:fs'
import { parse } from 'yaml'

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

export function render(readme) {
  const replace = (text, name, table) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers.`)
    return text.replace(pattern, (_m, start, end) => `${start}${table}\n${end}`)
  }
  return replace(replace(readme, 'inputs', inputs), 'outputs', outputs)
}

const readme = fs.readFileSync('README.md', 'utf8')
const fresh = render(readme)
if (process.argv.includes('--check')) {
  if (fresh !== readme) {
    console.error("README.md's inputs/outputs tables differ from action.yml: run 'npm run docs' and commit README.md.")
    process.exit(1)
  }
  console.log('README tables match action.yml.')
} else {
  fs.writeFileSync('README.md', fresh)
}
