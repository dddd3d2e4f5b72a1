// The code's shape, as docs/architecture.md promises it: the root of src/ holds only entry points, no file name
// is used in two folders (but index.ts), and no file, function or string outgrows what one concern needs.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const SRC = path.join(process.cwd(), 'src')
const ENTRY_POINTS = ['cli-run.ts', 'cli.ts', 'index.ts', 'main.ts', 'post.ts']
const MAX_FILE_LINES = 350
const MAX_FUNCTION_LINES = 60
const MAX_STRING_CHARS = 160

const files = fs
  .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.split(path.sep).join('/'))
  .sort()

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true)
}

/** Every node of a file that matches, as `file:line (size)`. */
function oversized(file: string, size: (node: ts.Node, sf: ts.SourceFile) => number | undefined, max: number): string[] {
  const sf = sourceOf(file)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    const measured = size(node, sf)
    if (measured !== undefined && measured > max) found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} (${measured})`)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

const lineSpan = (node: ts.Node, sf: ts.SourceFile): number =>
  sf.getLineAndCharacterOfPosition(node.getEnd()).line - sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1

describe('the shape of src/', () => {
  it('has only entry points at its root', () => {
    expect(files.filter((file) => !file.includes('/'))).toEqual(ENTRY_POINTS)
  })

  it('uses no file name in two folders, except index.ts', () => {
    const byName = new Map<string, string[]>()
    for (const file of files) byName.set(path.posix.basename(file), [...(byName.get(path.posix.basename(file)) ?? []), file])
    const twice = [...byName].filter(([name, where]) => name !== 'index.ts' && where.length > 1)
    expect(twice).toEqual([])
  })

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files.filter((file) => fs.readFileSync(path.join(SRC, file), 'utf8').split('\n').length > MAX_FILE_LINES)
    expect(long).toEqual([])
  })

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const size = (node: ts.Node, sf: ts.SourceFile) => (ts.isFunctionLike(node) && 'body' in node && node.body ? lineSpan(node, sf) : undefined)
    expect(files.flatMap((file) => oversized(file, size, MAX_FUNCTION_LINES))).toEqual([])
  })

  it(`has no string literal over ${MAX_STRING_CHARS} characters`, () => {
    const size = (node: ts.Node, sf: ts.SourceFile) =>
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) ? node.getText(sf).length : undefined
    expect(files.flatMap((file) => oversized(file, size, MAX_STRING_CHARS))).toEqual([])
  })

  it('finds what it measures (the checks above are not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(oversized('diagnosis/registry.ts', (node, sf) => (ts.isArrayLiteralExpression(node) ? lineSpan(node, sf) : undefined), 20)).toHaveLength(1)
  })
})

describe('the docs name files that exist', () => {
  const DOCS = ['README.md', 'docs/architecture.md', ...fs.readdirSync('docs').map((file) => `docs/${file}`)]
  it.each([...new Set(DOCS)].filter((doc) => doc.endsWith('.md')))('%s', (doc) => {
    const named = [...fs.readFileSync(doc, 'utf8').matchAll(/`(src\/[^`\s]+)`/g)].map((match) => match[1])
    // Patterns such as `src/diagnosis/reasons/<reason-id>.ts` or `src/smoke/*.ts` name a kind of file, not one.
    const missing = named.filter((file) => !/[<*]/.test(file) && !fs.existsSync(file))
    expect(missing).toEqual([])
  })
})
