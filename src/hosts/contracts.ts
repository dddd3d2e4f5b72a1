// What each host does to a container, as its own documentation says: the PORT it sets, the memory of its
// smallest or default instance, how long it waits for the app and what it asks, how it stops the container, as
// which user and on which filesystem. One row per host, each number with the page it comes from; a field the
// documentation does not give is absent (docs/hosts.md shows the same table, "not documented" where absent).

export const HOST_IDS = ['render', 'heroku', 'cloud-run', 'fly', 'railway', 'kubernetes'] as const
export type HostId = (typeof HOST_IDS)[number]

/** A documented value and the page that documents it. */
export interface Sourced<T> {
  value: T
  source: string
}

export interface HostContract {
  id: HostId
  /** The host's own name, for sentences. */
  name: string
  /**
   * The PORT the host puts in the environment: a number when the documentation gives its default, `assigned`
   * when the host picks one of its own choosing (the app must read it), absent when the host sets none.
   */
  port?: Sourced<number | 'assigned'>
  /** The smallest or default instance's memory, in MiB. */
  memoryMiB?: Sourced<number>
  /** How long the host waits for the app to be up (bind or health check) before it gives up, in seconds. */
  bootDeadlineSeconds?: Sourced<number>
  /** What the host asks before it sends traffic. */
  healthCheck: Sourced<string>
  /** The signal that asks the container to stop (the shutdown check sends it). */
  stopSignal: Sourced<'SIGTERM' | 'SIGINT'>
  /** Seconds between the stop signal and SIGKILL. */
  graceSeconds?: Sourced<number>
  /** Whether the root filesystem is read-only by default. */
  readOnlyRoot: Sourced<boolean>
  /** The user the container runs as, when the host decides it (else the image's USER). */
  user?: Sourced<string>
  /** Paths the host keeps writable on a read-only root (none: the image's own filesystem is writable). */
  writablePaths: Sourced<string[]>
  /** The host's own words when nothing listens on its PORT (its log line), quoted in the port reason. */
  portFailureWords?: Sourced<string>
}

const RENDER_WEB = 'https://render.com/docs/web-services#port-binding'
const RENDER_HEALTH = 'https://render.com/docs/health-checks'
const RENDER_DEPLOYS = 'https://render.com/docs/deploys#zero-downtime-deploys'
const RENDER_TROUBLESHOOTING = 'https://render.com/docs/troubleshooting-deploys'
const HEROKU_R10 = 'https://help.heroku.com/W5ETWBQB/why-is-my-app-crashing-with-an-r10-error'
const HEROKU_SHUTDOWN = 'https://devcenter.heroku.com/articles/dyno-shutdown-behavior'
const HEROKU_MEMORY = 'https://help.heroku.com/Q386NUGG/how-can-i-determine-the-memory-limit-of-a-dyno'
const HEROKU_ERROR_CODES = 'https://devcenter.heroku.com/articles/error-codes#r10-boot-timeout'
const HEROKU_RUNTIME = 'https://devcenter.heroku.com/articles/dynos#local-environment-variables'
const CLOUD_RUN_CONTRACT = 'https://cloud.google.com/run/docs/container-contract'
const CLOUD_RUN_MEMORY = 'https://cloud.google.com/run/docs/configuring/services/memory-limits'
const CLOUD_RUN_HEALTH = 'https://cloud.google.com/run/docs/configuring/healthchecks'
const CLOUD_RUN_TROUBLESHOOTING = 'https://cloud.google.com/run/docs/troubleshooting#container-failed-to-start'
const FLY_CONFIG = 'https://fly.io/docs/reference/configuration/'
const FLY_EXITS = 'https://fly.io/blog/graceful-vm-exits-some-dials/'
const FLY_SIZING = 'https://fly.io/docs/machines/guides-examples/machine-sizing/'
const RAILWAY_HEALTH = 'https://docs.railway.com/reference/healthchecks'
const RAILWAY_TEARDOWN = 'https://docs.railway.com/guides/deployment-teardown'
const K8S_POD = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/'
const K8S_PROBES = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'
const K8S_SECURITY = 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'

