// Kubernetes Deployment/StatefulSet manifests and Cloud Run service.yaml (a Knative Service): the serving
// container's port, probe, memory limit, plain environment, security context and termination grace period.
import fs from 'node:fs'
import path from 'node:path'
import { join as shellJoin } from 'shlex'
import { parseAllDocuments } from 'yaml'
import { findRepoFiles } from '../core/repo-files.js'
import { emptyReading, isRecord, memoryInput, numberOf, stringOf, type HostReading } from './host-reading.js'

/** Beside the usual skips: CI workflows and Helm charts' templates (not plain YAML) are never the app's manifests. */
const ALSO_SKIPPED = ['.github', 'templates']
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet'])

/** Every manifest that deploys the app, repository-relative, shallowest first; Cloud Run services and workloads apart. */
export function findManifests(workspace: string): { cloudRun: string[]; kubernetes: string[] } {
  const found = { cloudRun: [] as string[], kubernetes: [] as string[] }
  for (const file of yamlFiles(workspace)) {
    for (const document of manifestDocuments(workspace, file)) {
      if (isCloudRunService(document)) found.cloudRun.push(file)
      else if (WORKLOAD_KINDS.has(String(document.kind))) found.kubernetes.push(file)
    }
  }
  return { cloudRun: [...new Set(found.cloudRun)], kubernetes: [...new Set(found.kubernetes)] }
}

/** What the first serving container of the manifest's first workload says. */
export function readManifest(workspace: string, file: string, host: 'kubernetes' | 'cloud-run'): HostReading {
  const reading = emptyReading(host, file)
  const document = manifestDocuments(workspace, file).find((d) => (host === 'cloud-run' ? isCloudRunService(d) : WORKLOAD_KINDS.has(String(d.kind))))
  const podSpec = podSpecOf(document)
  const container = Array.isArray(podSpec?.containers) ? podSpec.containers.find(isRecord) : undefined
  if (!podSpec || !container) return reading
  const port = Array.isArray(container.ports) ? numberOf(container.ports.find(isRecord)?.containerPort) : undefined
  if (port !== undefined) reading.found.port = String(port)
  applyProbe(reading, container)
  const limits = isRecord(container.resources) && isRecord(container.resources.limits) ? container.resources.limits : {}
  const memory = quantityMiB(limits.memory)
  if (memory !== undefined) reading.found.memory = memoryInput(memory)
  applyEnv(reading, container.env)
  applyCommand(reading, container)
  applySecurity(reading, podSpec, container)
  const grace = numberOf(podSpec.terminationGracePeriodSeconds)
  if (grace !== undefined) reading.shutdown.graceSeconds = grace
  return reading
}

function yamlFiles(root: string): string[] {
  return findRepoFiles(root, { include: (name) => /\.ya?ml$/.test(name), alsoSkip: ALSO_SKIPPED })
}

/** The YAML documents of a file that look like Kubernetes objects; a file that does not parse (a Helm template) is none. */
function manifestDocuments(workspace: string, file: string): Array<Record<string, unknown>> {
  let text: string
  try {
    text = fs.readFileSync(path.join(workspace, file), 'utf8')
  } catch {
    return []
  }
  if (!/^\s*kind\s*:/m.test(text)) return []
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents) || documents.some((d) => d.errors.length > 0)) return []
  return documents
    .map((d) => d.toJS() as unknown)
    .filter(isRecord)
    .filter((d) => typeof d.apiVersion === 'string' && typeof d.kind === 'string')
}

function isCloudRunService(document: Record<string, unknown>): boolean {
  return String(document.apiVersion).startsWith('serving.knative.dev/') && document.kind === 'Service'
}

/** Deployment/StatefulSet: spec.template.spec; Knative Service: spec.template.spec too. */
function podSpecOf(document: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const spec = isRecord(document?.spec) ? document.spec : undefined
  const template = isRecord(spec?.template) ? spec.template : undefined
  return isRecord(template?.spec) ? template.spec : undefined
}

