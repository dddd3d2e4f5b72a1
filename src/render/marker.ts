// The hidden marker that makes a comment "ours" for a given key. Rendering puts it on the first line;
// delivery looks for a comment whose body starts with it.
import { createHash } from 'node:crypto'

const MAX_KEY_LENGTH = 120

/**
 * A comment key reduced to characters that are safe inside an HTML comment and stable across runs:
 * letters, digits and `. _ / : + = -`; anything else becomes `-`, `--` (which would end the comment) is collapsed.
 * Long keys keep a readable prefix and a hash of the whole, so two long keys stay distinct.
 */
export function sanitizeCommentKey(key: string): string {
  let clean = key
    .trim()
    .replace(/[^A-Za-z0-9._/:+=-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/-*\/-*/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '')
  if (clean === '') clean = 'default'
  if (clean.length > MAX_KEY_LENGTH) {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 10)
    clean = `${clean.slice(0, MAX_KEY_LENGTH - 11).replace(/-+$/, '')}-${hash}`
  }
  return clean
}

/** `<!-- gunicorn-smoke:{key} -->`, the first line of every comment this action writes. */
export function commentMarker(key: string): string {
  return `<!-- gunicorn-smoke:${sanitizeCommentKey(key)} -->`
}
