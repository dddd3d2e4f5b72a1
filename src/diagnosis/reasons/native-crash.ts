// A worker that died in native code: an extension built against another version of a library (Python's binary
// incompatibility warning), faulthandler's crash dump, Gunicorn's signal lines alone, or a segfault the kernel or
// the shell reported.
import { defineReason, type Rule } from '../reason.js'
import { code, fileLine, present } from '../words.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import { faultUserFrame } from '../rules/locate.js'
import { kernelSegfaults, shellSegfault } from '../rules/crash-reports.js'
import { withoutGunicornPrefix } from '../rules/rule.js'
import { numpyAbi, numpyAbiRemedy, numpyAbiSummary, type NumpyAbiFacts } from '../rules/numpy-abi.js'
import { forkUnsafe, forkUnsafeWords, type ForkUnsafeFacts } from '../rules/fork-safety.js'
import {
  builtAgainst,
  dumpWithFrames,
  frameLine,
  importedModule,
  isIllegalInstruction,
  nativeAborts,
  nativeCrashes,
  requirementLine,
  shellFormSignal
} from '../rules/crashes.js'

type Facts =
  | NumpyAbiFacts
  | ForkUnsafeFacts
  | { kind: 'binary-incompatible'; linked: string; builder?: string; type: string; expected?: number; got?: number }
  | {
      kind: 'fatal-error'
      error: string
      module?: string
      /** `file:line` of the user's frame, and its line of code. */
      place?: string
      placeCode?: string
      crashes: number
      extensions: string[]
    }
  | { kind: 'signal-only'; deaths: number; signalLine: string }
  | { kind: 'native-abort'; message: string; deaths: number }
  | { kind: 'kernel-segfault'; process?: string; times: number; library?: string }
  | { kind: 'shell-segfault'; report: string; exitCode?: number }

// Before the generic size-changed warning: NumPy's own message names the direction and the fix.
const numpyBuiltForAnother: Rule<Facts> = {
  stage: 'boot',
  name: 'a package compiled against another NumPy (1.x under NumPy 2)',
  detect: numpyAbi
}

const binaryIncompatible: Rule<Facts> = {
  stage: 'boot',
  name: 'an extension was built against another version of a library',
  detect(rc) {
    const event = rc.ofKind('binary-incompatibility')[0]
    if (!event) return undefined
    const linked = event.type.split('.')[0]
    const builder = builtAgainst(rc, event, linked)
    const tb = rc.primaryTraceback((t) => t.lines[0].seq > event.lines[0].seq)
    return {
      facts: { kind: 'binary-incompatible', linked, builder, type: event.type, expected: event.expected, got: event.got },
      evidence: present(event.lines[0].text, tb?.exception.line, rc.gunicornOutcomeLine()),
      location: requirementLine(rc, builder ?? linked)
    }
  }
}

const crashDump: Rule<Facts> = {
  stage: 'boot',
  name: "faulthandler's dump of a worker that crashed",
  detect(rc) {
    const { dumps, deaths } = nativeCrashes(rc)
    if (dumps.length === 0) return undefined
    const { dump, frames } = dumpWithFrames(dumps)
    const user = faultUserFrame(rc, frames)
    const innermost = frames[0]
    return {
      facts: {
        kind: 'fatal-error',
        error: dump.error,
        module: importedModule(rc, frames),
        place: user && fileLine(user.location),
        placeCode: user?.code,
        crashes: Math.max(dumps.length, deaths.length),
        extensions: dump.extensionModules
      },
      evidence: present(
        dump.lines[0].text,
        innermost && frameLine(innermost),
        user && user.frame !== innermost ? frameLine(user.frame) : undefined,
        dump.lines.find((l) => l.text.startsWith('Extension modules:'))?.text,
        rc.ofKind('worker-signal')[0]?.lines[0].text
      ),
      location: user?.location
    }
  }
}

