// Where a repository keeps a web start command that is not in its image: a compose file's `command:` for the
// service that runs the server (docker-compose.prod.yml and friends), or a Procfile `web:` line.
import fs from 'node:fs'
import path from 'node:path'
import { readProcfile } from './discovery.js'
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml'

export interface StartCommandElsewhere {
  /** Relative to the repository root, POSIX separators. */
  file: string
  line: number
  command: string
}

const COMPOSE_FILE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/
const WEB_SERVER = /\b(gunicorn|uvicorn|daphne|hypercorn|waitress-serve)\b/

/** The first web start command found in the compose files of these folders (root first), else a Procfile's. */
export function findStartCommandElsewhere(repoRoot: string, dirs: string[]): StartCommandElsewhere | undefined {
  const folders = [...new Set(dirs.map((dir) => path.resolve(repoRoot, dir)))]
  for (const dir of folders) {
    const files = safeList(dir).filter((name) => COMPOSE_FILE.test(name))
    for (const name of files.sort()) {
      const found = composeCommand(repoRoot, path.join(dir, name))
      if (found) return found
    }
  }
  for (const dir of folders) {
    const procfile = readProcfile(dir)
    if (procfile) return { file: relative(repoRoot, procfile.file), line: procfile.line, command: procfile.command }
  }
  return undefined
}

function composeCommand(repoRoot: string, file: string): StartCommandElsewhere | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter })
  const services = doc.get('services')
  if (!isMap(services)) return undefined
  for (const service of services.items) {
    if (!isMap(service.value)) continue
    const node = service.value.get('command', true) as Node | undefined
    const command = commandText(node)
    if (command && WEB_SERVER.test(command) && node?.range) {
      return { file: relative(repoRoot, file), line: lineCounter.linePos(node.range[0]).line, command }
    }
  }
  return undefined
}

function commandText(node: Node | undefined): string | undefined {
  if (isScalar(node)) return String(node.value)
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? String(item.value) : '')).join(' ')
  return undefined
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/')

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir)
  } catch {
    return []
  }
}
