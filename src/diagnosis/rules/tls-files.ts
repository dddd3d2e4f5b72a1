// A certificate or key file Gunicorn's TLS settings name and the container does not have: the master checks them
// before it binds (`ValueError: certfile "/certs/tls.crt" does not exist`) and stops. In production the host mounts
// them (a secret, a volume); in a fresh container they are not there.
import type { Rule, Words } from '../reason.js'
import type { SourceLocation } from '../../core/model.js'
import { code, where } from '../words.js'
import { commandLine, configSetting, firstLocation } from './locate.js'

export interface TlsFileFacts {
  kind: 'tls-file-missing'
  /** `certfile`, `keyfile` or `ca_certs`. */
  setting: string
  path: string
  location?: SourceLocation
}

const MISSING = /^(certfile|keyfile|ca_certs) "([^"]+)" does not exist/

export const tlsFileMissing: Rule<TlsFileFacts> = {
  stage: 'boot',
  name: "a file Gunicorn's TLS settings name is not in the container",
  detect(rc) {
    const tb = rc.primaryTraceback((t) => t.exception.type.endsWith('ValueError') && MISSING.test(t.exception.message))
    const m = tb && MISSING.exec(tb.exception.message)
    if (!tb || !m) return undefined
    const command = commandLine(rc)
    const inCommand = command && new RegExp(`--${m[1].replace('_', '-')}\\b`).test(command.text) ? command : undefined
    const location = firstLocation(configSetting(rc, m[1]), inCommand)
    return {
      facts: { kind: 'tls-file-missing', setting: m[1], path: m[2], location },
      evidence: [tb.exception.line, ...(inCommand ? [inCommand.text] : [])],
      location
    }
  }
}

export function tlsFileWords(facts: TlsFileFacts): Words {
  const option = code(`--${facts.setting.replace('_', '-')}`)
  return {
    summary:
      `Gunicorn's ${code(facts.setting)} setting${where(facts.location)} names ${code(facts.path)}, which is not in the container, ` +
      'so the master stopped before it bound its address.',
    remedy:
      `Provide the file at that path in the run (mount it, or generate a self-signed one for the test), or drop ${option} ` +
      'when the host terminates TLS in front of Gunicorn (Render, Railway, Fly, Heroku and Cloud Run do).'
  }
}
