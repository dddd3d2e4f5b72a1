// A file of the app does not compile: a SyntaxError (or IndentationError, TabError) on its file and line.
import { defineReason, type Rule } from '../reason.js'
import { frameText, type Traceback } from '../context.js'
import { exceptionIs } from '../rules/rule.js'
import { code, fileLine, present } from '../words.js'
import type { SourceLocation } from '../../core/model.js'
import { futureFeature } from '../rules/future-features.js'
import { newerPythonConstruct } from '../rules/newer-python.js'
import { appModule } from '../rules/configuration.js'

interface Facts {
  /** `file:line` of the error, the repository's file when it maps there. */
  at?: string
  /** The exception class without its module: SyntaxError, IndentationError, TabError. */
  errorType: string
  message: string
  /** The file to compile: the repository's, else the one the log names. */
  file?: string
  /** Saved while Gunicorn ran with --reload: the reloaded worker could not import it. */
  reloaded: boolean
  /** A `from __future__ import` this Python lacks: the module was written for a newer one. */
  future?: { feature: string; module?: string; since?: string }
  /** A construct of a newer Python that fails at import as a TypeError (`X | None` before 3.10). */
  newer?: { construct: string; since: string; code?: string; running?: string; exceptionLine: string }
  /** The file holds null bytes (saved as UTF-16, or not text): the module being imported, when the log names it. */
  nullBytes?: { module?: string; exceptionLine: string }
}

// Python 3.12+ raises it as a SyntaxError, older ones as a ValueError; neither names the file.
const NULL_BYTES = /source code string cannot contain null bytes/

/** The module whose source is not text: the app's import line above the importer's frames, else the app spec's module. */
const nullBytes: Rule<Facts> = {
  stage: 'boot',
  name: 'a source file holds null bytes',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => NULL_BYTES.test(t.exception.message))
    if (!tb) return undefined
    const frame = rc.userFrame(tb)
    const imported = /^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/.exec(frame?.frame.code ?? '')
    const viaGunicorn = !frame && tb.frames.some((f) => f.func === 'import_app')
    const module = imported ? (imported[1] ?? imported[2]) : viaGunicorn ? appModule(rc) : undefined
    return {
      facts: {
        errorType: tb.exception.type,
        message: tb.exception.message,
        reloaded: false,
        nullBytes: { module, exceptionLine: tb.exception.line }
      },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    }
  }
}

// Before the traceback's own reading: the file is a package's, and the fix is the Python version, not the syntax.
const newerPythonFeature: Rule<Facts> = {
  stage: 'boot',
  name: 'a module uses a __future__ feature this Python does not have',
  detect(rc) {
    const found = futureFeature(rc)
    if (!found) return undefined
    const { feature, module, since } = found
    return {
      facts: { errorType: 'SyntaxError', message: `future feature ${feature} is not defined`, reloaded: false, future: { feature, module, since } },
      evidence: [found.line.text.trim(), ...present(rc.gunicornOutcomeLine())]
    }
  }
}

const newerPythonCode: Rule<Facts> = {
  stage: 'boot',
  name: 'code written for a newer Python fails at import with a TypeError',
  detect(rc) {
    const found = newerPythonConstruct(rc)
    if (!found) return undefined
    const { tb, frame, construct, since, code: line, running } = found
    const location = frame?.location
    const last = tb.frames[tb.frames.length - 1]
    return {
      facts: {
        at: location ? fileLine(location) : last ? `${last.file.split('/').pop()}:${last.line}` : undefined,
        errorType: 'TypeError',
        message: tb.exception.message,
        file: location?.file,
        reloaded: false,
        newer: { construct, since, code: line, running, exceptionLine: tb.exception.line }
      },
      evidence: rc.tracebackEvidence(tb, frame),
      location
    }
  }
}

function newerWords({ at, newer }: Facts & { newer: NonNullable<Facts['newer']> }): { summary: string; remedy: string } {
  const shown = newer.code ? ` (${code(newer.code)})` : ''
  const running = newer.running ? `: the image runs Python ${newer.running}` : ''
  return {
    summary:
      `${at ? code(at) : 'The app'} uses ${newer.construct}${shown}, which need Python ${newer.since} or later ` +
      `(${code(newer.exceptionLine)})${running}.`,
    remedy:
      `Build the image FROM Python ${newer.since} or later (the base image's tag), or write it for this Python: ` +
      `${code('from __future__ import annotations')} at the top of the file defers annotations, or use ${code('typing.Optional')}/${code('typing.List')}.`
  }
}

