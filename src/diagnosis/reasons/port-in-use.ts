// Gunicorn could not bind its address: another process in the container holds the port, a port below 1024 for a user
// that is not root, or the app's own development server started while Gunicorn imports it.
import { defineReason, type Finding, type Rule } from '../reason.js'
import type { RuleContext } from '../context.js'
import { backgroundProcess } from '../rules/network.js'
import { commandLine, firstLocation, type FoundLine } from '../rules/locate.js'
import { code, present } from '../words.js'
import { ipv6BeforePrivilege, portOf, statedBind } from '../rules/bind-family.js'
import { appModule } from '../rules/configuration.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

interface Facts {
  /** The address as Gunicorn printed it, e.g. `('0.0.0.0', 8000)`. */
  address: string
  port?: string
  /** The entrypoint script's line that starts a process in the background (the usual culprit). */
  background?: FoundLine
  /** Gunicorn retried without `Connection in use`: the bind failed otherwise (a port below 1024 without root). */
  notInUse?: true
  /** Gunicorn's own words for the refusal (`[Errno 13] Permission denied`), when it printed them. */
  refusal?: string
  /** The app starts its own development server while Gunicorn imports it (`app.run()` at module level). */
  serverAtImport?: { line?: FoundLine; frame?: string }
  /** The kernel refused a socket option Gunicorn sets on its listening socket (`SO_REUSEPORT`, Errno 95). */
  optionRefused?: { option: string; exceptionLine: string }
}

/**
 * Gunicorn retries a failed bind every second and says `Connection in use` only for EADDRINUSE (`Invalid address`
 * for EADDRNOTAVAIL): retries without either are another refusal, in a container mostly a port below 1024 bound by
 * a user that is not root.
 */
const retriedNotInUse: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn retried its bind without saying the address is in use',
  detect(rc) {
    const retry = rc.ctx.lines.find((l) => /Retrying in 1 second/.test(l.text))
    if (!retry || rc.ofKind('connection-in-use').length > 0 || rc.ofKind('invalid-address').length > 0) return undefined
    if (rc.ctx.lines.some((l) => /Address already in use|Cannot assign requested|Address family not supported/.test(l.text))) return undefined
    const address = statedBind(rc)
    const port = address ? portOf(address) : undefined
    if (!address || !port || Number(port) >= 1024 || ipv6BeforePrivilege(rc, address)) return undefined
    return {
      facts: { address, port, notInUse: true },
      evidence: present(retry.text, rc.ofKind('cant-connect')[0]?.lines[0].text),
      location: firstLocation(commandLine(rc))
    }
  }
}

/** The refusal itself: `connection to ('0.0.0.0', 80) failed: [Errno 13] Permission denied` (Gunicorn 20.1+). */
const bindRefused: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn was refused its bind (permission denied)',
  detect(rc) {
    const refused = rc.ofKind('connection-in-use').find((e) => e.error !== undefined && /Errno 13\b|Permission denied/.test(e.error))
    if (!refused || inUseEvents(rc).length > 0) return undefined
    return {
      facts: { address: refused.address, port: portOf(refused.address), notInUse: true, refusal: refused.error },
      evidence: present(refused.lines[0].text, rc.ofKind('cant-connect')[0]?.lines[0].text),
      location: firstLocation(commandLine(rc))
    }
  }
}

