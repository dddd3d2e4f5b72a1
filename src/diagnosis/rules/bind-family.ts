// A bind to an IPv6 address where the container has no IPv6: `[Errno 99] Cannot assign requested address` (IPv6
// disabled by sysctl, so `::1` is no address of the container) or `[Errno 97] Address family not supported by
// protocol` (the kernel runs without IPv6). Gunicorn retries it like a busy port and ends with `Can't connect to`,
// so without this rule the log reads as a port another process holds.
import type { Rule } from '../reason.js'
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
