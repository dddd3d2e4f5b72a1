// Every reason the action can give, in the one order their rules are tried: the first rule (of the run's stage)
// that recognises the run explains it. Causes come before the symptoms they produce: a native crash explains the
// import errors after it, a missing variable the workers that fail to boot, which fail the health check. The
// catch-alls close their stage: `build-failed` for the build, `unknown` for the booted run.
import type { Reason } from './reason.js'
import lockFileOutdated from './reasons/lock-file-outdated.js'
import installerMissing from './reasons/installer-missing.js'
import dependencyConflict from './reasons/dependency-conflict.js'
import unpinnedHashedRequirement from './reasons/unpinned-hashed-requirement.js'
import packageNotFound from './reasons/package-not-found.js'
import nativeBuildFailed from './reasons/native-build-failed.js'
import aptPackageNotFound from './reasons/apt-package-not-found.js'
import buildFileMissing from './reasons/build-file-missing.js'
import buildFailed from './reasons/build-failed.js'
import venvUnusable from './reasons/venv-unusable.js'
import startScriptUnrunnable from './reasons/start-script-unrunnable.js'
import nativeCrash from './reasons/native-crash.js'
import workerClassUnavailable from './reasons/worker-class-unavailable.js'
import configError from './reasons/config-error.js'
import portInUse from './reasons/port-in-use.js'
import appNotFound from './reasons/app-not-found.js'
import syntaxError from './reasons/syntax-error.js'
import missingEnv from './reasons/missing-env.js'
import databaseUnreachable from './reasons/database-unreachable.js'
import missingDependency from './reasons/missing-dependency.js'
import importError from './reasons/import-error.js'
import outOfMemory from './reasons/out-of-memory.js'
import workerHang from './reasons/worker-hang.js'
import workerTimeout from './reasons/worker-timeout.js'
import crashLoop from './reasons/crash-loop.js'
import asgiUnderWsgi from './reasons/asgi-under-wsgi.js'
import disallowedHost from './reasons/disallowed-host.js'
import noStartCommand from './reasons/no-start-command.js'
import bootTimeout from './reasons/boot-timeout.js'
import hostPortIgnored from './reasons/host-port-ignored.js'
import websocketFailed from './reasons/websocket-failed.js'
import healthCheckFailed from './reasons/health-check-failed.js'
import profileRegression from './reasons/profile-regression.js'
import unknown from './reasons/unknown.js'
import dependencyFailed from './reasons/dependency-failed.js'
import signalNotForwarded from './reasons/signal-not-forwarded.js'
import readOnlyFilesystem from './reasons/read-only-filesystem.js'

export const REASONS = [
  // The build: the installer's own refusals (a stale lock file, no installer in the stage) come before the
  // resolver's verdicts they cause; then pip's, uv's, Poetry's and apt's causes, a missing file, the failing step.
  lockFileOutdated,
  installerMissing,
  dependencyConflict,
  packageNotFound,
  unpinnedHashedRequirement,
  nativeBuildFailed,
  aptPackageNotFound,
  buildFileMissing,
  buildFailed,
  // A compose dependency that did not start: the app was never started.
  dependencyFailed,
  // A container that never started because its virtualenv is not in the final stage: before the generic start rules.
  venvUnusable,
  // A start script the kernel refused: the one line runc or the shell printed, before any structural reading.
  startScriptUnrunnable,
  // The booted run (and a container that never started): evidence in the log first.
  // A healthy run stopped with the host's signal that PID 1 kept: decided by the shutdown check alone.
  signalNotForwarded,
  nativeCrash,
  // A write the filesystem refused explains the worker (or master) that failed to boot.
  readOnlyFilesystem,
  workerClassUnavailable,
  configError,
  portInUse,
  appNotFound,
  syntaxError,
  missingEnv,
  databaseUnreachable,
  missingDependency,
  importError,
  outOfMemory,
  // The stack a stuck worker printed explains its WORKER TIMEOUT (20.x) or the boot timeout.
  workerHang,
  workerTimeout,
  // A check the log cut short names what stopped Gunicorn before the exits it caused look like a crash loop.
  websocketFailed,
  crashLoop,
  // Wrong answers with a known cause come before the generic timeout and health failures.
  asgiUnderWsgi,
  disallowedHost,
  // Structural: only when nothing above explains the run.
  noStartCommand,
  // Booted like a host that sets PORT, a bind elsewhere is that host's deploy failure, before the generic timeout.
  hostPortIgnored,
  bootTimeout,
  healthCheckFailed,
  // A healthy run against its base commit.
  profileRegression,
  unknown
] as const

export type ReasonId = (typeof REASONS)[number]['id']

export const REASON_IDS: readonly ReasonId[] = REASONS.map((reason) => reason.id)

const BY_ID = new Map<string, Reason>(REASONS.map((reason) => [reason.id, reason as Reason]))

export function reasonById(id: ReasonId): Reason<ReasonId> {
  return BY_ID.get(id) as Reason<ReasonId>
}
