// The host files as real repositories write them, read into the action's settings; the contract table's shape.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeSources, discover } from '../src/setup/discovery.js'
import { parseSettings } from '../src/setup/inputs.js'
import { HOST_CONTRACTS, HOST_IDS } from '../src/hosts/contracts.js'
import { healthcheckPath } from '../src/hosts/dockerfile-healthcheck.js'
import { durationSeconds } from '../src/hosts/host-reading.js'
import { quantityMiB } from '../src/hosts/manifests.js'
import { runArgs, runIdentity } from '../src/docker/args.js'
import { startCommand } from '../src/setup/effective-config.js'
import hostPortIgnored from '../src/diagnosis/reasons/host-port-ignored.js'
import { hostEnvWarnings } from '../src/smoke/report.js'
import { ROOT } from './helpers/run-action.js'

const reader =
  (inputs: Record<string, string> = {}) =>
  (name: string): string =>
    inputs[name] ?? ''

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-hosts-'))
  for (const [name, text] of Object.entries({ Dockerfile: 'FROM python:3.12-slim\n', ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

function settled(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = repo(files)
  const discovery = discover(dir, reader(inputs))
  const settings = { ...parseSettings(discovery.read, dir), host: discovery.host }
  return { discovery, settings, log: describeSources(settings, discovery.sources) }
}

function errorOf(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

const FLY_LEGACY = `app = "tasklite"
kill_signal = "SIGTERM"
kill_timeout = 30

[env]
  PORT = "8081"

[[services]]
  internal_port = 8081
  processes = ["web"]
  protocol = "tcp"

  [[services.http_checks]]
    grace_period = "45s"
    path = "/status"

[processes]
  web = "gunicorn -w 3 app:app"
  worker = "celery -A app worker"

[[vm]]
  size = "shared-cpu-2x"
`

describe('fly.toml', () => {
  it('reads a [[services]] file with http_checks, a named process, PORT in [env] and a VM preset', () => {
    const { settings, discovery, log } = settled({ 'fly.toml': FLY_LEGACY })
    expect(settings.port).toBe(8081)
    expect(settings.healthPath).toBe('/status')
    expect(settings.timeoutSec).toBe(45)
    expect(settings.command).toEqual(['gunicorn', '-w', '3', 'app:app'])
    expect(settings.memory).toBe('512m')
    // PORT is the port, not an extra variable.
    expect(settings.env).toEqual([])
    expect(settings.host).toMatchObject({ id: 'fly', stopSignal: { value: 'SIGTERM', source: 'fly.toml' }, graceSeconds: { value: 30 } })
    expect(discovery.sources).toMatchObject({ port: 'fly.toml', command: 'fly.toml', memory: 'fly.toml' })
    expect(log).toContain('  stop: SIGTERM [fly.toml], then 30 s [fly.toml]')
  })

  it("without kill_signal the stop is Fly's documented SIGINT after 5 s; explicit inputs win over the file", () => {
    const { settings, discovery } = settled({ 'fly.toml': '[http_service]\ninternal_port = 3000\n' }, { port: '9000' })
    expect(settings.port).toBe(9000)
    expect(discovery.sources.port).toBe('input')
    expect(settings.host?.stopSignal).toEqual(HOST_CONTRACTS.fly.stopSignal)
    expect(settings.host?.graceSeconds?.value).toBe(5)
  })

  it('a syntax error is one sentence naming the file and line', () => {
    expect(errorOf(() => settled({ 'fly.toml': 'app = "x"\n[http_service\n' })).message).toMatch(/^fly\.toml line 2 is not valid TOML: /)
  })
})

describe('railway', () => {
  it('railway.toml [deploy] gives the start command, the health check and its timeout; PORT is assigned', () => {
    const toml = '[build]\nbuilder = "DOCKERFILE"\n\n[deploy]\nstartCommand = "gunicorn app:app"\nhealthcheckPath = "/up"\nhealthcheckTimeout = 100\n'
    const { settings, discovery } = settled({ 'railway.toml': toml })
    expect(settings.command).toEqual(['gunicorn', 'app:app'])
    expect(settings.healthPath).toBe('/up')
    expect(settings.timeoutSec).toBe(100)
    expect(settings.port).toBe(27510)
    expect(discovery.sources).toMatchObject({ command: 'railway.toml', port: 'host contract' })
  })

  it('with no healthcheckTimeout the contract deadline (300 s) is longer than the default, so the default stays', () => {
    const { settings, discovery } = settled({ 'railway.json': '{"deploy": {"healthcheckPath": "/up"}}' })
    expect(settings.timeoutSec).toBe(60)
    expect(discovery.sources.timeout).toBeUndefined()
  })
})

describe('heroku.yml and app.json', () => {
  it('the web command runs through a shell ($PORT expands), the dyno size gives the memory, required config vars are host-filled', () => {
    const manifest = 'build:\n  docker:\n    web: Dockerfile\nrun:\n  web: gunicorn --bind 0.0.0.0:$PORT app:app\n'
    const app = JSON.stringify({ env: { APP_ENV: { value: 'review' }, SECRET_KEY: { required: true } }, formation: { web: { size: 'standard-2x' } } })
    const { settings, discovery } = settled({ 'heroku.yml': manifest, 'app.json': app })
    expect(settings.command).toEqual(['sh', '-c', 'gunicorn --bind 0.0.0.0:$PORT app:app'])
    expect(settings.memory).toBe('1g')
    expect(settings.timeoutSec).toBe(60)
    expect(settings.env).toEqual([['APP_ENV', 'review']])
    expect(discovery.sources).toMatchObject({
      command: 'heroku.yml',
      memory: 'app.json',
      env: 'app.json',
      port: 'host contract',
      timeout: 'host contract'
    })
  })
})

const CLOUD_RUN = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - image: us-docker.pkg.dev/project/api
          ports:
            - containerPort: 9090
          resources:
            limits:
              memory: 1Gi
          startupProbe:
            httpGet:
              path: /ready
            initialDelaySeconds: 5
            periodSeconds: 2
            failureThreshold: 10
`

const READ_ONLY_DEPLOYMENT = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: api}
spec:
  template:
    spec:
      securityContext: {runAsUser: 10001, runAsGroup: 10001}
      containers:
        - name: api
          securityContext: {readOnlyRootFilesystem: true}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
            - {name: config, mountPath: /etc/app}
      volumes:
        - {name: tmp, emptyDir: {}}
        - {name: config, configMap: {name: api}}
`

describe('manifests', () => {
  it('a Cloud Run service.yaml: containerPort is the PORT, the startup probe its path and time, the memory limit', () => {
    const { settings, discovery } = settled({ 'service.yaml': CLOUD_RUN })
    expect(settings.host?.id).toBe('cloud-run')
    expect(settings.port).toBe(9090)
    expect(settings.healthPath).toBe('/ready')
    expect(settings.timeoutSec).toBe(25)
    expect(settings.memory).toBe('1g')
    expect(discovery.sources.port).toBe('Cloud Run service')
    expect(settings.host?.graceSeconds?.value).toBe(10)
  })

  it('a read-only StatefulSet: the user, the read-only root and the emptyDir at /tmp as the only writable path', () => {
    const { settings } = settled({ 'k8s/api.yml': READ_ONLY_DEPLOYMENT })
    expect(settings.host).toMatchObject({
      id: 'kubernetes',
      file: 'k8s/api.yml',
      user: { value: '10001:10001', source: 'k8s/api.yml' },
      readOnlyRoot: { value: true, source: 'k8s/api.yml' },
      writablePaths: { value: ['/tmp'], source: 'k8s/api.yml' }
    })
    // Kubernetes sets no PORT: the default stays.
    expect(settings.port).toBe(8000)
  })

  it('variables the manifest takes from a Secret are the host-filled ones, named in the warning with the file', () => {
    const deployment = fs.readFileSync(path.join(ROOT, '__fixtures__/repos/k8s-app/deploy/k8s/deployment.yaml'), 'utf8')
    const { discovery, settings } = settled({ 'deploy/k8s/deployment.yaml': deployment })
    expect(discovery.hostFilledEnv).toEqual(['DATABASE_URL'])
    expect(hostEnvWarnings(settings, discovery.hostFilledEnv)).toEqual([
      'deploy/k8s/deployment.yaml leaves `DATABASE_URL` for the host to fill: set them with the `env` input if the app needs them at boot.'
    ])
  })

  it("the Deployment's command and args are the start command: command replaces the ENTRYPOINT, $(PORT) comes from env", () => {
    const deployment = fs.readFileSync(path.join(ROOT, '__fixtures__/repos/k8s-app/deploy/k8s/deployment.yaml'), 'utf8')
    const { settings, discovery, log } = settled({ 'deploy/k8s/deployment.yaml': deployment })
    const argv = ['gunicorn', '--config', 'gunicorn.conf.py', '--bind', '0.0.0.0:8000', '--access-logfile', '-', 'app:app']
    expect(settings.command).toEqual(argv)
    expect(discovery.sources.command).toBe('Kubernetes manifest')
    expect(log).toContain('  command: gunicorn --config gunicorn.conf.py --bind 0.0.0.0:8000 --access-logfile - app:app [Kubernetes manifest]')
    // The image's ENTRYPOINT ["gunicorn"] does not run in front of it, as on the cluster.
    const args = runArgs(settings, runIdentity('k8s'), 'img')
    expect(args.slice(args.indexOf('--entrypoint'))).toEqual(['--entrypoint', 'gunicorn', 'img', ...argv.slice(1)])
    expect(startCommand(settings, { entrypoint: ['gunicorn'], cmd: ['--config', 'gunicorn.conf.py', 'app:app'] } as never)).toEqual(argv)
  })

  it('args alone replace the CMD after the image ENTRYPOINT; $$( escapes, an undefined $(NAME) stays as written', () => {
    const manifest = (container: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - ${container}\n`
    const argsOnly = settled({ 'k8s/api.yaml': manifest('{name: api, args: ["app:app", "--workers", "$(WORKERS)", "--name", "$$(HOME)"]}') })
    expect(argsOnly.settings.command).toEqual(['app:app', '--workers', '$(WORKERS)', '--name', '$(HOME)'])
    const args = runArgs(argsOnly.settings, runIdentity('k8s'), 'img')
    expect(args).not.toContain('--entrypoint')
    expect(args.slice(args.indexOf('img'))).toEqual(['img', 'app:app', '--workers', '$(WORKERS)', '--name', '$(HOME)'])
    const shell = settled({ 'k8s/api.yaml': manifest('{name: api, command: ["/bin/sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT app:app"]}') })
    expect(shell.settings.command).toEqual(['/bin/sh', '-c', 'exec gunicorn --bind 0.0.0.0:$PORT app:app'])
    // A Cloud Run service.yaml's container is read the same way.
    const cloudRun = settled({
      'service.yaml': CLOUD_RUN.replace('        - image:', '        - args: ["--workers", "2", "app:app"]\n          image:')
    })
    expect(cloudRun.settings.host?.id).toBe('cloud-run')
    expect(cloudRun.settings.command).toEqual(['--workers', '2', 'app:app'])
    expect(cloudRun.discovery.sources.command).toBe('Cloud Run service')
  })

  it("the command input wins over the manifest's, and then replaces only the CMD", () => {
    const deployment = fs.readFileSync(path.join(ROOT, '__fixtures__/repos/k8s-app/deploy/k8s/deployment.yaml'), 'utf8')
    const { settings, discovery } = settled({ 'deploy/k8s/deployment.yaml': deployment }, { command: '--workers 2 app:app' })
    expect(settings.command).toEqual(['--workers', '2', 'app:app'])
    expect(discovery.sources.command).toBe('input')
    expect(settings.host?.replacesEntrypoint).toBeUndefined()
    expect(runArgs(settings, runIdentity('k8s'), 'img')).not.toContain('--entrypoint')
  })

  it('Helm templates and YAML that is not a workload are not candidates', () => {
    const { settings } = settled({ 'chart/templates/deploy.yaml': 'kind: Deployment\n{{ .Values.x }}\n', '.github/workflows/ci.yml': 'on: push\n' })
    expect(settings.host).toBeUndefined()
  })
})

describe('choosing the host', () => {
  it('several host files: the first is used and one sentence says how to pick another', () => {
    const { discovery, settings } = settled({ 'fly.toml': '[http_service]\ninternal_port = 8080\n', 'k8s/api.yml': READ_ONLY_DEPLOYMENT })
    expect(settings.host?.id).toBe('fly')
    expect(discovery.notes).toContain(
      "Host: Fly.io, from fly.toml. The repository also has k8s/api.yml (kubernetes): set the input 'host' to boot like another host, or 'none' to boot without one."
    )
  })

  it("'none' boots as without a host; an explicit host without its file uses the contract", () => {
    const none = settled({ 'fly.toml': '[http_service]\ninternal_port = 3000\n' }, { host: 'none' })
    expect(none.settings.host).toBeUndefined()
    expect(none.settings.port).toBe(8000)
    expect(none.discovery.sources.port).toBeUndefined()
    const render = settled({}, { host: 'render' })
    expect(render.settings.port).toBe(10000)
    expect(render.discovery.notes[0]).toBe("Host: Render (the input 'host'; no Render file in the repository, so its documented defaults apply).")
  })

  it('rejects an unknown host in one sentence before anything runs', () => {
    expect(errorOf(() => settled({}, { host: 'vercel' })).message).toBe(
      "The input 'host' must be one of 'auto', 'render', 'heroku', 'cloud-run', 'fly', 'railway', 'kubernetes', 'none', got 'vercel'."
    )
  })
})

describe('the Dockerfile HEALTHCHECK', () => {
  it('gives the health path when nothing else does', () => {
    const dockerfile =
      'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -fsS http://localhost:${PORT}/api/health?full=1 || exit 1\nCMD ["gunicorn"]\n'
    const { settings, discovery } = settled({ Dockerfile: dockerfile })
    expect(settings.healthPath).toBe('/api/health')
    expect(discovery.sources['health-path']).toBe('Dockerfile')
    expect(discovery.notes).toContain('Dockerfile line 2: HEALTHCHECK asks /api/health, so the health path is /api/health.')
  })

  it('reads wget and python lines, ignores NONE and checks without a URL', () => {
    expect(healthcheckPath('HEALTHCHECK CMD wget -qO- http://127.0.0.1:8000/healthz\n')?.path).toBe('/healthz')
    expect(
      healthcheckPath('HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/ping\')"]\n')?.path
    ).toBe('/ping')
    expect(healthcheckPath('HEALTHCHECK NONE\n')).toBeUndefined()
    expect(healthcheckPath('HEALTHCHECK CMD pg_isready\n')).toBeUndefined()
  })
})

describe('values as hosts write them', () => {
  it('durations and memory quantities', () => {
    expect([durationSeconds('10s'), durationSeconds('1m30s'), durationSeconds(5), durationSeconds('soon')]).toEqual([10, 90, 5, undefined])
    expect([quantityMiB('512Mi'), quantityMiB('1Gi'), quantityMiB('256M'), quantityMiB('lots')]).toEqual([512, 1024, 244, undefined])
  })
})

describe('the contract table', () => {
  it('has one row per host, and every documented value names an https page', () => {
    expect(Object.keys(HOST_CONTRACTS).sort()).toEqual([...HOST_IDS].sort())
    for (const contract of Object.values(HOST_CONTRACTS)) {
      const sourced = Object.values(contract).filter(
        (v): v is { value: unknown; source: string } => typeof v === 'object' && v !== null && 'source' in v
      )
      expect(sourced.length).toBeGreaterThan(3)
      for (const field of sourced) expect(field.source).toMatch(/^https:\/\/[a-z.]+\//)
    }
  })
})

describe('host-port-ignored words', () => {
  const base = { host: 'Render', port: 10000, assigned: false, hostWords: 'No open ports detected' }

  it('a loopback bind set on the Procfile line: inside the container only, and the shell expands $PORT there', () => {
    const words = hostPortIgnored.words({
      ...base,
      binds: ['127.0.0.1:10000'],
      loopback: true,
      setBy: { file: 'Procfile', line: 1, kind: 'procfile' }
    })
    expect(words.summary).toBe(
      'Gunicorn listens on `127.0.0.1:10000` (set in `Procfile:1`), inside the container only, but Render sends requests to the port in `PORT` (10000): ' +
        'there the deploy fails with “No open ports detected”.'
    )
    expect(words.remedy).toBe('In `Procfile`, bind to `0.0.0.0:$PORT` (the host runs the line through a shell, which expands it).')
  })

  it('a port fixed in an exec-form CMD on a host that picks the port: drop the bind or use the shell form', () => {
    const facts = {
      host: 'Heroku',
      port: 27510,
      assigned: true,
      binds: ['0.0.0.0:5000'],
      loopback: false,
      setBy: { file: 'Dockerfile', line: 9, kind: 'command' as const }
    }
    const words = hostPortIgnored.words(facts)
    expect(words.summary).toBe(
      'Gunicorn listens on `0.0.0.0:5000` (set in `Dockerfile:9`) but Heroku picks the port itself and passes it in `PORT` (here 27510).'
    )
    expect(words.remedy).toMatch(/^Drop the bind from `Dockerfile` line 9 \(Gunicorn binds `0\.0\.0\.0:\$PORT` by itself/)
  })
})
