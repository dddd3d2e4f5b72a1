// A bind to an IPv6 address where the container has no IPv6: `[Errno 99] Cannot assign requested address` (IPv6
// disabled by sysctl, so `::1` is no address of the container) or `[Errno 97] Address family not supported by
// protocol` (the kernel runs without IPv6). Gunicorn retries it like a busy port and ends with `Can't connect to`,
// so without this rule the log reads as a port another process holds.
import type { Rule } from '../reason.js'
import type { RuleContext } from '../context.js'
import type { ConfigFacts } from './configuration.js'
import { commandLine, configSetting, firstLocation } from './locate.js'
import { present } from './rule.js'

const FAMILY_ERROR = /\[Errno (97|99)\] (Address family not supported by protocol|Cannot assign requested address)/
/** `('::1', 8000)`, `('::', 8000, 0, 0)`: an IPv6 host holds a colon. */
const IPV6_ADDRESS = /^\('([^']*:[^']*)', (\d+)/

export const ipv6Unavailable: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'an IPv6 bind where the container has no IPv6',
  detect(rc) {
    const failures = [...rc.ofKind('invalid-address'), ...rc.ofKind('connection-in-use'), ...rc.ofKind('cant-connect')]
    const ipv6 = failures.find((event) => IPV6_ADDRESS.test(event.address))
    if (!ipv6) return undefined
    const errorLine = rc.ctx.lines.find((line) => FAMILY_ERROR.test(line.text))
    const errno = errorLine ? FAMILY_ERROR.exec(errorLine.text)![1] : ipv6.kind === 'invalid-address' ? '99' : undefined
    if (!errno) return undefined
    const [, host, port] = IPV6_ADDRESS.exec(ipv6.address)!
    return {
      facts: { kind: 'ipv6-unavailable', address: ipv6.address, host, port, errno },
      evidence: present(ipv6.lines[0].text, errorLine?.text, rc.ofKind('cant-connect')[0]?.lines[0].text, commandLine(rc)?.text),
      location: firstLocation(configSetting(rc, 'bind'), commandLine(rc))
    }
  }
}

/** The bind as the log states it: Gunicorn's `Can't connect to`, its debug config dump, a JSON config line, the command. */
const BIND_STATED = [/Can't connect to (.+)$/, /"bind": "([^"]+)"/, /^\s*bind: \['([^']+)'/, /(?:^|\s)(?:-b|--bind)[=\s]+['"]?([^\s'"]+)/]

export function statedBind(rc: RuleContext): string | undefined {
  for (const pattern of BIND_STATED) {
    const line = rc.ctx.lines.find((l) => pattern.test(l.text))
    if (line) return pattern.exec(line.text)![1].trim()
  }
  return undefined
}

/** The port of a bind as Gunicorn prints it (`('::', 8000)`) or as given (`[::]:8000`, `0.0.0.0:80`). */
export const portOf = (address: string): string | undefined => /(\d+)(?:, \d+, \d+)?\)?$/.exec(address)?.[1]

/** An IPv6 address as Gunicorn prints it or as given: `('::', 80)`, `[::]:80`, `::1`. */
export const isIpv6Bind = (address: string): boolean => /^\(?['"]?[0-9a-f]*:[0-9a-f:]*['"]?[,\]]|^\[/i.test(address)

/** The run says which user the container ran as, and it is not root. */
export function knownNonRoot(rc: RuleContext): boolean {
  const user = rc.ctx.settings.user
  return user !== undefined && !/^(?:0|root)(?::|$)/.test(user)
}

/**
 * A bind to an IPv6 address that failed without an errno: IPv6 missing in the container is the likelier cause even
 * below 1024, unless the run is known to use a user that is not root (then the privileged port is).
 */
export const ipv6BeforePrivilege = (rc: RuleContext, address: string): boolean => isIpv6Bind(address) && !knownNonRoot(rc)

/** The errors a failed bind prints that say which one it was (in use, not an address here, refused, family). */
const BIND_ERRNO = /Address already in use|Cannot assign requested|Address family not supported|Permission denied|\[Errno (?:13|97|98|99)\]/

/**
 * Gunicorn retries a failed bind every second but names only EADDRINUSE (`Connection in use`) and EADDRNOTAVAIL
 * (`Invalid address`); the other errno it logs at debug level only. Retries with neither line, for a port a non-root
 * user may bind, leave the address family: an IPv6 bind (`[::]`, often an image's default) where the host or the
 * container has IPv6 disabled. (A port below 1024 is port-in-use's privileged-port rule.)
 */
export const bindRefused: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'Gunicorn retried its bind without naming the address in use or invalid',
  detect(rc) {
    const retry = rc.ctx.lines.find((l) => l.text.includes('Retrying in 1 second'))
    if (!retry || rc.ofKind('connection-in-use').length > 0 || rc.ofKind('invalid-address').length > 0) return undefined
    if (rc.ctx.lines.some((l) => BIND_ERRNO.test(l.text))) return undefined
    const address = statedBind(rc)
    const port = address ? portOf(address) : undefined
    if (port && Number(port) < 1024 && !ipv6BeforePrivilege(rc, address!)) return undefined
    return {
      facts: { kind: 'bind-refused', address, port: port ?? String(rc.ctx.settings.port) },
      evidence: present(retry.text, rc.ofKind('cant-connect')[0]?.lines[0].text),
      location: firstLocation(configSetting(rc, 'bind'), commandLine(rc))
    }
  }
}
