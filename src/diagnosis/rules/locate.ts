// "Where is the culprit": the image command line, a gunicorn.conf.py setting line, the user's frame.
// Rules ask these and pick the first that applies; none of them invents a location that is not in the repo.
import type { SourceLocation } from '../../model.js'
import type { RuleContext, Traceback } from '../context.js'

/** A line of a repository file, with its text. */
export interface FoundLine {
  file: string
  line: number
  text: string
}

/** The CMD/ENTRYPOINT line of the Dockerfile the run built (`paths.dockerfile`, else <context>/Dockerfile). */
export function commandLine(rc: RuleContext): FoundLine | undefined {
  return rc.dockerCommandLine()
}

/** The line of gunicorn.conf.py that sets `setting` (a name, or a pattern for the whole line). */
export function configSetting(rc: RuleContext, setting: string | RegExp): FoundLine | undefined {
  const config = rc.gunicornConfigFile()
  if (!config) return undefined
  const pattern = typeof setting === 'string' ? new RegExp(`^\\s*${setting}\\s*=`) : setting
  const found = rc.repo.findLine(config, pattern)
  return found ? { file: config, ...found } : undefined
}

/** The deepest frame of the user's code in a traceback, when it maps to a repository file. */
export function frameLocation(rc: RuleContext, tb: Traceback | undefined): SourceLocation | undefined {
  return rc.userFrame(tb)?.location
}

/** The location of the first line that is there. */
export function firstLocation(...candidates: (FoundLine | undefined | false)[]): SourceLocation | undefined {
  const found = candidates.find((candidate): candidate is FoundLine => Boolean(candidate))
  return found ? { file: found.file, line: found.line } : undefined
}
