// Explains a failed `docker build` from its output, in the formats users meet: the legacy builder
// ("Step 3/7 : RUN …", "The command '…' returned a non-zero code: 1"), BuildKit/buildx, which GitHub's runners use
// ("#8 [3/5] RUN …", "Dockerfile:5", "ERROR: failed to solve: …"), and BuildKit's terminal progress as Compose and
// developers paste it ("=> ERROR [web 4/6] RUN …", a "------" summary block), each possibly cut at either end and
// wrapped in a CI's or Compose's prefix (build-framing.ts takes those off).
import { outputText, stepText, unwrapLine } from './build-framing.js'

export { stripAnsi } from './build-framing.js'

export interface BuildFailure {
  format: 'legacy' | 'buildkit' | 'unknown'
  /** The Dockerfile instruction that failed, e.g. `RUN pip install -r requirements.txt`. */
  instruction?: string
  /** `3/5`-style position of the failing step, when the builder printed it. */
  stepPosition?: string
  exitCode?: number
  /** The builder's own error sentence. */
  message: string
  /** 1-based line of the failing instruction in the Dockerfile. */
  dockerfileLine?: number
  /** The last lines the failing step printed (its own output, not the builder's chatter). */
  outputTail: string[]
  /** Everything the failing step printed that the build kept, in order (BuildKit's summary block is cut short). */
  stepOutput: string[]
  /** Every line of the output without its frames (prefixes, step numbers): the installer's evidence may be anywhere. */
  output: string[]
  /** The image the failing stage starts FROM, as the builder resolved it (a reference or an image id). */
  baseImage?: string
  /** BuildKit: the name of the failing step's stage (`builder` in `[linux/amd64 builder 5/5]`), when it has one. */
  stage?: string
}

// The legacy builder's deprecation notice (both wordings), Compose's warnings and Cloud Build's step lines.
const NOISE = [
  /^DEPRECATED: The legacy builder/,
  /^\s+Install the buildx component/,
  /^\s+https:\/\/docs\.docker\.com\/go\/buildx/,
  /^\s+BuildKit is currently disabled; enable it/,
  /^\s+environment-variable\.$/,
  /^time="[^"]*" level=warning /,
  // Cloud Build's own lines around its docker step: its verdict on the step, never the builder's error.
  /^(?:Starting|Finished) Step #\d+/,
  /^ERROR$/,
  /^ERROR: build step \d+ ".*" failed: step exited with non-zero status/
]

// BuildKit's marks: a numbered step, its final error, the terminal progress and the summary block's header.
const BUILDKIT = /^#\d+ |^(?:ERROR: )?(?:target \S+: )?failed to (?:solve|build)|^\s*=> (?:ERROR |CACHED )?\[|^ > \[/
// The legacy builder's: a step header, its closing line (alone or after Compose v1's "Service 'web' failed to build").
const LEGACY =
  /^Step \d+\/\d+ : |The command '.*' returned a non-zero code: \d+|^(?:ERROR: Service '[^']+' failed to build ?: )?(?:COPY|ADD) failed: /

export function parseBuildFailure(rawLines: string[], dockerfileText?: string): BuildFailure {
  const lines = rawLines.map(unwrapLine).filter((line) => !NOISE.some((re) => re.test(line)))
  const format = lines.some((line) => BUILDKIT.test(line)) ? 'buildkit' : lines.some((line) => LEGACY.test(line)) ? 'legacy' : 'unknown'
  const parsed = format === 'buildkit' ? parseBuildKit(lines) : format === 'legacy' ? parseLegacy(lines) : parseUnknown(lines)
  const failure: BuildFailure = { ...parsed, output: outputText(lines) }
  failure.baseImage = format === 'legacy' ? legacyBaseImage(lines) : format === 'buildkit' ? buildKitBaseImage(lines) : undefined
  if (!failure.instruction) failure.instruction = instructionOfMessage(failure.message)
  if (failure.dockerfileLine === undefined && failure.instruction && dockerfileText) {
    failure.dockerfileLine = findInstructionLine(dockerfileText, failure.instruction)
  }
  return failure
}

type Parsed = Omit<BuildFailure, 'output'>

/** The RUN command the builder's closing message quotes, when no step header named it (a log cut at its start). */
function instructionOfMessage(message: string): string | undefined {
  const command =
    message.match(/process "\/bin\/sh -c (.*)" did not complete/)?.[1] ??
    message.match(/executor failed running \[\/bin\/sh -c (.*)\]: exit code/)?.[1] ??
    message.match(/The command '\/bin\/sh -c (.*)' returned a non-zero code/)?.[1]
  return command === undefined ? undefined : `RUN ${command}`
}

