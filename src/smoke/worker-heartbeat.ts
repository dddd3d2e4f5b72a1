// Has a worker finished booting? Gunicorn logs nothing once a worker has loaded the app (20.1 to 26), but every
// worker touches its heartbeat file (`wgunicorn-*`, unlinked, held open) each time round its request loop, which
// it enters only after the app loaded: 20.x flips the file's mode to 0 or 1 (fchmod), 21+ sets its mtime to
// time.monotonic() (seconds since the host booted). An untouched file still has mode 600 and its creation time.
import type { SmokeRun } from './types.js'

export interface HeartbeatFile {
  /** A process that holds the file open (the master and every worker forked after it was created hold it too). */
  pid: number
  inode: number
  mode: number
  mtimeSec: number
}

const SHELL_LIST =
  'for d in /proc/[0-9]*; do for f in "$d"/fd/*; do case "$(readlink "$f" 2>/dev/null)" in *wgunicorn-*) ' +
  'echo "${d#/proc/} $(stat -L -c \'%i %a %Y\' "$f")";; esac; done; done'
const PYTHON_LIST = [
  'import os',
  "for p in [p for p in os.listdir('/proc') if p.isdigit()]:",
  '    try: fds = os.listdir("/proc/%s/fd" % p)',
  '    except OSError: continue',
  '    for n in fds:',
  '        f = "/proc/%s/fd/%s" % (p, n)',
  '        try:',
  "            if 'wgunicorn-' in os.readlink(f): s = os.stat(f); print(p, s.st_ino, '%o' % (s.st_mode & 0o777), int(s.st_mtime))",
  '        except OSError: pass'
].join('\n')

/** A monotonic clock reading, not a wall-clock time: no host has been up since 2001. */
const MONOTONIC_BELOW_SEC = 1_000_000_000

/** Every process's open heartbeat files, listed from inside the container (a shell, else Python). */
export async function heartbeatFiles(run: SmokeRun, containerId: string): Promise<HeartbeatFile[] | undefined> {
  const attempts = [
    ['exec', containerId, 'sh', '-c', SHELL_LIST],
    ['exec', containerId, 'python3', '-c', PYTHON_LIST]
  ]
  for (const args of attempts) {
    const result = await run.deps.docker.runToCompletion(args).catch(() => undefined)
    const files = result?.exitCode === 0 ? parseHeartbeatFiles(result.stdout) : []
    if (files.length > 0) return files
  }
  return undefined
}

export function parseHeartbeatFiles(stdout: string): HeartbeatFile[] {
  return stdout.split('\n').flatMap((line) => {
    const m = /^(\d+) (\d+) ([0-7]+) (\d+)$/.exec(line.trim())
    return m ? [{ pid: Number(m[1]), inode: Number(m[2]), mode: parseInt(m[3], 8), mtimeSec: Number(m[4]) }] : []
  })
}

/**
 * Whether worker `pid` has entered its request loop: its own file (the one whose oldest holder, the master
 * aside, is `pid`) was touched. Undefined when the listing does not show the worker's file.
 */
export function workerEnteredLoop(files: readonly HeartbeatFile[], pid: number, masterPid?: number): boolean | undefined {
  const master = masterPid ?? Math.min(...files.map((file) => file.pid))
  const byInode = new Map<number, HeartbeatFile[]>()
  for (const file of files) byInode.set(file.inode, [...(byInode.get(file.inode) ?? []), file])
  const own = [...byInode.values()].filter((holders) => {
    const workers = holders.filter((file) => file.pid !== master).map((file) => file.pid)
    return workers.length > 0 && Math.min(...workers) === pid
  })
  if (own.length === 0) return undefined
  return own.some((holders) => holders.some(touched))
}

const touched = (file: HeartbeatFile): boolean => file.mode <= 1 || file.mtimeSec < MONOTONIC_BELOW_SEC
