// Who PID 1 is in the container, from `docker top`: the stop signal goes to it, and only Gunicorn itself or an
// init that passes signals on (tini, dumb-init, Docker's --init) lets Gunicorn hear it.
import type { Docker } from '../docker/docker.js'

/** A shell running a command line or a script: it does not pass SIGTERM on to its child. */
const SHELL = /^(\S*\/)?(ba|da|z|k|a)?sh(\s|$)/
const SIGNAL_PASSING_INIT = /^(\S*\/)?(tini|tini-static|dumb-init|docker-init|catatonit|s6-svscan)(\s|$)/

/** PID 1's command line (the root of the container's process tree), or undefined when it cannot be listed. */
export async function pid1Command(docker: Docker, container: string): Promise<string | undefined> {
  const table = await docker.processTable(container).catch(() => undefined)
  return table === undefined ? undefined : rootOf(table)
}

/** The root process of `docker top … -eo pid,ppid,rss,args` output: its parent is outside the container. */
export function rootOf(table: string): string | undefined {
  const rows = table
    .split('\n')
    .slice(1)
    .map((line) => /^\s*(\d+)\s+(\d+)\s+\S+\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: m[1], ppid: m[2], args: m[3].trim() }))
  const pids = new Set(rows.map((row) => row.pid))
  return rows.find((row) => !pids.has(row.ppid))?.args
}

/** Gunicorn itself as PID 1 (exec form, `exec gunicorn`, `python -m gunicorn`) or an init that forwards. */
export function pid1PassesSignals(command: string): boolean {
  if (SIGNAL_PASSING_INIT.test(command)) return true
  return !SHELL.test(command) && /gunicorn/.test(command)
}