function parseLegacy(lines: string[]): Parsed {
  let instruction: string | undefined
  let stepPosition: string | undefined
  let stepStart = 0
  lines.forEach((line, index) => {
    const step = line.match(/^Step (\d+\/\d+) : (.*)$/)
    if (step) {
      stepPosition = step[1]
      instruction = step[2]
      stepStart = index + 1
    }
  })
  const errorIndex = findLastIndex(lines, (line) => /The command '.*' returned a non-zero code: \d+/.test(line))
  let message: string
  let exitCode: number | undefined
  let outputEnd = lines.length
  if (errorIndex >= 0) {
    message = lines[errorIndex]
    exitCode = Number(message.match(/non-zero code: (\d+)/)?.[1])
    outputEnd = errorIndex
  } else {
    const lastError = findLastIndex(lines, (line) => /failed|error|unable to|not found/i.test(line) && !/^ ---> /.test(line))
    message = lastError >= 0 ? lines[lastError] : (lines.filter(Boolean).pop() ?? 'the build failed')
    if (lastError >= stepStart) outputEnd = lastError
  }
  const kept = (end: number) =>
    lines.slice(stepStart, end).filter((line) => !/^ ---> |^Removing intermediate container /.test(line) && line.trim() !== '')
  // Without the builder's closing line the log was cut: the step printed everything after its Step line.
  const stepOutput = kept(errorIndex >= 0 ? errorIndex : lines.length)
  return { format: 'legacy', instruction, stepPosition, exitCode, message: message.trim(), outputTail: kept(outputEnd).slice(-30), stepOutput }
}

/** The builder's closing error, with the line it wraps onto when it ends with a colon. */
function buildKitMessage(lines: string[]): string {
  const index = [
    /^(?:ERROR: )?(?:target \S+: )?failed to (?:solve|build)/,
    /^ERROR: /,
    /failed to compute cache key|failed to calculate checksum|did not complete successfully|executor failed running/
  ]
    .map((re) => findLastIndex(lines, (line) => re.test(line)))
    .find((found) => found >= 0)
  if (index === undefined) return outputText(lines).pop()?.trim() ?? 'the build failed'
  const next = lines[index + 1]?.trim()
  const whole = /:$/.test(lines[index].trim()) && next ? `${lines[index].trim()} ${next}` : lines[index].trim()
  return whole
    .replace(/^ERROR: /, '')
    .replace(/^target \S+: /, '')
    .replace(/^failed to build: /, '')
}

function parseBuildKit(lines: string[]): Parsed {
  const message = buildKitMessage(lines)
  const exitCode = numberOrUndefined(message.match(/exit code: (\d+)/)?.[1])

  // The summary block BuildKit prints after a failure: "------\n > [3/5] RUN …:\n<output>\n------".
  let instruction: string | undefined
  let stepPosition: string | undefined
  let outputTail: string[] = []
  const headerIndex = findLastIndex(lines, (line) => /^ > \[.*\] /.test(line))
  if (headerIndex >= 0) {
    const header = lines[headerIndex].match(/^ > \[(?:[^\]]*?\s)?(\d+\/\d+)\] (.*?):?$/)
    if (header) {
      stepPosition = header[1]
      instruction = header[2]
    } else {
      instruction = lines[headerIndex].replace(/^ > \[[^\]]*\] /, '').replace(/:$/, '')
    }
    for (let i = headerIndex + 1; i < lines.length && !/^-{6}/.test(lines[i]); i++) {
      outputTail.push(stepText(lines[i]))
    }
  } else {
    // No summary block: the numbered step that reported ERROR names the instruction; its output lines follow.
    const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1]
    const title = lines
      .find((line) => line.startsWith(`#${failedStep} [`))
      ?.slice(`#${failedStep} `.length)
      .match(/^\[(?:[^\]]*?\s)?(\d+\/\d+)\] (.*)$/)
    const progress = lines.map((line) => line.match(TTY_ERROR)).filter((match): match is RegExpMatchArray => Boolean(match))
    const step = title ?? progress[progress.length - 1]
    if (step) {
      stepPosition = step[1]
      instruction = step[2].replace(/\s+\d+(\.\d+)?s$/, '').trim()
    }
    outputTail = failedStepOutput(lines)
    // A summary block cut above its ` > [3/5] RUN …:` header: its timestamped lines are the step's output.
    if (outputTail.length === 0) outputTail = lines.filter((line) => /^\d+\.\d+(?: |$)/.test(line)).map(stepText)
  }
  const lineMarker = lines.find((line) => /^Dockerfile(\.[\w.-]+)?:\d+$/.test(line.trim()))
  const dockerfileLine = numberOrUndefined(lineMarker?.trim().match(/:(\d+)$/)?.[1])
  const stepOutput = failedStepOutput(lines)
  return {
    format: 'buildkit',
    instruction,
    stepPosition,
    stage: failingStage(lines, headerIndex),
    exitCode,
    message,
    dockerfileLine,
    outputTail: outputTail.slice(-30),
    stepOutput: stepOutput.length > 0 ? stepOutput : outputTail
  }
}

