// A write Gunicorn or the app needs fails because the container's filesystem is read-only (Kubernetes
// `readOnlyRootFilesystem`, the `read-only` input) or not writable by its user (`runAsNonRoot`, the `user` input):
// the workers' temporary file, the pid file, or a file the app itself writes while it loads.
import { defineReason, type Rule } from '../reason.js'
import type { RuleContext, Traceback } from '../context.js'
import { commandLine, configSetting, firstLocation, type FoundLine } from '../rules/locate.js'
import { code, present, where } from '../words.js'
import type { SourceLocation } from '../../core/model.js'
import { NOT_A_FILE_WRITE, refusedAccess } from '../rules/refused-writes.js'

type Writer = 'worker-tmp' | 'pidfile' | 'app'

interface Facts {
  writer: Writer
  /** The path the write failed on (for the pid file, Gunicorn's temporary file beside it). */
  path: string
  /** `Errno 30`: a read-only filesystem; `Errno 13`: not writable by the user; another errno on the pid file's rename. */
  cause: 'read-only' | 'permission' | 'refused'
  /** The errno's words, for `refused` (`[Errno 16] Device or resource busy`). */
  refusal?: string
  user?: string
  /** Errno 13 with no frames to show the call: the user may not write, or not even read, the path. */
  access?: true
  /** Where the app writes, or where `pidfile`/`worker_tmp_dir` is set. */
  location?: SourceLocation
}

const READ_ONLY = /\[Errno 30\] Read-only file system: '([^']+)'/
const PERMISSION = /\[Errno 13\] Permission denied:\s+'([^']+)'/
const NO_TEMP_DIR = /No usable temporary directory found in (\[.*\])/
const DEVICE_FAILED = /\[Errno (?:5|28)\] (?:Input\/output error|No space left on device)/
// Gunicorn writes its pid file as a temporary file and renames it over the pid file: the filesystem may refuse either.
const PID_RENAME = /(\[Errno \d+\] [^:]+): '[^']+' -> '([^']+)'/

function writerOf(rc: RuleContext, tb: Traceback): Writer | undefined {
  if (tb.frames.some((frame) => /gunicorn\/workers\/workertmp\.py$/.test(frame.file))) return 'worker-tmp'
  if (tb.frames.some((frame) => /gunicorn\/pidfile\.py$/.test(frame.file))) return 'pidfile'
  if (rc.userFrame(tb)?.location) return 'app'
  // A read-only filesystem is the cause whoever wrote (a log without the traceback's frames), but for Gunicorn's own
  // control socket, which only warns.
  const readOnly = READ_ONLY.exec(tb.exception.line)
  return readOnly && !/gunicorn\.ctl|\/\.gunicorn\b/.test(readOnly[1]) ? 'app' : undefined
}

function failedWrite(
  rc: RuleContext,
  tb: Traceback
): { path: string; cause: Facts['cause']; refusal?: string; refused?: 'write' | 'access' } | undefined {
  const message = tb.exception.line
  const readOnly = READ_ONLY.exec(message)
  if (readOnly) return { path: readOnly[1], cause: 'read-only' }
  const renamed = tb.frames.some((frame) => /gunicorn\/pidfile\.py$/.test(frame.file)) ? PID_RENAME.exec(message) : null
  if (renamed) return { path: renamed[2], cause: 'refused', refusal: renamed[1] }
  // The workers' heartbeat file on a disk that failed or filled (`os.fchmod` in workertmp.py: `[Errno 5] Input/output error`).
  const device = DEVICE_FAILED.exec(message)
  if (device && tb.frames.some((frame) => /gunicorn\/workers\/workertmp\.py$/.test(frame.file))) {
    const dir = rc.ctx.lines.map((line) => /'(\/[^']*)\/wgunicorn-/.exec(line.text)?.[1]).find(Boolean)
    return { path: dir ?? '/tmp', cause: 'refused', refusal: device[0] }
  }
  const noTemp = NO_TEMP_DIR.exec(message)
  if (noTemp) return { path: noTemp[1], cause: rc.ctx.settings.readOnly ? 'read-only' : 'permission' }
  // Permission denied is a failed read too: only a run as another user (or read-only) makes it this reason.
  const denied = PERMISSION.exec(message)
  if (denied && (rc.ctx.settings.user || rc.ctx.settings.readOnly)) return { path: denied[1], cause: 'permission' }
  // Without those, the traceback must show the write (or show nothing but the refusal).
  const refused = denied ? refusedAccess(tb, denied[1]) : undefined
  return denied && refused ? { path: denied[1], cause: 'permission', refused } : undefined
}

const writeFailed: Rule<Facts> = {
  stage: 'boot',
  name: 'a write fails on a read-only or unwritable filesystem',
  detect(rc) {
    for (const tb of rc.tracebacks) {
      const failed = failedWrite(rc, tb)
      // An Errno 13 the frames show as the app's write (or a bare refusal) is the app's, wherever it was written.
      const writer = failed && (writerOf(rc, tb) ?? (failed.refused ? 'app' : undefined))
      if (!failed || !writer) continue
      const frame = rc.userFrame(tb)
      const setting = settingLine(rc, writer)
      const location = writer === 'app' ? frame?.location : firstLocation(setting)
      return {
        facts: {
          writer,
          path: failed.path,
          cause: failed.cause,
          refusal: failed.refusal,
          user: rc.ctx.settings.user,
          access: failed.refused === 'access' || undefined,
          location
        },
        evidence: present(...(writer === 'app' ? (frame?.text ?? []) : []), tb.exception.line, rc.gunicornOutcomeLine()),
        location
      }
    }
    return undefined
  }
}

