// A stand-in for the Docker engine behind the injectable CommandRunner: it replays a captured Gunicorn log line
// by line (a second of log time becomes a few milliseconds), answers `docker run/port/inspect/wait/rm` the way
// the engine does, and serves the app's HTTP answers from a real server on 127.0.0.1, so the whole smoke run
// can be driven without Docker.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { imageInfoArgs } from '../../src/docker/args.js'
import type { CommandRunner, ExecResult, StreamOptions } from '../../src/docker/docker.js'

export interface FakeApp {
  /** The container's log, as `docker logs` prints it. */
  log: string
  /** The container exits by itself with this code once its log is out; without it, it runs until removed. */
  exitCode?: number
  /** What the app answers on every route once it listens; without it nothing ever listens (connection refused). */
  answer?: { status: number; body: string }
  /** The line of the log after which the app listens (default: the first `Booting worker`). */
  listensAfter?: RegExp
  /** Milliseconds per second of log time (default 40). */
  msPerLogSecond?: number
  /** The image's configuration, as `docker image inspect` gives it. */
  imageConfig?: { WorkingDir?: string; Cmd?: string[]; Entrypoint?: string[] }
  /** `gunicorn --print-config` says this many workers (default: the config cannot be printed). */
  printedWorkers?: number
  /** Milliseconds `--print-config`'s container takes to answer (default at once); `docker rm --force` ends it sooner. */
  printConfigMs?: number
  /** The container stops before `docker port` runs (Gunicorn rejected its configuration at once). */
  stopsBeforePortLookup?: boolean
  /** `docker port` finds nothing although the container runs (an engine problem). */
  publishesNoPort?: boolean
  /** `docker build`: its output and exit code (default: a build that succeeds silently). */
  build?: { output: string[]; exitCode: number }
  /**
   * A WebSocket upgrade breaks the app (a route that ends its worker or the whole server): the connection drops,
   * these lines follow in the log (once), and with `exitCode` the container exits. Without it, an upgrade gets the
   * usual answer.
   */
  upgradeBreaks?: { log: string[]; exitCode?: number }
  /**
   * Log the container wrote before it exited that `docker logs --follow` has not delivered yet when it exits (it
   * lags behind a flood): delivered after the exit, in bursts, until it is out or the container is removed.
   */
  unreadAtExit?: string
}

const CONTAINER_ID = 'f00dcafe0123456789abcdef'
const TIMESTAMP = /^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/

const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '' })
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export { CONTAINER_ID }

export class FakeEngine implements CommandRunner {
  /** Every command, in order, as argument lists. */
  readonly calls: string[][] = []
  private readonly server = http.createServer((request, response) => this.serve(request, response))
  private port = 0
  private running = false
  private removed = false
  private exit?: number
  private exited: Promise<number>
  private markExited: (code: number) => void = () => undefined
  private logStream?: StreamOptions
  /** Ends a print-config container still running, as `docker rm --force` does (its `docker run --rm` returns 137). */
  private killPrintConfig?: () => void
  /** When the container stopped (epoch ms). */
  exitedAt?: number

  constructor(readonly app: FakeApp) {
    this.exited = new Promise((resolve) => (this.markExited = resolve))
    const breaks = app.upgradeBreaks
    if (breaks) {
      let logged = false
      this.server.on('upgrade', (_request: http.IncomingMessage, socket: Duplex) => {
        socket.destroy()
        if (!logged) for (const text of breaks.log) this.logStream?.onStderr?.(text)
        logged = true
        if (breaks.exitCode !== undefined) this.stop(breaks.exitCode)
      })
    }
  }

