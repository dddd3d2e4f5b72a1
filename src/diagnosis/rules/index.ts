// The diagnosis as an ordered table: the first rule that recognises the run explains it.
// Causes come before the symptoms they produce (a missing env var makes workers fail to boot, which makes
// health fail), so a rule may assume that every rule above it did not match.
import { asgiUnderWsgi, disallowedHost } from './answers.js'
import { appNotFound, configError } from './configuration.js'
import { nativeCrash } from './crashes.js'
import { databaseUnreachable, missingEnv } from './environment.js'
import { healthCheckFailed, websocketFailed } from './http.js'
import { importError, missingDependency, syntaxError } from './imports.js'
import { workerHang } from './hangs.js'
import { bootTimeout, crashLoop } from './lifecycle.js'
import { portInUse } from './network.js'
import { outOfMemory, workerTimeout } from './resources.js'
import type { DiagnosisRule } from './rule.js'
import { workerClassUnavailable } from './worker-class.js'

export type { DiagnosisRule } from './rule.js'
export { readDatabaseError } from './environment.js'
export { unknownDiagnosis } from './unknown.js'

/**
 * Ordered: causes before the symptoms they produce. Rules that read evidence in the log (a traceback, a Gunicorn
 * error line) come first and answer whatever the outcome was; the structural ones (crash-loop, boot-timeout,
 * websocket-failed, health-check-failed) stand only when nothing above explains the run.
 */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  // A native crash or a binary-incompatible extension explains the import errors and restarts that follow.
  nativeCrash,
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
  // Before crash-loop: workers that exit because Gunicorn stopped during the WebSocket check are not crashing.
  // An ordinary WebSocket failure follows a passing health check, which the wrong-answer rules below contradict.
  websocketFailed,
  crashLoop,
  // Wrong answers with a known cause come before the generic timeout and health failures.
  asgiUnderWsgi,
  disallowedHost,
  bootTimeout,
  healthCheckFailed
]