const signalOnly: Rule<Facts> = {
  stage: 'boot',
  name: 'workers died of a native signal, no dump',
  detect(rc) {
    const { dumps, deaths } = nativeCrashes(rc)
    if (dumps.length > 0 || deaths.length === 0) return undefined
    const first = deaths[0].lines[0].text
    return {
      facts: { kind: 'signal-only', deaths: deaths.length, signalLine: withoutGunicornPrefix(stripLinePrefixes(first)) },
      evidence: present(first, rc.ofKind('worker-boot').slice(-1)[0]?.lines[0].text)
    }
  }
}

const abortedInNativeCode: Rule<Facts> = {
  stage: 'boot',
  name: 'glibc or the C++ runtime aborted a worker (SIGABRT without a timeout)',
  detect(rc) {
    const found = nativeAborts(rc)
    if (!found) return undefined
    return {
      facts: { kind: 'native-abort', message: found.message, deaths: found.deaths.length },
      evidence: present(found.messageLine, found.deaths[0].lines[0].text)
    }
  }
}

const kernelSegfault: Rule<Facts> = {
  stage: 'boot',
  name: 'the kernel reported a segfault',
  detect(rc) {
    const kernel = kernelSegfaults(rc)
    if (kernel.length === 0) return undefined
    return {
      facts: { kind: 'kernel-segfault', process: kernel[0].process, times: kernel.length, library: kernel.find((r) => r.library)?.library },
      evidence: present(...kernel.slice(0, 2).map((r) => r.lines[0].text.trim().slice(0, 200)))
    }
  }
}

const shellReportedSegfault: Rule<Facts> = {
  stage: 'boot',
  name: 'the shell reported a Segmentation fault',
  detect(rc) {
    const report = shellSegfault(rc)
    if (!report) return undefined
    const text = report.lines[0].text
    return {
      facts: { kind: 'shell-segfault', report: stripLinePrefixes(text).trim(), exitCode: rc.ctx.container.exitCode },
      evidence: present(text)
    }
  }
}

const MAX_EXTENSIONS_NAMED = 8
// SIGILL in a worker is mostly a wheel built for CPU instructions (AVX, AVX2) the host's processor lacks.
const ILLEGAL_INSTRUCTION =
  ' An illegal instruction usually means a compiled wheel (TensorFlow, PyTorch, a BLAS) uses CPU instructions this processor lacks.'

const shellForm = (line: string): string => {
  const signal = shellFormSignal(line)
  return signal ? `, i.e. 128 + ${signal}` : ''
}

function crashSummary({ error, module, place, placeCode, crashes, extensions }: Extract<Facts, { kind: 'fatal-error' }>): string {
  const named = extensions.slice(0, MAX_EXTENSIONS_NAMED).map(code).join(', ')
  const more = extensions.length > MAX_EXTENSIONS_NAMED ? ` and ${extensions.length - MAX_EXTENSIONS_NAMED} more` : ''
  return (
    `A worker crashed in native code (${code(`Fatal Python error: ${error}`)})` +
    (module ? ` while importing ${code(module)}` : '') +
    (place ? ` at ${code(place)}${placeCode ? ` (${code(placeCode)})` : ''}` : '') +
    (crashes > 1 ? `, ${crashes} times: Gunicorn keeps replacing it` : '') +
    '.' +
    (extensions.length ? ` Extension modules loaded: ${named}${more}.` : '')
  )
}

function incompatibleSummary({ linked, builder, type, expected, got }: Extract<Facts, { kind: 'binary-incompatible' }>): string {
  const sizes = expected !== undefined ? ` (expected ${expected} bytes, got ${got})` : ''
  return (
    `${builder ? code(builder) : 'A compiled extension'} was built against another version of ${code(linked)}: ` +
    `Python warned ${code(`${type} size changed, may indicate binary incompatibility`)}${sizes}.`
  )
}

