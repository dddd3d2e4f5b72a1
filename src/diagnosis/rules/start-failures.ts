// `docker run` itself failed: rules of the start stage, shared by the reasons they give.
import type { Rule } from '../reason.js'
import { missingExecutable } from '../stages.js'
import { code } from '../words.js'

export type StartFacts =
  { kind: 'executable-missing'; executable: string } | { kind: 'network-missing'; network: string } | { kind: 'start-failed'; message: string }

export const gunicornNotInstalled: Rule<StartFacts> = {
  stage: 'start',
  name: 'the start command is gunicorn, which the image lacks',
  detect({ message }) {
    const missing = missingExecutable(message)
    return missing?.isGunicorn ? { facts: { kind: 'executable-missing', executable: missing.name }, evidence: [message] } : undefined
  }
}

/**
 * The shell or the runtime could not find the `gunicorn` command while the container started: the OCI runtime's
 * `exec: "gunicorn": executable file not found`, dash's `exec: gunicorn: not found`, bash's `gunicorn: command not
 * found`, zsh's `command not found: gunicorn`, env's `'gunicorn': No such file or directory`.
 */
const SHELL_NOT_FOUND =
  /(?:^|[\s"'`:])"?'?((?:\/[^\s"':]*\/)?gunicorn)'?"?: (?:executable file not found|(?:command )?not found|No such file or directory)|command not found: ((?:\/\S*\/)?gunicorn)\b/

/** The launchers a start command puts before Gunicorn (an APM agent's, a .env loader's), and the package that brings each. */
export const LAUNCHER_PACKAGE: Record<string, string> = {
  'newrelic-admin': 'newrelic',
  'ddtrace-run': 'ddtrace',
  'opentelemetry-instrument': 'opentelemetry-distro',
  'scout-apm': 'scout-apm',
  dotenv: 'python-dotenv[cli]',
  honcho: 'honcho'
}
const LAUNCHERS = Object.keys(LAUNCHER_PACKAGE).join('|')
const LAUNCHER_NOT_FOUND = new RegExp(
  String.raw`(?:^|[\s"'\`:])(${LAUNCHERS})'?"?: (?:executable file not found|(?:command )?not found)|command not found: (${LAUNCHERS})\b`
)

// `python -m gunicorn` where the interpreter has no Gunicorn: `/usr/local/bin/python: No module named gunicorn`.
const PYTHON_NO_GUNICORN = /(?:^|[\s/])python[\d.]*: No module named gunicorn\s*$/

export const gunicornNotFoundByShell: Rule<StartFacts> = {
  stage: 'boot',
  name: 'the shell or the runtime reports the gunicorn command not found',
  detect(rc) {
    for (const line of rc.ctx.lines) {
      // Both patterns need one of these words: most lines of a big log have neither.
      const notFound = line.text.includes('not found')
      if (!notFound && !line.text.includes('No such file or directory') && !line.text.includes('No module named gunicorn')) continue
      const m = SHELL_NOT_FOUND.exec(line.text) ?? (notFound ? LAUNCHER_NOT_FOUND.exec(line.text) : null)
      if (m) return { facts: { kind: 'executable-missing', executable: m[1] ?? m[2] }, evidence: [line.text.trim()] }
      if (line.text.includes('No module named gunicorn') && PYTHON_NO_GUNICORN.test(line.text))
        return { facts: { kind: 'executable-missing', executable: 'gunicorn' }, evidence: [line.text.trim()] }
    }
    return undefined
  }
}

export const executableMissing: Rule<StartFacts> = {
  stage: 'start',
  name: 'the start command is not in the image',
  detect({ message }) {
    const missing = missingExecutable(message)
    return missing && !missing.isGunicorn ? { facts: { kind: 'executable-missing', executable: missing.name }, evidence: [message] } : undefined
  }
}

export const networkMissing: Rule<StartFacts> = {
  stage: 'start',
  name: 'the network input names no network',
  detect({ message, network }) {
    return network && !missingExecutable(message) && /network .* not found/i.test(message)
      ? { facts: { kind: 'network-missing', network }, evidence: [message] }
      : undefined
  }
}

export const otherStartFailure: Rule<StartFacts> = {
  stage: 'start',
  name: 'docker run failed',
  detect({ message, network }) {
    if (missingExecutable(message) || (network && /network .* not found/i.test(message))) return undefined
    return { facts: { kind: 'start-failed', message: message.replace(/\.$/, '') }, evidence: [message] }
  }
}

export function startWords(facts: StartFacts): { summary: string; remedy: string } {
  switch (facts.kind) {
    case 'executable-missing': {
      const summary = `The container could not start: ${code(facts.executable)} is not installed in the image.`
      const launcher = LAUNCHER_PACKAGE[facts.executable]
      if (launcher)
        return {
          summary,
          remedy:
            `Add ${code(launcher)} (which brings ${code(facts.executable)}) to the requirements the image installs, ` +
            `or drop ${code(facts.executable)} from the start command.`
        }
      return /(^|\/)gunicorn$/.test(facts.executable)
        ? { summary, remedy: 'Add `gunicorn` to the requirements the image installs (or start it as `python -m gunicorn`).' }
        : {
            summary,
            remedy: `Install ${code(facts.executable)} in the image, or fix the start command (the \`command\` input or the Dockerfile's CMD).`
          }
    }
    case 'network-missing':
      return {
        summary: `The Docker network ${code(facts.network)} does not exist.`,
        remedy: 'Pass an existing network to the `network` input, e.g. `${{ job.services.postgres.network }}`.'
      }
    case 'start-failed':
      return {
        summary: `The container could not start: ${facts.message}.`,
        remedy: 'Check the start command and the `memory`, `cpus` and `network` inputs.'
      }
  }
}