export const HOST_CONTRACTS: Readonly<Record<HostId, HostContract>> = {
  render: {
    id: 'render',
    name: 'Render',
    port: { value: 10000, source: RENDER_WEB },
    healthCheck: { value: 'GET healthCheckPath answers 2xx or 3xx within 5 s; else the port must be open', source: RENDER_HEALTH },
    stopSignal: { value: 'SIGTERM', source: RENDER_DEPLOYS },
    graceSeconds: { value: 30, source: RENDER_DEPLOYS },
    readOnlyRoot: { value: false, source: RENDER_WEB },
    writablePaths: { value: [], source: RENDER_WEB },
    portFailureWords: { value: 'No open ports detected', source: RENDER_TROUBLESHOOTING }
  },
  heroku: {
    id: 'heroku',
    name: 'Heroku',
    port: { value: 'assigned', source: HEROKU_RUNTIME },
    memoryMiB: { value: 512, source: HEROKU_MEMORY },
    bootDeadlineSeconds: { value: 60, source: HEROKU_R10 },
    healthCheck: { value: 'the web process binds $PORT (no HTTP check)', source: HEROKU_R10 },
    stopSignal: { value: 'SIGTERM', source: HEROKU_SHUTDOWN },
    graceSeconds: { value: 30, source: HEROKU_SHUTDOWN },
    readOnlyRoot: { value: false, source: HEROKU_RUNTIME },
    writablePaths: { value: [], source: HEROKU_RUNTIME },
    portFailureWords: {
      value: 'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
      source: HEROKU_ERROR_CODES
    }
  },
  'cloud-run': {
    id: 'cloud-run',
    name: 'Cloud Run',
    port: { value: 8080, source: CLOUD_RUN_CONTRACT },
    memoryMiB: { value: 512, source: CLOUD_RUN_MEMORY },
    healthCheck: { value: 'a TCP startup probe on PORT unless a startupProbe is configured', source: CLOUD_RUN_HEALTH },
    stopSignal: { value: 'SIGTERM', source: CLOUD_RUN_CONTRACT },
    graceSeconds: { value: 10, source: CLOUD_RUN_CONTRACT },
    readOnlyRoot: { value: false, source: CLOUD_RUN_CONTRACT },
    writablePaths: { value: [], source: CLOUD_RUN_CONTRACT },
    // The troubleshooting page's words; gcloud prints them as "The user-provided container failed to start and listen on
    // the port defined provided by the PORT=8080 environment variable".
    portFailureWords: {
      value: 'Container failed to start. Failed to start and then listen on the port defined by the PORT environment variable',
      source: CLOUD_RUN_TROUBLESHOOTING
    }
  },
  fly: {
    id: 'fly',
    name: 'Fly.io',
    memoryMiB: { value: 256, source: FLY_SIZING },
    healthCheck: { value: 'the checks of fly.toml; the proxy connects to internal_port', source: FLY_CONFIG },
    stopSignal: { value: 'SIGINT', source: FLY_EXITS },
    graceSeconds: { value: 5, source: FLY_EXITS },
    readOnlyRoot: { value: false, source: FLY_CONFIG },
    writablePaths: { value: [], source: FLY_CONFIG }
  },
  railway: {
    id: 'railway',
    name: 'Railway',
    port: { value: 'assigned', source: RAILWAY_HEALTH },
    bootDeadlineSeconds: { value: 300, source: RAILWAY_HEALTH },
    healthCheck: { value: 'GET healthcheckPath answers 200 (only at deploy time)', source: RAILWAY_HEALTH },
    stopSignal: { value: 'SIGTERM', source: RAILWAY_TEARDOWN },
    readOnlyRoot: { value: false, source: RAILWAY_HEALTH },
    writablePaths: { value: [], source: RAILWAY_HEALTH }
  },
  kubernetes: {
    id: 'kubernetes',
    name: 'Kubernetes',
    healthCheck: { value: 'the readinessProbe/startupProbe of the manifest (none: ready when the container runs)', source: K8S_PROBES },
    stopSignal: { value: 'SIGTERM', source: K8S_POD },
    graceSeconds: { value: 30, source: K8S_POD },
    readOnlyRoot: { value: false, source: K8S_SECURITY },
    writablePaths: { value: [], source: K8S_SECURITY }
  }
}

/**
 * The PORT the run gives the container on a host that assigns one of its own choosing: a value no app has
 * hard-coded by accident (not 8000, 8080 or 5000), so an app that ignores PORT fails here as it will there.
 */
export const ASSIGNED_PORT = 27510

/** The PORT value the run sets for this host, when the host sets one. */
export function hostPort(contract: HostContract): number | undefined {
  const port = contract.port?.value
  return port === 'assigned' ? ASSIGNED_PORT : port
}
