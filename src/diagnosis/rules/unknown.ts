// The last resort when no rule recognises the run: still name the exception and the user's frame if there is one.
import type { Diagnosis } from '../../model.js'
import type { RuleContext } from '../context.js'
import { code, where } from './rule.js'

export function unknownDiagnosis(rc: RuleContext): Diagnosis {
  const tb = rc.primaryTraceback()
  const frame = rc.userFrame(tb)
  const outcomeLine = rc.gunicornOutcomeLine()
  if (tb) {
    return {
      reason: 'unknown',
      summary: `Workers failed with ${code(tb.exception.line.slice(0, 200))}${where(frame?.location)}.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: 'Fix the exception above; it happens while Gunicorn loads the app, so it reproduces with `python -c "import <module>"` in the image.'
    }
  }
  const interesting = rc.ctx.lines.filter((l) => /error|exception|fail|fatal|critical|killed|denied|not found/i.test(l.text)).slice(-5)
  const tail = interesting.length ? interesting : rc.ctx.lines.filter((l) => l.text.trim()).slice(-5)
  return {
    reason: 'unknown',
    summary: unexplainedStop(rc, outcomeLine),
    evidence: tail.map((l) => l.text),
    remedy: 'Read the last lines of the log below; run the image locally with the same command to reproduce.'
  }
}

function unexplainedStop(rc: RuleContext, outcomeLine: string | undefined): string {
  const { exitCode, running } = rc.ctx.container
  if (outcomeLine) {
    return `Gunicorn stopped: ${code(outcomeLine.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, ''))}${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}.`
  }
  if ((exitCode === 137 || exitCode === 143) && !running) {
    return `The container was stopped by ${exitCode === 137 ? 'SIGKILL' : 'SIGTERM'} (exit code ${exitCode}) while Gunicorn was running, and its log shows no error: something outside the app (docker kill or stop, the runner, the kernel) ended it.`
  }
  if (exitCode !== undefined && !running) return `The container exited with code ${exitCode} without a recognisable Gunicorn error.`
  return 'The smoke test failed without a recognisable Gunicorn error.'
}
