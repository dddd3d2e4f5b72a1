// A report file against the run GitHub says triggered the publishing workflow: it must be that run's report, for
// that run's head commit, in this repository. What the comment links to is then rebuilt from GitHub's word.
import type { RunReport } from '../core/model.js'
import type { TriggeringRun } from '../github/workflow-run.js'
import type { ReportFile } from './file.js'

/** Why the file is refused, in one sentence naming it; undefined when it belongs to the run. */
export function refusal(file: ReportFile, run: TriggeringRun, baseRepository: string, label: string): string | undefined {
  const refuse = (what: string): string => `The report file '${label}' ${what}: refused.`
  if (file.headSha !== run.headSha) {
    return refuse(`is for commit ${file.headSha ?? '(none)'}, but the triggering run ${run.id} tested ${run.headSha}`)
  }
  if (file.metadata.runId !== String(run.id)) {
    return refuse(`comes from run ${file.metadata.runId ?? '(none)'}, not from the triggering run ${run.id}`)
  }
  if (file.headRepository !== undefined && file.headRepository.toLowerCase() !== run.headRepository.toLowerCase()) {
    return refuse(`names the head repository ${file.headRepository}, but the triggering run's is ${run.headRepository}`)
  }
  if (file.metadata.repository !== undefined && file.metadata.repository.toLowerCase() !== baseRepository.toLowerCase()) {
    return refuse(`was written in ${file.metadata.repository}, not in ${baseRepository}`)
  }
  return undefined
}

/**
 * The report to render: the file's findings with the run's identity replaced by the triggering run's (the links in
 * the comment point at this repository, the run GitHub named and the commit it tested, whatever the file said).
 */
export function publishableReport(file: ReportFile, run: TriggeringRun, env: NodeJS.ProcessEnv): RunReport {
  const { format: _format, version: _version, commentKey: _key, headSha: _sha, headRepository: _repo, ...report } = file
  return {
    ...report,
    metadata: {
      repository: env.GITHUB_REPOSITORY,
      serverUrl: env.GITHUB_SERVER_URL,
      runId: String(run.id),
      runNumber: file.metadata.runNumber,
      runAttempt: file.metadata.runAttempt,
      sha: run.headSha,
      workflow: file.metadata.workflow,
      job: file.metadata.job,
      eventName: run.event
    }
  }
}