// The terminal progress's failed step: ` => ERROR [web 4/6] RUN pip install …   12.3s` (cut at the terminal's width).
const TTY_ERROR = /^\s*=> ERROR \[(?:[^\]]*?\s)?(\d+\/\d+)\] (.*)$/

/** The last word before the step position in the failing step's brackets, unless it is BuildKit's `stage-N`. */
function failingStage(lines: string[], headerIndex: number): string | undefined {
  const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1]
  const titled = headerIndex >= 0 ? lines[headerIndex] : lines.find((line) => line.startsWith(`#${failedStep} [`))
  const name = titled?.match(/\[(?:[^\]]*?\s)?(\S+)\s+\d+\/\d+\]/)?.[1]
  return name && !/^stage-\d+$/.test(name) && !/^(internal|\d+\/\d+)$/.test(name) ? name : undefined
}

/** The timestamped output lines (`#9 0.501 …`) of the step that reported ERROR, without their prefix. */
function failedStepOutput(lines: string[]): string[] {
  // A log cut before BuildKit's ERROR line: the last step that printed is the one that was failing.
  const lastStep = [...lines].reverse().find((line) => /^#\d+ \d+(\.\d+)? /.test(line))
  const failedStep = (lines.find((line) => /^#\d+ ERROR: /.test(line)) ?? lastStep)?.match(/^#(\d+) /)?.[1]
  if (!failedStep) return []
  const prefix = `#${failedStep} `
  return lines
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length))
    .filter((line) => /^\d+(\.\d+)? /.test(line))
    .map((line) => line.replace(/^\d+(\.\d+)? /, ''))
}

function parseUnknown(lines: string[]): Parsed {
  const meaningful = lines.filter((line) => line.trim() !== '')
  return {
    format: 'unknown',
    message: meaningful[meaningful.length - 1] ?? 'the build failed',
    outputTail: meaningful.slice(-30),
    stepOutput: meaningful
  }
}

/** The legacy builder prints the image id of the last FROM step (` ---> abb27ede0ffd`). */
function legacyBaseImage(lines: string[]): string | undefined {
  const from = findLastIndex(lines, (line) => /^Step \d+\/\d+ : FROM /i.test(line))
  return from >= 0 ? lines[from + 1]?.match(/^ ---> ([0-9a-f]{12,})$/)?.[1] : undefined
}

/** BuildKit's `[stage 1/5] FROM ref@digest` line of the failing step's stage. */
function buildKitBaseImage(lines: string[]): string | undefined {
  const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1]
  const failing = [...lines].reverse().find((line) => /^ > \[/.test(line)) ?? lines.find((line) => line.startsWith(`#${failedStep} [`))
  const stage = failing?.match(/\[(?:(\S+) )?\d+\/\d+\]/)?.[1]
  const from = lines
    .map((line) => line.match(/^#\d+ \[(?:(\S+) )?1\/\d+\] FROM (\S+)/))
    .filter((match): match is RegExpMatchArray => Boolean(match))
    .find((match) => match[1] === stage)
  return from?.[2].replace(/@sha256:[0-9a-f]+$/, '')
}

/** The line of the Dockerfile whose (continuation-joined) instruction matches what the builder printed. */
export function findInstructionLine(dockerfileText: string, instruction: string): number | undefined {
  const wanted = normalize(instruction)
  const lines = dockerfileText.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim() || lines[i].trim().startsWith('#')) continue
    let joined = lines[i]
    let j = i
    while (/\\\s*$/.test(joined) && j + 1 < lines.length) {
      joined = joined.replace(/\\\s*$/, ' ') + lines[++j]
    }
    if (normalize(joined) === wanted) return i + 1
  }
  // The legacy builder prints `RUN` commands as written; BuildKit may expand ARGs: fall back to a prefix match.
  const keyword = wanted.split(' ')[0]
  const head = wanted.slice(0, 40)
  const index = lines.findIndex((line) => normalize(line).startsWith(head) && normalize(line).startsWith(keyword))
  return index >= 0 ? index + 1 : undefined
}

function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\w+)/, (word) => word.toUpperCase())
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i
  return -1
}

function numberOrUndefined(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text)
}
