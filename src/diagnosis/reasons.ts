// The one table of what each reason id is called: the annotation title and the comment headline.
import type { ReasonId } from '../model.js'

export interface ReasonText {
  /** Title of the annotation, after "Gunicorn smoke: ". */
  title: string
  /** What the comment headline says after "failed —". */
  headline: string
  /** The headline reads better with the culprit named: "missing dependency `gevent`". */
  namesCulprit?: true
}

export const REASONS: Record<ReasonId, ReasonText> = {
  'build-failed': { title: 'Image build failed', headline: 'the image did not build' },
  'dependency-conflict': { title: 'Conflicting dependency pins', headline: 'conflicting dependency pins' },
  'package-not-found': { title: 'Package version not found', headline: 'pip could not find a package' },
  'native-build-failed': { title: 'Package needs a compiler', headline: 'a package did not compile' },
  'build-file-missing': { title: 'File missing from the build context', headline: 'a copied file is missing' },
  'apt-package-not-found': { title: 'Unknown apt package', headline: 'unknown apt package' },
  'config-error': { title: 'Gunicorn configuration error', headline: 'Gunicorn configuration error' },
  'worker-class-unavailable': { title: 'Worker class not installed', headline: 'worker class unavailable', namesCulprit: true },
  'missing-dependency': { title: 'Missing dependency', headline: 'missing dependency', namesCulprit: true },
  'import-error': { title: 'Import error', headline: 'import error', namesCulprit: true },
  'syntax-error': { title: 'Syntax error', headline: 'syntax error' },
  'missing-env': { title: 'Missing environment variable', headline: 'missing environment variable', namesCulprit: true },
  'app-not-found': { title: 'Application object not found', headline: 'application not found', namesCulprit: true },
  'database-unreachable': { title: 'Database unreachable at boot', headline: 'database unreachable at boot' },
  'worker-timeout': { title: 'Worker timeout during boot', headline: 'worker timeout' },
  'out-of-memory': { title: 'Out of memory', headline: 'out of memory' },
  'port-in-use': { title: 'Port already in use', headline: 'port already in use' },
  'boot-timeout': { title: 'Server did not come up', headline: 'Gunicorn never became ready' },
  'crash-loop': { title: 'Workers crash after boot', headline: 'workers keep crashing' },
  'health-check-failed': { title: 'Health check failed', headline: 'health check failed' },
  'websocket-failed': { title: 'WebSocket check failed', headline: 'WebSocket check failed' },
  'profile-regression': { title: 'Boot profile regression', headline: 'the boot profile grew beyond its limit' },
  'native-crash': { title: 'Worker crashed in native code', headline: 'a native extension crashed the worker', namesCulprit: true },
  'worker-hang': { title: 'Worker stuck while booting', headline: 'a worker is stuck while booting' },
  'asgi-under-wsgi': { title: 'ASGI app under a WSGI worker', headline: 'ASGI app started with a WSGI worker' },
  'disallowed-host': { title: 'Host header rejected', headline: 'the app rejected the Host header' },
  unknown: { title: 'Unrecognised failure', headline: 'cause not recognised' }
}
