// The Gunicorn process tree from `docker top <container> -eo pid,ppid,rss,args`: which process is the master
// and which are its workers. `docker top` runs `ps` where the daemon runs, so it works from a job container or
// against a remote engine too, where the host's /proc is out of reach.
import type { ProcessSample } from './figures.js'

const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/

/** Parses the table (header first, RSS in KiB); rows that do not parse are skipped. */
export function parseProcessTable(stdout: string): ProcessSample[] {
  const rows: ProcessSample[] = []
  for (const line of stdout.split('\n').slice(1)) {
    const match = ROW.exec(line)
    if (match) rows.push({ pid: Number(match[1]), ppid: Number(match[2]), rssBytes: Number(match[3]) * 1024, args: match[4].trim() })
  }
  return rows
}

export interface GunicornTree {
  master?: ProcessSample
  workers: ProcessSample[]
}

/** A process running Gunicorn itself (`gunicorn …`, `python -m gunicorn …`, `/usr/bin/python3 /usr/bin/gunicorn …`,
 * setproctitle's `gunicorn: worker [app]`), not a wrapper whose arguments mention it (`sh -c "gunicorn …"`). */
const GUNICORN = /^(?:\S*\/)?(?:python[\d.]*\s+(?:-\S+\s+)*(?:\S*\/)?gunicorn|gunicorn)(?:[\s:]|$)/

/**
 * The master is the Gunicorn process whose parent is not a Gunicorn process (under `sh -c`, tini or dumb-init
 * alike), preferring the one with the most children; its workers are its direct children (a worker's own
 * subprocesses are not workers). Matches both the plain argv and setproctitle's `gunicorn: master [app]`.
 */
export function gunicornTree(rows: ProcessSample[]): GunicornTree {
  const byPid = new Map(rows.map((row) => [row.pid, row]))
  const children = (pid: number): ProcessSample[] => rows.filter((row) => row.ppid === pid)
  const roots = rows.filter((row) => GUNICORN.test(row.args) && !GUNICORN.test(byPid.get(row.ppid)?.args ?? ''))
  if (roots.length === 0) return { workers: [] }
  const master = roots.reduce((best, row) => (children(row.pid).length > children(best.pid).length ? row : best))
  return { master, workers: children(master.pid).sort((a, b) => a.pid - b.pid) }
}
