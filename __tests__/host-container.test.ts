// The host's stop signal, grace, user and filesystem become the container settings the user left empty, with the
// host file (or the host's documented contract) as their source; an explicit input always wins.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { applyHostContainer } from '../src/hosts/host-container.js'
import { discover } from '../src/setup/discovery.js'
import { parseSettings } from '../src/setup/inputs.js'

const REPOS = path.join(process.cwd(), '__fixtures__', 'repos')

function boot(workspace: string, given: Record<string, string> = {}) {
  const discovery = discover(workspace, (name) => given[name] ?? '')
  const settings = applyHostContainer(parseSettings(discovery.read, workspace), discovery.host, discovery.read, discovery.sources)
  return { settings, sources: discovery.sources }
}

describe('the host fills the container settings', () => {
  it("takes fly.toml's kill_signal and kill_timeout, with fly.toml as their source", () => {
    const { settings, sources } = boot(path.join(REPOS, 'fly-app'))
    expect(settings.stopSignal).toBe('SIGINT')
    expect(settings.stopGraceSec).toBe(5)
    expect(sources['stop-signal']).toBe('fly.toml')
    expect(sources['stop-grace']).toBe('fly.toml')
    // Fly's root is writable: no tmpfs is added.
    expect(settings.readOnly).toBe(false)
    expect(settings.writablePaths).toEqual([])
  })

  it("takes a Deployment's terminationGracePeriodSeconds, and the contract's SIGTERM with its page as source", () => {
    const { settings, sources } = boot(path.join(REPOS, 'k8s-app'))
    expect(settings.stopGraceSec).toBe(20)
    expect(sources['stop-grace']).toBe('Kubernetes manifest')
    expect(settings.stopSignal).toBe('SIGTERM')
    expect(sources['stop-signal']).toBe('host contract')
  })

  it('lets explicit inputs win over the host file', () => {
    const { settings, sources } = boot(path.join(REPOS, 'fly-app'), { 'stop-signal': 'SIGTERM', 'stop-grace': '40' })
    expect(settings.stopSignal).toBe('SIGTERM')
    expect(settings.stopGraceSec).toBe(40)
    expect(sources['stop-signal']).not.toBe('fly.toml')
  })

  it("applies a manifest's read-only root, non-root user and emptyDir at /tmp together", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-k8s-ro-'))
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n')
    fs.writeFileSync(
      path.join(dir, 'deployment.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: api:latest',
        '          ports: [{containerPort: 8000}]',
        '          securityContext: {readOnlyRootFilesystem: true, runAsUser: 10001}',
        '          volumeMounts: [{name: tmp, mountPath: /tmp}]',
        '      volumes: [{name: tmp, emptyDir: {}}]',
        ''
      ].join('\n')
    )
    const { settings, sources } = boot(dir)
    expect(settings.readOnly).toBe(true)
    expect(settings.user).toBe('10001')
    expect(settings.writablePaths).toEqual(['/tmp'])
    expect([sources['read-only'], sources.user, sources['writable-paths']]).toEqual([
      'Kubernetes manifest',
      'Kubernetes manifest',
      'Kubernetes manifest'
    ])
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('changes nothing with host: none', () => {
    const { settings } = boot(path.join(REPOS, 'fly-app'), { host: 'none' })
    expect(settings.stopSignal).toBeUndefined()
    expect(settings.stopGraceSec).toBe(30)
  })
})