  /** Reserves the host port Docker would publish on; the server listens there once the app is up. */
  async reservePort(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** The commands whose first argument is `verb`. */
  commands(verb: string): string[][] {
    return this.calls.filter((args) => args[0] === verb)
  }

  async run(args: string[]): Promise<ExecResult> {
    this.calls.push(args)
    switch (args[0]) {
      case 'version':
        return ok('27.3.1\n')
      case 'image': {
        const config = this.app.imageConfig ?? { WorkingDir: '/app', Cmd: ['gunicorn', 'app:app'] }
        // The inspection the run starts with (configuration and size); any other format gets the configuration alone.
        return ok(JSON.stringify(args.includes(imageInfoArgs('')[3]) ? { Config: config } : config))
      }
      case 'run':
        if (args.includes('--rm')) return this.printConfig()
        this.running = true
        return ok(`${CONTAINER_ID}\n`)
      case 'port':
        if (this.app.stopsBeforePortLookup) {
          this.stop(this.app.exitCode ?? 1)
          return { exitCode: 1, stdout: '', stderr: `Error: No public port '8000/tcp' published for ${CONTAINER_ID}\n` }
        }
        if (this.app.publishesNoPort) return { exitCode: 1, stdout: '', stderr: `Error: No public port '8000/tcp' published for ${CONTAINER_ID}\n` }
        return ok(`127.0.0.1:${this.port}\n`)
      case 'wait':
        return ok(`${await this.exited}\n`)
      case 'inspect':
        return ok(JSON.stringify({ Running: this.running, ExitCode: this.exit ?? 0, OOMKilled: false, Status: this.running ? 'running' : 'exited' }))
      case 'events':
        return ok('')
      case 'rm':
        if (args.some((arg) => arg.endsWith('-config'))) this.killPrintConfig?.()
        if (args.includes(CONTAINER_ID)) {
          this.removed = true
          this.stop(137)
        }
        return ok(args.slice(3).join('\n'))
      default:
        throw new Error(`the fake engine does not know \`docker ${args.join(' ')}\``)
    }
  }

  async stream(args: string[], options: StreamOptions): Promise<number> {
    this.calls.push(args)
    if (args[0] === 'build') {
      for (const line of this.app.build?.output ?? []) options.onStdout?.(line)
      return this.app.build?.exitCode ?? 0
    }
    if (args[0] === 'logs') {
      this.logStream = options
      const replayed = this.replay(options)
      await this.exited
      await replayed
      return 0
    }
    throw new Error(`the fake engine does not stream \`docker ${args.join(' ')}\``)
  }

  private async replay(options: StreamOptions): Promise<void> {
    const perSecond = this.app.msPerLogSecond ?? 40
    const listensAfter = this.app.listensAfter ?? /Booting worker/
    let previous: number | undefined
    for (const text of this.app.log.replace(/\n$/, '').split('\n')) {
      const stamp = TIMESTAMP.exec(text)?.[1]
      const at = stamp ? Date.parse(`${stamp.replace(' ', 'T')}Z`) : previous
      if (previous !== undefined && at !== undefined && at > previous) await delay(((at - previous) / 1000) * perSecond)
      previous = at ?? previous
      // A stopped container's log is still printed in full.
      if (!this.running && !this.app.stopsBeforePortLookup) return
      options.onStderr?.(text)
      if (this.app.answer && listensAfter.test(text) && !this.server.listening) await this.listen()
    }
    if (this.app.exitCode === undefined) return
    this.stop(this.app.exitCode)
    const late = this.app.unreadAtExit?.replace(/\n$/, '').split('\n') ?? []
    for (let index = 0; index < late.length; index++) {
      // Removing the container ends the stream wherever it is.
      if (this.removed) return
      options.onStderr?.(late[index])
      if (index % 500 === 499) await delay(1)
    }
  }

  private listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(this.port, '127.0.0.1', resolve))
  }

  private stop(code: number): void {
    if (!this.running) return
    this.running = false
    this.exit = code
    this.exitedAt = Date.now()
    this.server.closeAllConnections()
    this.server.close()
    this.markExited(code)
  }

  private serve(_request: http.IncomingMessage, response: http.ServerResponse): void {
    const answer = this.app.answer!
    response.writeHead(answer.status, { 'Content-Type': 'application/json' })
    response.end(answer.body)
  }

  private async printConfig(): Promise<ExecResult> {
    const ms = this.app.printConfigMs
    if (ms !== undefined) {
      const killed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms)
        this.killPrintConfig = () => (clearTimeout(timer), resolve(true))
      })
      this.killPrintConfig = undefined
      if (killed) return { exitCode: 137, stdout: '', stderr: '' }
    }
    const workers = this.app.printedWorkers
    return workers === undefined ? { exitCode: 1, stdout: '', stderr: 'Error: no config\n' } : ok(`bind = ['0.0.0.0:8000']\nworkers = ${workers}\n`)
  }
}
