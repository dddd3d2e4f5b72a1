// A library the app calls at import refuses a value that is empty because the environment did not give it: an
// SDK's key or connection string (`ValueError: Instrumentation key cannot be none or empty.`, `… must be set …`), or
// the credentials a cloud SDK looks for there (botocore's `NoCredentialsError`, google-auth's `DefaultCredentialsError`).
// Detection for the missing-env reason; a message that speaks of a config file or setting is config-error's.
import type { RuleContext, Traceback, UserFrame } from '../context.js'
import { ABSENT_VALUE, ENVIRONMENT_WORDS, settingsNamed } from './app-settings.js'

export interface EmptyValueRefused {
  tb: Traceback
  /** The app's own frame that made the call. */
  frame?: UserFrame
  /** The variable, when the message names one as an environment variable or bare (`OPENAI_API_KEY`). */
  variable?: string
}

const CONFIG_FILE_WORDS = /\bconfig(?:uration)? file\b|\bsettings?\b/i

/** Raised at import (module-level code), past a frame of the app's own code. */
function raisedAtImport(rc: RuleContext, tb: Traceback): UserFrame | undefined {
  if (!tb.frames.some((f) => f.func === '<module>')) return undefined
  const frame = rc.userFrame(tb)
  return frame && frame.frame.func === '<module>' ? frame : undefined
}

/** SDKs that look for their credentials in the environment and say they found none: the variable each reads first. */
const CREDENTIALS: [RegExp, string][] = [
  [/NoCredentialsError|Unable to locate credentials/, 'AWS_ACCESS_KEY_ID'],
  [/DefaultCredentialsError/, 'GOOGLE_APPLICATION_CREDENTIALS'],
  [/EnvironmentCredential authentication unavailable/, 'AZURE_CLIENT_ID']
]

export function emptyValueRefused(rc: RuleContext): EmptyValueRefused | undefined {
  for (const tb of rc.tracebacks) {
    const { message } = tb.exception
    const credentials = CREDENTIALS.find(([pattern]) => pattern.test(tb.exception.line))
    const atImport = credentials && raisedAtImport(rc, tb)
    if (credentials && atImport) return { tb, frame: atImport, variable: credentials[1] }
    if (!ABSENT_VALUE.test(message) || (CONFIG_FILE_WORDS.test(message) && !ENVIRONMENT_WORDS.test(message))) continue
    const frame = raisedAtImport(rc, tb)
    if (!frame) continue
    return { tb, frame, variable: settingsNamed(message)[0] }
  }
  return undefined
}
