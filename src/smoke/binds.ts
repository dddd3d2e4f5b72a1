// Whether the addresses Gunicorn listens on include one the probe can reach: a TCP bind on the probed port on an
// interface other than loopback. Gunicorn logs them once (`Listening at:`), so a mismatch is known at once.
import { LOOPBACK } from '../diagnosis/rules/rule.js'

/** `http://0.0.0.0:8088` → `0.0.0.0:8088`; `unix:/run/g.sock` stays. */
const stripScheme = (address: string): string => address.replace(/^https?:\/\//, '')

/** True when Gunicorn listens somewhere and none of it is reachable on `port` from outside the container. */
export function unreachableBinds(addresses: readonly string[], port: number): boolean {
  const binds = addresses.map(stripScheme).filter((address) => address !== '')
  if (binds.length === 0) return false
  return !binds.some((bind) => !bind.startsWith('unix:') && !LOOPBACK.test(bind) && new RegExp(`:${port}$`).test(bind))
}
