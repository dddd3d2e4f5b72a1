// What the kernel and the hosts print about a process they stopped, as evidence in its own table: a log pasted from a
// host's console (or a run under a memory limit) often shows one of these and nothing from Gunicorn. Each entry is
// the host's own words, from its documentation or a public log of it (the source says which).

export type PlatformCause = 'memory' | 'port'

export interface PlatformMessage {
  /** Who prints it: `kernel`, `Heroku`, `Cloud Run`, `Render`. */
  source: string
  cause: PlatformCause
  /** What the host calls it (`R14`), or the kernel's name for it. */
  name: string
  pattern: RegExp
  /** The address or port the host says it expected, on the message's line or one of the few after it. */
  expected?: RegExp
  /** Where the words come from. */
  reference: string
}

export const PLATFORM_MESSAGES: readonly PlatformMessage[] = [
  {
    source: 'kernel',
    cause: 'memory',
    name: 'OOM killer',
    // `Memory cgroup out of memory: Killed process 4242 (gunicorn) …` (a container's limit) and
    // `Out of memory: Killed process 11438 (gunicorn) …` (the machine's), as dmesg or a host's console prints them.
    // Kernels before 5.x printed the kill on a line of its own, which a paste may keep alone: `Killed process 11438
    // (gunicorn) total-vm:…` (the memory figures are the OOM killer's).
    pattern: /(?:Memory cgroup out of memory|Out of memory): Kill(?:ed)? process \d+ \(([^)]+)\)|\bKilled process \d+ \(([^)]+)\) total-vm:/,
    reference: 'https://github.com/spdx/spdx-online-tools/issues/435'
  },
  {
    source: 'kernel',
    cause: 'memory',
    name: 'oom-kill dump',
    // The dump's first line: `gunicorn invoked oom-killer: gfp_mask=…`; and its summary `oom-kill:constraint=…,task=gunicorn,pid=…`.
    pattern: /\b(\S+) invoked oom-killer:|oom-kill:constraint=\S*?task=([^,\s]+)/,
    reference: 'https://github.com/torvalds/linux/blob/master/mm/oom_kill.c'
  },
  {
    source: 'Heroku',
    cause: 'memory',
    name: 'R14',
    pattern: /Error R14 \(Memory quota exceeded\)/,
    reference: 'https://devcenter.heroku.com/articles/error-codes#r14-memory-quota-exceeded'
  },
  {
    source: 'Heroku',
    cause: 'memory',
    name: 'R15',
    // Past five times the quota Heroku stops the dyno with SIGKILL.
    pattern: /Error R15 \(Memory quota vastly exceeded\)/,
    reference: 'https://devcenter.heroku.com/articles/error-codes#r15-memory-quota-vastly-exceeded'
  },
  {
    source: 'Cloud Run',
    cause: 'memory',
    name: 'memory limit exceeded',
    // `Memory limit of 3072 MiB exceeded with 3211 MiB used.`, and a revision's `The user-provided container ran out of memory.`
    pattern: /Memory limit of \d+ \w+ exceeded with \d+ \w+ used|container ran out of memory/,
    reference: 'https://cloud.google.com/run/docs/configuring/services/memory-limits'
  },
  {
    source: 'Amazon ECS',
    cause: 'memory',
    name: 'stopped reason',
    // The task's stopped reason: `OutOfMemoryError: Container killed due to memory usage`.
    pattern: /OutOfMemoryError: Container killed due to memory usage/,
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html'
  },
  {
    source: 'Render',
    cause: 'memory',
    name: 'out of memory',
    // Render's event: `Instance failed: ntn6c — Ran out of memory (used over 512MB) while running your code.`
    pattern: /Ran out of memory \(used over [\d.]+\s?[KMG]i?B?\)/,
    reference: 'https://github.com/hexlet-volunteers/runit/pull/406'
  },
  {
    source: 'Kubernetes',
    cause: 'memory',
    name: 'OOMKilled',
    // `kubectl describe pod`: `Last State: Terminated` / `Reason: OOMKilled` / `Exit Code: 137`; `kubectl get pods`' STATUS column.
    pattern: /\bReason:\s+OOMKilled\b|\s\d+\/\d+\s+OOMKilled\s/,
    reference: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/'
  },
  {
    source: 'Heroku',
    cause: 'port',
    name: 'R10',
    pattern: /Error R1[01] \((?:Boot timeout|Bad bind)\) -> (?:Web process failed to bind to \$PORT|Process bound to port \d+, should be \d+)/,
    reference: 'https://devcenter.heroku.com/articles/error-codes#r10-boot-timeout'
  },
  {
    source: 'Cloud Run',
    cause: 'port',
    name: 'container failed to start',
    pattern: /failed to start and (?:then )?listen on the port defined (?:provided )?by the PORT/i,
    reference: 'https://cloud.google.com/run/docs/troubleshooting#container-failed-to-start'
  },
  {
    source: 'Azure App Service',
    cause: 'port',
    name: 'HTTP pings',
    // `Container web_0_abc didn't respond to HTTP pings on port: 8000, failing site start.`
    pattern: /didn't respond to HTTP pings on port: \d+/,
    reference: 'https://learn.microsoft.com/en-us/troubleshoot/azure/app-service/faqs-app-service-linux'
  },
  {
    source: 'Render',
    cause: 'port',
    name: 'port scan',
    pattern: /No open ports detected/,
    reference: 'https://render.com/docs/web-services#port-binding'
  },
  {
    source: 'Fly.io',
    cause: 'port',
    name: 'not listening',
    // flyctl's deploy check, followed by the addresses it expected (`  - 0.0.0.0:8080`, one a line).
    pattern: /app is not listening on the expected address/,
    expected: /(?:^|[\s>|])-\s*((?:\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:]+\]):\d+)\s*$/i,
    reference: 'https://fly.io/docs/networking/app-services/'
  }
]

