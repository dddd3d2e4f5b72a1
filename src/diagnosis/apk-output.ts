// Why Alpine's `apk add` refused, read from its own report: `ERROR: unable to select packages:`, then for each package
// it could not select either `NAME (no such package):` with `required by: world[NAME]`, or the candidate it has
// (`NAME-VERSION:`) with the constraint it breaks (`breaks: world[NAME=VERSION]`). Some frames drop the indentation.
// apk before 2.12 words it `ERROR: unsatisfiable constraints:` and `NAME (missing):`.

export type ApkRefusal = { name: string; evidence: string[] } & (
  { kind: 'no-such-package' } | { kind: 'version-gone'; version: string; available?: string }
)

const HEADER = /ERROR: (?:unable to select packages|unsatisfiable constraints):/
const NO_SUCH = /^\s*(\S+) \((?:no such package|missing)\):/
// The world's constraint on the package: `world[dumb-init=1.2.5-r0]`, `world[nodejs~20.12]`, `world[py3-foo<2]`.
const BREAKS = /^\s*breaks: world\[([^\]=<>~]+)([=<>~]+)([^\]\s]+)\]/
const CANDIDATE = /^\s*(\S+):$/

export function parseApkRefusal(lines: string[]): ApkRefusal | undefined {
  const start = lines.findIndex((line) => HEADER.test(line))
  if (start < 0) return undefined
  const block = lines.slice(start + 1, start + 40)
  const header = lines[start].trim()
  return versionGone(header, block) ?? noSuchPackage(header, block)
}

function versionGone(header: string, block: string[]): ApkRefusal | undefined {
  for (const [index, line] of block.entries()) {
    const breaks = line.match(BREAKS)
    if (!breaks) continue
    const [, name, , version] = breaks
    // The candidate line above names the version the repository has: `dumb-init-1.2.5-r1:`.
    const candidate = block[index - 1]?.match(CANDIDATE)?.[1]
    const available = candidate?.startsWith(`${name}-`) ? candidate.slice(name.length + 1) : undefined
    const evidence = [header, ...(candidate ? [block[index - 1]] : []), line].map((text) => text.trim())
    return { kind: 'version-gone', name, version, available, evidence }
  }
  return undefined
}

/** The first name the Dockerfile asked for (`required by: world[…]`), else the first missing one (a library's `so:…`). */
function noSuchPackage(header: string, block: string[]): ApkRefusal | undefined {
  const missing = block.flatMap((line, index) => {
    const name = line.match(NO_SUCH)?.[1]
    return name ? [{ name, line: line.trim(), asked: /required by: world\[/.test(block[index + 1] ?? '') }] : []
  })
  const chosen = missing.find((entry) => entry.asked) ?? missing[0]
  return chosen ? { kind: 'no-such-package', name: chosen.name, evidence: [header, chosen.line] } : undefined
}