// Werkzeug's words when `app.run()` finds the port taken: inside a Gunicorn log, Gunicorn is the one holding it, and
// the app started its own server while Gunicorn imported it.
const DEVELOPMENT_SERVER_PORT = /^\s*Port (\d+) is in use by another program\b/
const RUN_CALL = /^\S.*\.run\(|^\s*(?:app|application|socketio)\.run\(/

// A development server's own run call in a traceback: Flask's and Flask-SocketIO's `run`, werkzeug's `run_simple`, uvicorn's `run`.
const SERVER_RUN_FRAME = /(?:flask\/app\.py|flask_socketio\/__init__\.py|uvicorn\/main\.py|werkzeug\/serving\.py)$/

/** The port a development server found taken: werkzeug's sentence, or a traceback through a server's run call. */
function serverPortTaken(rc: RuleContext): { line: string; port?: string; frame?: string } | undefined {
  for (const line of rc.ctx.lines) {
    if (!line.text.includes('is in use by another program')) continue
    const said = DEVELOPMENT_SERVER_PORT.exec(stripLinePrefixes(line.text))
    if (said) return { line: line.text, port: said[1] }
  }
  const tb = rc.tracebacks.find(
    (t) =>
      /Address already in use/.test(t.exception.message) &&
      t.frames.some((f) => SERVER_RUN_FRAME.test(f.file) && /^(?:run|run_simple|make_server)$/.test(f.func ?? ''))
  )
  return tb ? { line: tb.exception.line, frame: rc.userFrameAt(tb) } : undefined
}

const serverStartedAtImport: Rule<Facts> = {
  stage: 'boot',
  name: "the app starts its development server at import (werkzeug's port in use)",
  detect(rc) {
    // Gunicorn ran: its boot lines, or (at a loglevel that hides them) its own frames under the app's import.
    const gunicornRan =
      rc.ofKind('master-start').length > 0 ||
      rc.ofKind('worker-boot').length > 0 ||
      rc.tracebacks.some((t) => t.frames.some((f) => /gunicorn\//.test(f.file)))
    if (!gunicornRan) return undefined
    const taken = serverPortTaken(rc)
    if (!taken) return undefined
    const port = taken.port ?? String(rc.ctx.settings.port)
    const module = appModule(rc)
    const file = module && rc.moduleFile(module)
    const found = file ? rc.repo.findLine(file, RUN_CALL) : undefined
    const line = file && found ? { file, ...found } : undefined
    return {
      facts: { address: `port ${port}`, port: taken.port, serverAtImport: { line, frame: line ? undefined : taken.frame } },
      evidence: present(taken.line, line?.text.trim(), rc.gunicornOutcomeLine()),
      location: line && { file: line.file, line: line.line }
    }
  }
}

/** The finding for the address one of the rules read: every in-use line of the log is evidence. */
function taken(rc: RuleContext, address: string): Finding<Facts> {
  const inUse = rc.ofKind('connection-in-use')
  const addressInUse = rc.tracebacks.find((tb) => /Address already in use/.test(tb.exception.message))
  const command = commandLine(rc)
  const background = backgroundProcess(rc, command)
  const evidence = present(
    inUse[0]?.lines[0].text,
    inUse.find((e) => e.error)?.lines[0].text,
    rc.ofKind('cant-connect')[0]?.lines[0].text,
    addressInUse?.exception.line
  )
  if (background) evidence.push(background.text.trim())
  return {
    facts: { address, port: portOf(address), background },
    evidence,
    location: firstLocation(background, command)
  }
}

// Gunicorn retries a bind in use, then gives up with `Can't connect to`: that last line names the address.
// Only when the log says the address is in use: a bind that fails otherwise (an IPv6 address the container lacks,
// Errno 97/99) ends with the same line and is not another process's doing.
const gaveUpBinding: Rule<Facts> = {
  stage: 'boot',
  name: "Gunicorn can't connect to its address",
  detect(rc) {
    const cantConnect = rc.ofKind('cant-connect')[0]
    return cantConnect && inUseEvents(rc).length > 0 ? taken(rc, cantConnect.address) : undefined
  }
}

const connectionInUse: Rule<Facts> = {
  stage: 'boot',
  name: 'Gunicorn reports its connection in use',
  detect(rc) {
    const inUse = inUseEvents(rc)[0]
    return inUse ? taken(rc, inUse.address) : undefined
  }
}

/** `Connection in use: …`, and `connection to … failed: [Errno 98] Address already in use` (not another errno). */
function inUseEvents(rc: RuleContext) {
  return rc.ofKind('connection-in-use').filter((e) => e.error === undefined || /Errno 98|in use/i.test(e.error))
}

const addressInUseTraceback: Rule<Facts> = {
  stage: 'boot',
  name: 'a traceback says Address already in use',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => /Address already in use/.test(t.exception.message))
    if (!tb) return undefined
    // uvicorn's and asyncio's messages name the address; Python's own `[Errno 98]` does not.
    const named = /\(('[^']*', \d+)\)/.exec(tb.exception.message)?.[1]
    return taken(rc, named ? `(${named})` : (statedBind(rc) ?? `('0.0.0.0', ${rc.ctx.settings.port})`))
  }
}

/** Gunicorn sets its socket's options in `sock.py` before it binds: the kernel may refuse one (a hardened or old kernel). */
const socketOptionRefused: Rule<Facts> = {
  stage: 'boot',
  name: 'the kernel refused an option Gunicorn sets on its listening socket',
  detect(rc) {
    const tb = rc.tracebacks.find((t) => /gunicorn\/sock\.py$/.test(t.frames[t.frames.length - 1]?.file ?? '') && /^OSError$/.test(t.exception.type))
    const option = tb && /\bsetsockopt\([^)]*\b(SO_\w+|TCP_\w+)/.exec(tb.frames[tb.frames.length - 1].code ?? '')?.[1]
    if (!tb || !option) return undefined
    const address = statedBind(rc) ?? `('0.0.0.0', ${rc.ctx.settings.port})`
    return {
      facts: { address, port: portOf(address), optionRefused: { option, exceptionLine: tb.exception.line } },
      evidence: present(tb.frames[tb.frames.length - 1].code, tb.exception.line),
      location: firstLocation(commandLine(rc))
    }
  }
}

function summary({ address, port, background, notInUse, refusal, serverAtImport, optionRefused }: Facts): string {
  if (optionRefused) {
    return (
      `Gunicorn could not set up its listening socket: the kernel refused the socket option ${code(optionRefused.option)} ` +
      `(${code(optionRefused.exceptionLine)}), which this Gunicorn sets on every socket before it binds.`
    )
  }
  if (serverAtImport) {
    const { line, frame } = serverAtImport
    const call = line ? ` (${code(`${line.file}:${line.line}`)}: ${code(line.text.trim())})` : frame ? ` (${code(frame)})` : ''
    return (
      `The app starts its own development server while Gunicorn imports it${call}: the server finds ` +
      `${port ? `port ${port}` : 'its port'} taken (by Gunicorn itself, or a server it started in another worker) and the worker exits.`
    )
  }
  if (notInUse && refusal) {
    const why =
      Number(port) < 1024 ? `port ${port} is below 1024, which only root (or CAP_NET_BIND_SERVICE) may bind` : 'a security policy refuses it'
    return `Gunicorn was refused ${code(address)} (${code(refusal)}): ${why}, and the container runs as another user.`
  }
  if (notInUse) {
    return (
      `Gunicorn could not bind ${code(address)} and kept retrying without reporting the address in use: ` +
      `port ${port} is below 1024, which only root (or CAP_NET_BIND_SERVICE) may bind, and the container runs as another user.`
    )
  }
  const starter = background ? `; ${code(background.file)} starts ${code(background.text.trim())} before it` : ''
  return `Port ${port ?? address} inside the container is already taken, so Gunicorn could not bind ${code(address)}${starter}.`
}

export default defineReason({
  id: 'port-in-use',
  title: 'Port already in use',
  headline: 'port already in use',
  readme:
    'Gunicorn could not bind its address: another process holds the port, a port below 1024 for a user that is not ' +
    "root (`[Errno 13] Permission denied`), or the app's own `app.run()` at import (werkzeug's " +
    '`Port 8000 is in use by another program`), or a socket option the kernel refuses (`SO_REUSEPORT`, Errno 95)',
  fixtures: [{ path: '__fixtures__/apps/fail-port-in-use', test: '__tests__/diagnosis.itg.ts' }],
  rules: [serverStartedAtImport, bindRefused, retriedNotInUse, gaveUpBinding, connectionInUse, addressInUseTraceback, socketOptionRefused],
  words: (facts) => ({
    summary: summary(facts),
    remedy: facts.optionRefused
      ? `Upgrade Gunicorn${facts.optionRefused.option === 'SO_REUSEPORT' ? ` (19.8 and later set ${code('SO_REUSEPORT')} only with ${code('--reuse-port')})` : ''}, ` +
        'or run on a kernel that supports the option.'
      : facts.serverAtImport
        ? `Call ${code('app.run()')} only when the file is run directly: put it under ${code('if __name__ == "__main__":')}, ` +
          'so importing the module (as Gunicorn does) does not start a server.'
        : facts.notInUse
          ? `Bind a port of 1024 or above (e.g. ${code('0.0.0.0:8000')}, published as port ${facts.port} outside), or run Gunicorn as root.`
          : `Make sure nothing else in the container listens on ${facts.port ? `port ${facts.port}` : 'that address'} ` +
            '(a process started by the entrypoint, or the same address bound twice); give the other process its own port.'
  })
})