export interface PlatformEvidence {
  message: PlatformMessage
  line: string
  /** The process the kernel names (`gunicorn`), when it names one. */
  process?: string
  /** The address the host expected the app on (`0.0.0.0:7842`), when it says. */
  expected?: string
}

/** The first line of the log that one of the table's messages matches, for the cause asked. */
export function platformEvidence(lines: readonly { text: string }[], cause: PlatformCause): PlatformEvidence | undefined {
  const messages = PLATFORM_MESSAGES.filter((message) => message.cause === cause)
  // Each line is looked at once for the messages' words; a wrapped line is joined with the next only when one of the
  // two (or the seam between them) holds one.
  let mentionsNext = lines.length > 0 && mentionsAny(lines[0].text)
  for (let i = 0; i < lines.length; i++) {
    const { text } = lines[i]
    const here = mentionsNext
    const next = i + 1 < lines.length ? lines[i + 1].text : undefined
    mentionsNext = next !== undefined && mentionsAny(next)
    let found = here ? matchMessage(messages, text) : undefined
    if (!found && next !== undefined && wrapped(text) && (here || mentionsNext || mentionsAny(text.slice(-SEAM) + next.slice(0, SEAM)))) {
      found = matchMessage(messages, text + next)
    }
    if (found) return found.message.expected ? { ...found, expected: expectedAddress(found.message.expected, lines, i) } : found
  }
  return undefined
}

/** The host lists the address it expected right after its message: read the message's line and the next three. */
function expectedAddress(pattern: RegExp, lines: readonly { text: string }[], at: number): string | undefined {
  for (const { text } of lines.slice(at, at + 4)) {
    const m = pattern.exec(text)
    if (m) return m[1]
  }
  return undefined
}

/**
 * A console or a paste hard-wraps long lines at its width (72 to 132 columns: 80 mostly), so a message may go on in
 * the next line. Longer lines were not wrapped, and joining each of them would copy a big log's noise once more.
 */
const wrapped = (text: string) => text.length >= 72 && text.length <= 160

/** The longest of the words below: a word cut by a wrap lies within this many characters either side of the seam. */
const SEAM = 9

/** Every message holds one of these words: most lines are passed over with a few substring looks. */
function mentionsAny(text: string): boolean {
  return (
    text.includes('emory') ||
    text.includes('oom') ||
    text.includes('OOM') ||
    text.includes('total-vm') ||
    text.includes('PORT') ||
    text.includes('port') ||
    text.includes('listening')
  )
}

function matchMessage(messages: readonly PlatformMessage[], text: string): PlatformEvidence | undefined {
  for (const message of messages) {
    const found = message.pattern.exec(text)
    if (found) return { message, line: text, process: found[1] ?? found[2] }
  }
  return undefined
}
