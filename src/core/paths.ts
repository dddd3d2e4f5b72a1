import path from 'node:path'

/** A path as the repository names it: relative to its root, with POSIX separators; '.' for the root itself. */
export function repoRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.'
}