/** An app's own words for a write it could not make (`ERROR  : Failed to create the directory /var/lib/app/sessions:`). */
const FAILED_WRITE_WORDS = /\b(?:[Ff]ailed to|[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to) (?:create|write|make|open \S+ for writing)\b/
const ERRNO_PATH = /\[Errno (13|30)\] (?:Permission denied|Read-only file system): '([^']+)'/

/**
 * The app says, without a traceback, that it could not create or write a path, and the errno follows on that line
 * or just after (an app that catches the error and logs it before it exits; a viewer's timestamp lines between).
 */
const writeReported: Rule<Facts> = {
  stage: 'boot',
  name: 'the app reports a write it could not make',
  detect(rc) {
    const lines = rc.ctx.lines
    for (let at = 0; at < lines.length; at++) {
      // The errno line first (a cheap test on every line), then the app's words on it or up to three lines before.
      if (!lines[at].text.includes('[Errno ')) continue
      const errno = ERRNO_PATH.exec(lines[at].text)
      if (!errno || NOT_A_FILE_WRITE.test(errno[2])) continue
      const said = lines.slice(Math.max(0, at - 3), at + 1).find((line) => FAILED_WRITE_WORDS.test(line.text))
      if (!said) continue
      const cause = errno[1] === '30' ? 'read-only' : 'permission'
      return {
        facts: { writer: 'app', path: errno[2], cause, user: rc.ctx.settings.user },
        evidence: present(said.text, said === lines[at] ? undefined : lines[at].text, rc.gunicornOutcomeLine())
      }
    }
    return undefined
  }
}

/** The line that sets what Gunicorn writes: `pidfile`/`--pid`, `worker_tmp_dir`/`--worker-tmp-dir`. */
function settingLine(rc: RuleContext, writer: Writer): FoundLine | undefined {
  if (writer === 'app') return undefined
  const [setting, option] = writer === 'pidfile' ? ['pidfile', '--pid'] : ['worker_tmp_dir', '--worker-tmp-dir']
  const command = commandLine(rc)
  if (command && command.text.includes(option)) return command
  return configSetting(rc, setting)
}

function summary({ writer, path, cause, refusal, user, location, access }: Facts): string {
  const who = user ? `user ${code(user)}` : "the image's user"
  const why = cause === 'read-only' ? 'the root filesystem is read-only' : `${who} may not write there`
  if (writer === 'worker-tmp' && cause === 'refused') {
    return `Gunicorn's workers touch a heartbeat file in ${code(path)} and the disk under it failed (${code(refusal ?? '')}): every worker dies on it, then the master.`
  }
  if (writer === 'worker-tmp') {
    return `Gunicorn's workers need a writable temporary directory and none of ${code(path)} is writable (${why}): the master stops at the first worker.`
  }
  if (cause === 'refused') {
    return (
      `Gunicorn cannot write its pid file ${code(path)}${where(location)}: the filesystem refused the rename Gunicorn makes over it ` +
      `(${code(refusal ?? '')}), as a host's shared folder or a network volume may.`
    )
  }
  // Gunicorn writes the pid file as a temporary file beside it, then renames it: the directory is what matters.
  const dir = path.slice(0, path.lastIndexOf('/')) || '/'
  if (writer === 'pidfile') return `Gunicorn cannot write its pid file in ${code(dir)}${where(location)}: ${why}.`
  if (access) {
    return `The app may not open ${code(path)} while it loads: it belongs to another user than ${who} (a volume Docker created as root, a file made by another user).`
  }
  return `The app writes ${code(path)}${where(location)} while it loads, and ${why}.`
}

function remedy({ writer, path, cause }: Facts): string {
  const writable = 'or give the container a writable volume there (a Kubernetes `emptyDir`; here, the `writable-paths` input)'
  if (writer === 'worker-tmp') {
    return `Start Gunicorn with ${code('--worker-tmp-dir /dev/shm')} (${code('worker_tmp_dir = "/dev/shm"')} in gunicorn.conf.py), ${writable} at ${code('/tmp')}.`
  }
  if (writer === 'pidfile') {
    return `Point ${code('pidfile')} (${code('--pid')}) at a writable path such as ${code('/tmp/gunicorn.pid')} or drop it (a container needs none), ${writable}.`
  }
  const dir = path.slice(0, path.lastIndexOf('/')) || '/'
  if (cause === 'permission') {
    return (
      `Give ${code(path)} to the user the app runs as (${code('chown')} it in the Dockerfile, or create the volume's directory with that owner), ` +
      `or write under a path that user owns (take it from an environment variable, e.g. ${code('/tmp')}).`
    )
  }
  return `Write under a path the host keeps writable (take it from an environment variable, e.g. ${code('/tmp')}), ${writable} at ${code(dir)}.`
}

export default defineReason({
  id: 'read-only-filesystem',
  title: 'Write to a read-only filesystem',
  headline: 'a write failed on a read-only filesystem',
  readme:
    "a write Gunicorn or the app needs fails under a read-only root or a non-root user: the workers' temporary file, the pid file " +
    "(also a rename over it the filesystem refuses, as over a bind-mounted file), the app's own file; or a file the app reads at import " +
    'that its user may not read (a settings module or a secret on a volume)',
  fixtures: [{ path: '__fixtures__/apps/ok-graceful-shutdown', test: '__tests__/shutdown.itg.ts' }],
  rules: [writeFailed, writeReported],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
