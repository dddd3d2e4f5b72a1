// A file of the app does not compile: a SyntaxError (or IndentationError, TabError) on its file and line.
import { defineReason, type Rule } from '../reason.js'
import { frameText } from '../context.js'
import { exceptionIs } from '../rules/rule.js'
import { code, fileLine, present } from '../words.js'
import type { SourceLocation } from '../../core/model.js'

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
}

const syntaxTraceback: Rule<Facts> = {
  stage: 'boot',
  name: 'a SyntaxError traceback',
  detect(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, 'SyntaxError', 'IndentationError', 'TabError'))
    if (!tb) return undefined
    // The last frame of a SyntaxError traceback is the broken file itself (no `, in func`).
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

const RELOADED = ' (saved while Gunicorn ran with --reload; the reloaded worker could not import it)'

export default defineReason({
  id: 'syntax-error',
  title: 'Syntax error',
  headline: 'syntax error',
  readme: 'a `SyntaxError` in your code, on its file and line',
  fixtures: [{ path: '__fixtures__/apps/fail-syntax-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [syntaxTraceback, syntaxMessage],
  words: ({ at, errorType, message, file, reloaded }) => {
    const shown = code(at ?? 'the application')
    return {
      summary: `${shown} has a ${errorType}: ${message}${reloaded ? RELOADED : ''}.`,
      remedy: `Fix the syntax at ${shown}; ${code(`python -m py_compile ${file ?? 'file.py'}`)} reproduces it without Docker.`
    }
  }
})
