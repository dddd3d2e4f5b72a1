// Django answers every probe `400 Bad Request (400)`: the Host header the probe sends is not in ALLOWED_HOSTS.
import { defineReason, type Rule, type Words } from '../reason.js'
import { allowedHostsLine, DJANGO_BAD_REQUEST, INVALID_HOST, productionHost } from '../rules/answers.js'
import type { SourceLocation } from '../../core/model.js'
import { code, fileLine, present } from '../words.js'

interface Facts {
  /** The Host header the probes sent: the `host-header` input, else the one Django logged. */
  host?: string
  /** Django logged the rejection (it does not with DEBUG off). */
  logged: boolean
  /** The line that sets ALLOWED_HOSTS. */
  setting?: SourceLocation
  /** A host name ALLOWED_HOSTS already lists, e.g. the production one. */
  productionHost?: string
}

const hostRejected: Rule<Facts> = {
  stage: 'boot',
  name: "Django's 400 page or its Invalid HTTP_HOST log line",
  detect(rc) {
    const health = rc.ctx.health
    const logged = rc.ctx.lines.find((l) => INVALID_HOST.test(l.text))
    const djangoPage = health?.status === 400 && DJANGO_BAD_REQUEST.test(health.bodyExcerpt ?? '')
    if (!djangoPage && !logged) return undefined
    const allowed = allowedHostsLine(rc)
    const setting = allowed ? { file: allowed.file, line: allowed.line } : undefined
    return {
      facts: {
        host: rc.ctx.settings.hostHeader ?? (logged ? INVALID_HOST.exec(logged.text)![1] : undefined),
        logged: Boolean(logged),
        setting,
        productionHost: productionHost(allowed)
      },
      evidence: present(
        health?.status === 400 ? `GET ${rc.ctx.settings.healthPath} → 400 ${health.bodyExcerpt ?? ''}`.trim() : undefined,
        logged?.text,
        allowed?.text.trim()
      ),
      location: setting
    }
  }
}

function words(facts: Facts): Words {
  const host = facts.host ? code(facts.host) : `the published address (${code('127.0.0.1:<port>')})`
  const where = facts.setting ? ` in ${code(fileLine(facts.setting))}` : ''
  const silent = facts.logged ? '' : ' (with DEBUG off, Django logs nothing about it)'
  const target = facts.productionHost ? ` to ${code(facts.productionHost)}` : ' to the production host name'
  return {
    summary:
      `Django rejected the probe's Host header ${host} with ${code('400 Bad Request (400)')}: ` +
      `it is not in ${code('ALLOWED_HOSTS')}${where}${silent}.`,
    remedy:
      `Either allow the smoke test's host (add ${code('127.0.0.1')} to ${code('ALLOWED_HOSTS')}, ` +
      `e.g. from an environment variable set with the ${code('env')} input), ` +
      `or set the ${code('host-header')} input${target} so the probes send the host name the platform sends.`
  }
}

export default defineReason({
  id: 'disallowed-host',
  title: 'Host header rejected',
  headline: 'the app rejected the Host header',
  readme: "Django answered `400 Bad Request (400)` because the probe's Host header is not in `ALLOWED_HOSTS`",
  fixtures: [{ path: '__fixtures__/apps/fail-disallowed-host', test: '__tests__/hang-crash.itg.ts' }],
  rules: [hostRejected],
  words,
  // Django's 400 page says it and nothing is logged: decided at the second such answer.
  wrongAnswer: { recognises: (answer) => answer.status === 400 && DJANGO_BAD_REQUEST.test(answer.body) }
})