/** The startup probe, else the readiness probe: its HTTP path, and the time it allows before it gives up. */
function applyProbe(reading: HostReading, container: Record<string, unknown>): void {
  const probe = [container.startupProbe, container.readinessProbe].find((p) => isRecord(p) && isRecord(p.httpGet))
  if (!isRecord(probe) || !isRecord(probe.httpGet)) return
  const probePath = stringOf(probe.httpGet.path)
  if (probePath) reading.found['health-path'] = probePath
  if (probe !== container.startupProbe) return
  // Kubernetes defaults: periodSeconds 10, failureThreshold 3, initialDelaySeconds 0.
  const period = numberOf(probe.periodSeconds) ?? 10
  const failures = numberOf(probe.failureThreshold) ?? 3
  reading.found.timeout = String((numberOf(probe.initialDelaySeconds) ?? 0) + period * failures)
}

function applyEnv(reading: HostReading, env: unknown): void {
  if (!Array.isArray(env)) return
  for (const entry of env.filter(isRecord)) {
    const name = stringOf(entry.name)
    if (!name) continue
    if (entry.value !== undefined && entry.value !== null && typeof entry.value !== 'object') reading.env.push([name, String(entry.value)])
    else if (entry.valueFrom) reading.hostFilledEnv.push(name)
  }
}

/**
 * The container's `command` replaces the image's ENTRYPOINT and `args` its CMD, as the kubelet starts it (`args`
 * alone keep the ENTRYPOINT). `$(NAME)` is the manifest's own variable, expanded by Kubernetes, not by a shell;
 * `$$` escapes it, and a name the container does not define stays as written.
 */
function applyCommand(reading: HostReading, container: Record<string, unknown>): void {
  const words = (value: unknown): string[] | undefined => (Array.isArray(value) && value.length > 0 ? value.map(String) : undefined)
  const command = words(container.command)
  const args = words(container.args)
  if (!command && !args) return
  const defined = new Map(reading.env)
  const expand = (word: string): string =>
    word.replace(/\$(\$|\(([A-Za-z_][A-Za-z0-9_.-]*)\))/g, (whole, _x, name?: string) => (name === undefined ? '$' : (defined.get(name) ?? whole)))
  reading.found.command = shellJoin([...(command ?? []), ...(args ?? [])].map(expand))
  if (command) reading.replacesEntrypoint = true
}

/** runAsUser/runAsGroup (the container's over the pod's), readOnlyRootFilesystem, and the emptyDir volumes mounted. */
function applySecurity(reading: HostReading, podSpec: Record<string, unknown>, container: Record<string, unknown>): void {
  const pod = isRecord(podSpec.securityContext) ? podSpec.securityContext : {}
  const own = isRecord(container.securityContext) ? container.securityContext : {}
  const user = numberOf(own.runAsUser) ?? numberOf(pod.runAsUser)
  const group = numberOf(own.runAsGroup) ?? numberOf(pod.runAsGroup)
  if (user !== undefined) reading.shutdown.user = group !== undefined ? `${user}:${group}` : String(user)
  if (typeof own.readOnlyRootFilesystem === 'boolean') reading.shutdown.readOnlyRoot = own.readOnlyRootFilesystem
  const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes.filter(isRecord) : []
  const emptyDirs = new Set(volumes.filter((v) => v.emptyDir !== undefined).map((v) => String(v.name)))
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts.filter(isRecord) : []
  const writable = mounts.filter((m) => emptyDirs.has(String(m.name))).map((m) => stringOf(m.mountPath))
  if (reading.shutdown.readOnlyRoot) reading.shutdown.writablePaths = writable.filter((p): p is string => Boolean(p))
}

/** A Kubernetes memory quantity (`512Mi`, `1Gi`, `256M`, `1G`, bytes) in MiB. */
export function quantityMiB(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : stringOf(value)
  const match = text?.match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/)
  if (!match) return undefined
  const bytes: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }
  const mib = (Number(match[1]) * (match[2] ? bytes[match[2]] : 1)) / 2 ** 20
  return Math.max(4, Math.round(mib))
}
