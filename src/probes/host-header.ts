// The `Host` header the probes send (`host-header`): every probe (health, WebSocket, load) sends the same one,
// so an app that accepts only its production host name (Django's ALLOWED_HOSTS) can be tested as deployed.

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
// A host name or IPv4 address with an optional port: no scheme, spaces, slashes or user info.
const HOST_HEADER = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?(?::(\\d{1,5}))?$`)

export function isHostHeader(text: string): boolean {
  const match = HOST_HEADER.exec(text)
  if (!match || text.length > 260) return false
  return match[1] === undefined || (Number(match[1]) >= 1 && Number(match[1]) <= 65535)
}

/** The headers a probe adds: the `host-header` input, else nothing (Node sends `127.0.0.1:PORT`). */
export function hostHeaders(hostHeader: string | undefined): Record<string, string> {
  return hostHeader ? { Host: hostHeader } : {}
}
