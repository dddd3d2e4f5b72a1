// An image with an ENTRYPOINT and no CMD (the start command lives in a compose file or a Procfile): the entrypoint
// script runs without arguments, `exec "$@"` runs nothing, and the container exits before Gunicorn ever starts.
import { defineReason, type Rule } from '../reason.js'
import { code, fileLine } from '../words.js'
import type { SourceLocation } from '../../core/model.js'
import type { StartCommandElsewhere } from '../../setup/start-command-search.js'

interface Facts {
  entrypoint: string
  exitCode?: number
  elsewhere?: StartCommandElsewhere
}

const entrypointWithoutCmd: Rule<Facts> = {
  stage: 'boot',
  name: 'the entrypoint ran without a CMD and the container ended before Gunicorn started',
  detect(rc) {
    const { image, container } = rc.ctx
    if (!image || image.commandGiven || container.running || (image.cmd?.length ?? 0) > 0 || !image.entrypoint?.length) return undefined
    if (rc.ofKind('master-start').length > 0) return undefined
    const entrypointLine = rc.dockerCommandLine()
    const location: SourceLocation | undefined = image.startCommandElsewhere
      ? { file: image.startCommandElsewhere.file, line: image.startCommandElsewhere.line }
      : entrypointLine && { file: entrypointLine.file, line: entrypointLine.line }
    return {
      facts: { entrypoint: image.entrypoint.join(' '), exitCode: container.exitCode, elsewhere: image.startCommandElsewhere },
      evidence: [...(entrypointLine ? [entrypointLine.text] : []), ...rc.ctx.lines.slice(-3).map((line) => line.text)],
      location,
      pointers: [location, entrypointLine && { file: entrypointLine.file, line: entrypointLine.line }].filter(
        (pointer): pointer is SourceLocation => pointer !== undefined
      )
    }
  }
}

function summary({ entrypoint, exitCode, elsewhere }: Facts): string {
  const exited = exitCode !== undefined ? `exited with code ${exitCode}` : 'stopped'
  const found = elsewhere ? ` The start command is in ${code(fileLine(elsewhere))}: ${code(elsewhere.command)}.` : ''
  return `The image has no CMD: its ENTRYPOINT ${code(entrypoint)} ran without arguments and ${exited}, so Gunicorn never started.${found}`
}

function remedy({ elsewhere }: Facts): string {
  const command = elsewhere ? code(elsewhere.command) : 'the Gunicorn command'
  return `Add a CMD with ${command} to the Dockerfile, or pass it with the \`command\` input.`
}

export default defineReason({
  id: 'no-start-command',
  title: 'Image has no start command',
  headline: 'the image has no start command',
  readme:
    'the image has an `ENTRYPOINT` script and no `CMD`, so nothing starts Gunicorn; the command the repository ' +
    'keeps elsewhere (a compose file `command:`, a Procfile `web:` line) is named with its file and line',
  fixtures: [{ path: '__fixtures__/apps/fail-no-start-command', test: '__tests__/diagnosis.itg.ts' }],
  rules: [entrypointWithoutCmd],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