function summary(facts: Exclude<Facts, ForkUnsafeFacts>): string {
  switch (facts.kind) {
    case 'numpy-abi':
      return numpyAbiSummary(facts)
    case 'binary-incompatible':
      return incompatibleSummary(facts)
    case 'fatal-error':
      return crashSummary(facts)
    case 'signal-only':
      return (
        `Workers die of a signal in native code (${facts.deaths} × ${code(facts.signalLine)}${shellForm(facts.signalLine)}) ` +
        'and Gunicorn keeps replacing them; faulthandler was off, so no Python stack was printed.' +
        (isIllegalInstruction(facts.signalLine) ? ILLEGAL_INSTRUCTION : '')
      )
    case 'native-abort':
      return (
        `A worker aborted in native code: ${code(facts.message.slice(0, 120))}, then Gunicorn reports its SIGABRT` +
        `${facts.deaths > 1 ? `, ${facts.deaths} times: Gunicorn keeps replacing it` : ''}. ` +
        'A C extension corrupted memory or raised an error it could not handle.'
      )
    case 'kernel-segfault': {
      const { process, times, library } = facts
      return (
        `The kernel reports ${code(process ?? 'the process')} dying of a segfault ${times > 1 ? `${times} times` : 'once'}` +
        `${library ? ` in ${code(library)}` : ''}: native code crashes in the workers${times > 1 ? ' and they are replaced' : ''}.`
      )
    }
    case 'shell-segfault':
      return (
        `The process died of a Segmentation fault (${code(facts.report.slice(0, 120))}` +
        `${facts.exitCode === 139 ? ', exit code 139' : ''}): native code crashed.`
      )
  }
}

const REINSTALL_FROM_SCRATCH =
  "Reinstall the image's C extensions for its Python from scratch (`pip install --no-cache-dir --force-reinstall`, " +
  'no cached or copied wheels), with matching versions of packages built against each other; ' +
  'run once with the `faulthandler` input on to see the Python stack.'

function remedy(facts: Exclude<Facts, ForkUnsafeFacts>): string {
  switch (facts.kind) {
    case 'numpy-abi':
      return numpyAbiRemedy(facts)
    case 'binary-incompatible': {
      const { linked, builder } = facts
      const both = builder ? `${code(builder)} and ${code(linked)}` : code(linked)
      return (
        `Reinstall ${both} together with versions that match (pin both in the requirements), ` +
        `e.g. \`pip install --no-cache-dir --force-reinstall ${builder ?? '<extension>'} ${linked}\`: ` +
        `no cached or prebuilt wheel built against another ${code(linked)}, and no second copy of ${code(linked)} earlier on the path.`
      )
    }
    case 'fatal-error':
      return (
        `A C extension crashes when ${facts.module ? code(facts.module) : 'the app'} is imported: ` +
        'usually one built for another Python or against another version of a library it links to. ' +
        'Reinstall the extensions in the image from scratch for its Python (`pip install --no-cache-dir --force-reinstall`, ' +
        'no cached or copied wheels), with matching versions of packages that are built against each other.'
      )
    case 'signal-only':
      return (
        'Run once with the `faulthandler` input left on (the default) to see the crashing module; ' +
        "then reinstall its C extension for the image's Python without cached wheels."
      )
    case 'kernel-segfault':
    case 'shell-segfault':
    case 'native-abort':
      return REINSTALL_FROM_SCRATCH
  }
}

export default defineReason({
  id: 'native-crash',
  title: 'Worker crashed in native code',
  headline: 'a native extension crashed the worker',
  readme:
    'a worker died of a signal in native code (`Fatal Python error: Segmentation fault`): the module ' +
    'whose import crashed, the extension modules loaded, or the two packages of a `size changed, may ' +
    'indicate binary incompatibility` warning; a package compiled against NumPy 1.x under NumPy 2 (`_ARRAY_API not found`); ' +
    "macOS's fork-safety check (CoreFoundation, the Objective-C runtime) killing forked workers; glibc's or the C++ " +
    "runtime's abort (`free(): invalid pointer`, `terminate called after throwing…`) before a SIGABRT no timeout explains",
  fixtures: [{ path: '__fixtures__/apps/fail-native-crash', test: '__tests__/hang-crash.itg.ts' }],
  rules: [numpyBuiltForAnother, binaryIncompatible, forkUnsafe, crashDump, signalOnly, abortedInNativeCode, kernelSegfault, shellReportedSegfault],
  words: (facts) => (facts.kind === 'fork-unsafe' ? forkUnsafeWords(facts) : { summary: summary(facts), remedy: remedy(facts) })
})
