// The host gives the app a port in PORT and routes only there; Gunicorn listens on a port of its own (or on the
// loopback interface), set in the repository. Booted like the host (the `host` input or its file), this is
// the deploy failure the host would report: named with the bind, the line that sets it and the host's words.
import { defineReason, type Rule } from '../reason.js'
import { code, present } from '../words.js'
import { bindLine } from '../rules/bind-source.js'
import { commandLine, firstLocation, type FoundLine } from '../rules/locate.js'
import { LOOPBACK } from '../rules/rule.js'

interface Facts {
  host: string
  port: number
  /** The host picks the port itself (Heroku, Railway): the run used a value no app has hard-coded. */
  assigned: boolean
  /** What the host logs when nothing listens on its PORT. */
  hostWords?: string
  binds: string[]
  loopback: boolean
  /** The line that sets the bind, and what kind of line it is. */
  setBy?: { file: string; line: number; kind: 'config' | 'procfile' | 'command' }
}

function setByOf(found: FoundLine | undefined): Facts['setBy'] {
  if (!found) return undefined
  const kind = /\.py$/.test(found.file) ? 'config' : /(^|\/)Procfile$/.test(found.file) ? 'procfile' : 'command'
  return { file: found.file, line: found.line, kind }
}

const listensElsewhere: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn listens elsewhere than the PORT the host sets',
  detect(rc) {
    const host = rc.ctx.settings.host
    const { binds } = rc.ctx.state
    if (!host || rc.ctx.outcome !== 'boot-timeout' || !rc.ctx.state.started || binds.length === 0) return undefined
    const tcp = binds.filter((b) => !b.startsWith('unix:'))
    const reachable = tcp.some((b) => !LOOPBACK.test(b) && b.endsWith(`:${host.port}`))
    if (tcp.length === 0 || reachable) return undefined
    const bind = bindLine(rc)
    const command = commandLine(rc)
    return {
      facts: {
        host: host.name,
        port: host.port,
        assigned: host.assigned,
        hostWords: host.words,
        binds: tcp,
        loopback: tcp.every((b) => LOOPBACK.test(b)),
        setBy: setByOf(bind)
      },
      evidence: present(rc.ofKind('listening')[0]?.lines[0].text, bind?.text.trim()),
      location: firstLocation(bind, command)
    }
  }
}

function summary(facts: Facts): string {
  const where = facts.setBy ? ` (set in ${code(`${facts.setBy.file}:${facts.setBy.line}`)})` : ''
  const inside = facts.loopback ? ', inside the container only,' : ''
  const given = facts.assigned
    ? `${facts.host} picks the port itself and passes it in ${code('PORT')} (here ${facts.port})`
    : `${facts.host} sends requests to the port in ${code('PORT')} (${facts.port})`
  // The host's words name its default port; the run's may be the one the repository configured.
  const words = facts.hostWords ? `: there the deploy fails with “${facts.hostWords.replace(/PORT=\d+/, `PORT=${facts.port}`)}”` : ''
  return `Gunicorn listens on ${code(facts.binds.join(', '))}${where}${inside} but ${given}${words}.`
}

function remedy(facts: Facts): string {
  const fromEnv = code(`bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"`)
  const byItself = `Gunicorn binds ${code('0.0.0.0:$PORT')} by itself when no bind is set and ${code('PORT')} is`
  switch (facts.setBy?.kind) {
    case 'config':
      return `In ${code(facts.setBy.file)}, build the bind from the environment: ${fromEnv} (or drop the line: ${byItself}).`
    case 'procfile':
      return `In ${code(facts.setBy.file)}, bind to ${code('0.0.0.0:$PORT')} (the host runs the line through a shell, which expands it).`
    case 'command':
      return (
        `Drop the bind from ${code(facts.setBy.file)} line ${facts.setBy.line} (${byItself}), ` +
        `or use a shell-form command that expands it and hands PID 1 to Gunicorn: ${code('CMD exec gunicorn --bind 0.0.0.0:$PORT <module>:<app>')}.`
      )
    default:
      return `Bind to ${code('0.0.0.0:$PORT')}: ${fromEnv} in gunicorn.conf.py, or no bind at all (${byItself}).`
  }
}

export default defineReason({
  id: 'host-port-ignored',
  title: 'The port the host sets is ignored',
  headline: 'Gunicorn ignores the port the host sets',
  readme: "booted like the host (`host`), Gunicorn listens on a port of its own or on `127.0.0.1`, not on the host's `PORT`",
  fixtures: [
    { path: '__fixtures__/apps/fail-host-port', test: '__tests__/hosts.itg.ts' },
    { path: '__fixtures__/apps/fail-host-port-cmd', test: '__tests__/hosts.itg.ts' }
  ],
  rules: [listensElsewhere],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
