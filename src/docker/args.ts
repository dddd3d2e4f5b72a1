// Pure builders of Docker CLI argument lists: what the action asks Docker to do, testable without Docker.
import type { Settings } from '../setup/inputs.js'

export const LABEL = 'io.github.gunicorn-smoke'
export const RUN_LABEL = `${LABEL}.run`

export interface RunIdentity {
  /** Unique per run: names the container and image and labels everything the run creates. */
  runKey: string
  containerName: string
  imageTag: string
}

export function runIdentity(runKey: string): RunIdentity {
  const safe = runKey.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')
  return { runKey: safe, containerName: `gunicorn-smoke-${safe}`, imageTag: `gunicorn-smoke-local:${safe}` }
}

export function buildArgs(settings: Settings, identity: RunIdentity): string[] {
  if (!settings.dockerfile) throw new Error('buildArgs needs a Dockerfile')
  // A layer cache needs Buildx; `--load` puts its result in the engine's images, where the run starts it.
  // Otherwise --force-rm: the legacy builder keeps the intermediate container of a failed step unless told not to.
  const command = usesBuildx(settings) ? ['buildx', 'build', '--load'] : ['build', '--force-rm']
  const args = [...command, '--file', settings.dockerfile, '--tag', identity.imageTag, '--label', `${RUN_LABEL}=${identity.runKey}`]
  for (const [key, value] of settings.buildArgs) args.push('--build-arg', `${key}=${value}`)
  if (settings.target) args.push('--target', settings.target)
  for (const spec of settings.cacheFrom) args.push('--cache-from', spec)
  for (const spec of settings.cacheTo) args.push('--cache-to', spec)
  args.push(settings.context)
  return args
}

/** A throwaway container printing the Python version of an image (labelled, so the post step finds it). */
export function pythonVersionArgs(image: string, identity: RunIdentity): string[] {
  return [
    'run',
    '--rm',
    '--label',
    `${RUN_LABEL}=${identity.runKey}`,
    '--entrypoint',
    'python3',
    image,
    '-c',
    'import platform; print(platform.python_version())'
  ]
}

/** `cache-from` or `cache-to` given: the build goes through `docker buildx build`. */
export function usesBuildx(settings: Pick<Settings, 'cacheFrom' | 'cacheTo'>): boolean {
  return settings.cacheFrom.length > 0 || settings.cacheTo.length > 0
}

/**
 * `docker run` arguments. Secret values never appear in the argument list (visible to every process on the
 * machine): `--env NAME` makes Docker copy the value from its own environment, which runEnvironment() supplies.
 */
export function runArgs(settings: Settings, identity: RunIdentity, image: string): string[] {
  const args = [
    'run',
    '--detach',
    '--name',
    identity.containerName,
    '--label',
    `${LABEL}=1`,
    '--label',
    `${RUN_LABEL}=${identity.runKey}`,
    // Published on 127.0.0.1 only, at a free host port chosen by Docker: no clash between parallel runs, and
    // probes never go through `localhost`, which may resolve to ::1.
    '--publish',
    `127.0.0.1::${settings.port}`,
    // Lets the app reach services the workflow publishes on the runner (GitHub `services:`) on Linux too.
    '--add-host',
    'host.docker.internal:host-gateway',
    '--env',
    `PORT=${settings.port}`
  ]
  for (const [name] of settings.env) args.push('--env', name)
  // A crashing or stuck worker can then print its stack (faulthandler); the user's own value wins.
  if (settings.faulthandler && !settings.env.some(([name]) => name === 'PYTHONFAULTHANDLER')) args.push('--env', 'PYTHONFAULTHANDLER=1')
  if (settings.memory) args.push('--memory', settings.memory)
  if (settings.cpus) args.push('--cpus', settings.cpus)
  if (settings.network) args.push('--network', settings.network)
  if (settings.network && settings.networkAlias) args.push('--network-alias', settings.networkAlias)
  // The host's filesystem and user: a read-only root keeps only the given paths writable, as a tmpfs each.
  if (settings.readOnly) args.push('--read-only')
  for (const writable of settings.writablePaths) args.push('--tmpfs', writable)
  if (settings.user) args.push('--user', settings.user)
  // A Kubernetes `command` replaces the image's ENTRYPOINT: its first word becomes the entrypoint, the rest its arguments.
  const [entrypoint, ...rest] = settings.command ?? []
  if (settings.host?.replacesEntrypoint && entrypoint !== undefined) args.push('--entrypoint', entrypoint, image, ...rest)
  else args.push(image, ...(settings.command ?? []))
  return args
}

/** The values behind `--env NAME`, given to the docker client's own environment. */
export function runEnvironment(settings: Settings): Record<string, string> {
  return Object.fromEntries(settings.env)
}

/** The container's processes with host PIDs, parents and resident memory (KiB), for the boot profile. */
export function topArgs(container: string): string[] {
  return ['top', container, '-eo', 'pid,ppid,rss,args']
}

/** The image's configuration and size, as one JSON object: `{"Config": {…}, "Size": 123}`. */
export function imageInfoArgs(image: string): string[] {
  return ['image', 'inspect', '--format', '{"Config":{{json .Config}},"Size":{{json .Size}}}', image]
}

/** The image's size in bytes. */
export function imageSizeArgs(image: string): string[] {
  return ['image', 'inspect', '--format', '{{.Size}}', image]
}

/** One `docker stats` sample of the container's memory (slow, about 1.5 s: only when its cgroup is out of reach). */
export function memoryStatsArgs(container: string): string[] {
  return ['stats', '--no-stream', '--format', '{{.MemUsage}}', container]
}

/**
 * The ways to send SIGSEGV to a process inside the container (faulthandler then prints its stack), in the
 * order to try them: the shell's builtin `kill` (minimal images have no /bin/kill), then Python itself.
 */
export function stackRequestArgs(container: string, pid: number): { via: string; args: string[] }[] {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`stackRequestArgs needs a process id, got ${pid}`)
  return [
    { via: 'docker exec sh -c kill', args: ['exec', container, 'sh', '-c', `kill -SEGV ${pid}`] },
    { via: 'docker exec python3 os.kill', args: ['exec', container, 'python3', '-c', `import os, signal; os.kill(${pid}, signal.SIGSEGV)`] }
  ]
}

/** Host PIDs of the container's processes, to signal from the host when nothing inside can. */
export function hostPidsArgs(container: string): string[] {
  return ['top', container, '-eo', 'pid']
}

/** The stop signal, sent the way the host sends it (`docker stop` and the hosts' agents signal PID 1). */
export function stopSignalArgs(container: string, signal: string): string[] {
  return ['kill', '--signal', signal, container]
}
