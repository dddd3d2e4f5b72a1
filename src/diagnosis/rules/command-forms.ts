// Remedies written in the repository's own terms: its exec-form command rewritten in the shell form (its module,
// its options), and whether its gunicorn.conf.py already imports `os`. A remedy applied word for word must run, and
// must still stop: the shell form starts with `exec`, so the shell expands the variable and then hands PID 1 (and
// the host's stop signal) to Gunicorn.

/** `CMD ["gunicorn", "--bind", "0.0.0.0:${PORT}", "proj.wsgi:application"]` → the same line in the shell form, with `exec`. */
export function shellFormOf(instructionLine: string): string | undefined {
  const m = /^\s*(CMD|ENTRYPOINT)\s+(\[.*\])\s*$/i.exec(instructionLine)
  if (!m) return undefined
  let args: unknown
  try {
    args = JSON.parse(m[2])
  } catch {
    return undefined
  }
  if (!Array.isArray(args) || args.length === 0 || !args.every((a): a is string => typeof a === 'string')) return undefined
  return `${m[1].toUpperCase()} exec ${args.map(shellWord).join(' ')}`
}

// Words the shell reads as they are; `$` and braces are kept so that the variable is expanded.
const PLAIN_WORD = /^[\w@%+=:,./${}-]+$/

/** An argument as the shell must see it: variables still expanded, everything else literal. */
function shellWord(arg: string): string {
  if (PLAIN_WORD.test(arg)) return arg
  if (/\$\{?\w/.test(arg)) return `"${arg.replace(/(["\\`])/g, '\\$1')}"`
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

/** Whether a Python file binds the name `os` at module level (`import os`, `import sys, os`, `import os.path`). */
export function importsOs(source: string | undefined): boolean {
  if (source === undefined) return false
  for (const m of source.matchAll(/^import\s+([^#\n]+)/gm)) {
    const names = m[1].split(',').map((part) => part.trim())
    if (names.some((name) => /^os(\.\w+)*$/.test(name) || /\bas\s+os$/.test(name))) return true
  }
  return false
}