const syntaxTraceback: Rule<Facts> = {
  stage: 'boot',
  name: 'a SyntaxError traceback',
  detect(rc) {
    const isSyntax = (t: Traceback) => exceptionIs(t, 'SyntaxError', 'IndentationError', 'TabError')
    // The last frame of a SyntaxError traceback is the broken file itself (no `, in func`): a traceback that ends so is
    // the whole one, where a host delivered the lines out of order and another copy ends at an importing line.
    const endsInFile = (t: Traceback) => t.frames.length > 0 && t.frames[t.frames.length - 1].func === undefined
    const primary = rc.primaryTraceback(isSyntax)
    const tb = primary && !endsInFile(primary) ? (rc.tracebacks.find((t) => isSyntax(t) && endsInFile(t)) ?? primary) : primary
    if (!tb) return undefined
    const last = tb.frames[tb.frames.length - 1]
    const file = last ? rc.mapContainerPath(last.file) : undefined
    const location: SourceLocation | undefined = file && last ? { file, line: last.line, containerPath: last.file } : rc.userFrame(tb)?.location
    return {
      facts: {
        at: location ? fileLine(location) : last ? `${last.file}:${last.line}` : undefined,
        errorType: tb.exception.type.split('.').pop()!,
        message: tb.exception.message,
        file: location?.file,
        reloaded: false
      },
      evidence: [...(last ? frameText(last) : []), tb.exception.line, ...present(rc.gunicornOutcomeLine())],
      location
    }
  }
}

/** A SyntaxError logged as its str(), `invalid syntax (app.py, line 4)` (19.x–20.x reloader), without a traceback. */
const syntaxMessage: Rule<Facts> = {
  stage: 'boot',
  name: 'a SyntaxError logged as its message',
  detect(rc) {
    const logged = rc.ofKind('syntax-error-message')[0]
    if (!logged) return undefined
    const reloaded = rc.ofKind('worker-reloading').find((r) => r.file.endsWith(`/${logged.file}`) || r.file === logged.file)
    const file = reloaded ? rc.mapContainerPath(reloaded.file) : rc.moduleFile(logged.file.replace(/\.py$/, '').replace(/\//g, '.'))
    const location: SourceLocation | undefined = file ? { file, line: logged.line, containerPath: reloaded?.file } : undefined
    return {
      facts: {
        at: `${location?.file ?? logged.file}:${logged.line}`,
        errorType: 'SyntaxError',
        message: logged.message,
        file: location?.file ?? logged.file,
        reloaded: reloaded !== undefined
      },
      evidence: present(reloaded?.lines[0].text, logged.lines[0].text, rc.gunicornOutcomeLine()),
      location
    }
  }
}

function futureWords({ feature, module, since }: NonNullable<Facts['future']>): { summary: string; remedy: string } {
  const who = module ? code(module) : 'A module the app imports'
  const python = since ? `Python ${since} or later` : 'a newer Python'
  return {
    summary:
      `${who} does not compile on this Python: it uses ${code(`from __future__ import ${feature}`)}, which needs ${python} ` +
      `(${code(`SyntaxError: future feature ${feature} is not defined`)}).`,
    remedy:
      `Run the app on ${python}, or install a version of ${module ? code(module) : 'that package'} that supports this Python; ` +
      "if a copy earlier on the path (a platform agent's packages, a vendored directory) is the one imported, align or remove it."
  }
}

const RELOADED = ' (saved while Gunicorn ran with --reload; the reloaded worker could not import it)'

function nullBytesWords({ module, exceptionLine }: NonNullable<Facts['nullBytes']>): { summary: string; remedy: string } {
  const which = module ? `The module ${code(module)}` : 'A Python file the app imports'
  return {
    summary: `${which} is not UTF-8 text (${code(exceptionLine)}): saved as UTF-16 (PowerShell's \`>\`, some editors) or not a text file at all.`,
    remedy:
      `Re-save it as UTF-8 (${code('iconv -f UTF-16 -t UTF-8 in.py > out.py')}, or the editor's encoding menu); ` +
      `${code('file *.py')} shows which file is UTF-16.`
  }
}

export default defineReason({
  id: 'syntax-error',
  title: 'Syntax error',
  headline: 'syntax error',
  readme:
    'a `SyntaxError` in your code, on its file and line; code written for a newer Python than the image runs ' +
    '(`future feature annotations is not defined`, `X | None` annotations before 3.10: `unsupported operand type(s) for |`) named with the Python it needs; ' +
    'a source file saved as UTF-16 (`source code string cannot contain null bytes`)',
  fixtures: [{ path: '__fixtures__/apps/fail-syntax-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [nullBytes, newerPythonFeature, newerPythonCode, syntaxTraceback, syntaxMessage],
  words: (facts) => {
    const { at, errorType, message, file, reloaded, future, newer, nullBytes } = facts
    if (future) return futureWords(future)
    if (nullBytes) return nullBytesWords(nullBytes)
    if (newer) return newerWords({ ...facts, newer })
    const shown = code(at ?? 'the application')
    return {
      summary: `${shown} has ${/^[AEIOU]/.test(errorType) ? 'an' : 'a'} ${errorType}: ${message}${reloaded ? RELOADED : ''}.`,
      remedy: `Fix the syntax at ${shown}; ${code(`python -m py_compile ${file ?? 'file.py'}`)} reproduces it without Docker.`
    }
  }
})
