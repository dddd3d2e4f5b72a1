// The Dockerfile's own HEALTHCHECK: the path its curl/wget/python line asks, a health path the repository
// already chose (Docker, compose and several hosts run it).
import { DockerfileParser } from 'dockerfile-ast'

/** The path of the last HEALTHCHECK's URL (`curl -f http://localhost:8000/healthz`), when it has one. */
export function healthcheckPath(dockerfileText: string): { path: string; line: number; text: string } | undefined {
  const checks = DockerfileParser.parse(dockerfileText)
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === 'HEALTHCHECK')
  const last = checks[checks.length - 1]
  if (!last) return undefined
  const text = last.getTextContent()
  if (/\bNONE\s*$/i.test(text)) return undefined
  const url = text.match(/\bhttps?:\/\/[^/\s"':$]+(?::(?:\d+|\$\{?\w+\}?))?(\/[^\s"'\\)]*)?/)
  if (!url) return undefined
  const found = url[1] ?? '/'
  return { path: found.split('?')[0] || '/', line: last.getRange().start.line + 1, text: text.split('\n')[0] }
}
