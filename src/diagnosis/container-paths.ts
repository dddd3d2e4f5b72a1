// Paths inside the image back to the repository, and the Dockerfile line that starts the container: shared by the
// traceback frames' mapping (context.ts) and the start script's (start-script-unrunnable.ts).

interface TailSearch {
  /** Where the build context may sit in the image, most likely first (the Dockerfile's WORKDIR). */
  workdirs: readonly string[]
  /** Whether a path relative to the build context is a file there. */
  exists: (contextRelative: string) => boolean
  /** Also try the whole path under the context (`/start.sh` copied from `./start.sh`), not only its tails. */
  wholePath?: boolean
}

/**
 * The build-context path an absolute container path comes from: its remainder under a workdir when that exists,
 * else its longest tail that exists under the build context.
 */
export function contextPathOf(containerPath: string, { workdirs, exists, wholePath = false }: TailSearch): string | undefined {
  for (const workdir of workdirs) {
    const base = workdir.endsWith('/') ? workdir : `${workdir}/`
    if (containerPath.startsWith(base) && exists(containerPath.slice(base.length))) return containerPath.slice(base.length)
  }
  const segments = containerPath.split('/').filter(Boolean)
  for (let start = wholePath ? 0 : 1; start < segments.length; start++) {
    const candidate = segments.slice(start).join('/')
    if (exists(candidate)) return candidate
  }
  return undefined
}

/** The Dockerfile's last CMD or ENTRYPOINT line (Docker keeps the last), 1-based, with its text. */
export function lastCommandLine(dockerfileText: string): { line: number; text: string } | undefined {
  const lines = dockerfileText.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*(CMD|ENTRYPOINT)\b/i.test(lines[i])) return { line: i + 1, text: lines[i].trim() }
  }
  return undefined
}
