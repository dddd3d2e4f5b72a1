// A check run on the head commit, named after the comment key: the verdict as its conclusion and the report's
// file:line annotations, so a fork's contributor sees them in the diff. One per key and commit, edited in place.
import type { Annotation, RunReport } from '../core/model.js'
import { sanitizeLogLine } from '../render/markdown-safe.js'
import type { GitHubClient } from './client.js'

/** GitHub takes at most 50 annotations per request. */
export const MAX_CHECK_ANNOTATIONS = 50
const SEVERITY: Record<Annotation['level'], number> = { error: 0, warning: 1, notice: 2 }
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const

export interface CheckRunTarget {
  octokit: GitHubClient
  owner: string
  repo: string
  headSha: string
  /** The comment key: the check's name. */
  key: string
  /** The rendered comment: the check's summary (Markdown, already made safe by the renderer). */
  summary: string
  detailsUrl?: string
}

export interface CheckRunResult {
  url: string
  action: 'created' | 'updated'
}

/** Annotations with a place in the repository, most severe first, at most 50, as plain text. */
export function checkAnnotations(report: Pick<RunReport, 'annotations'>) {
  return report.annotations
    .map((annotation, index) => ({ annotation, index }))
    .filter(({ annotation }) => annotation.file !== undefined)
    .sort((a, b) => SEVERITY[a.annotation.level] - SEVERITY[b.annotation.level] || a.index - b.index)
    .slice(0, MAX_CHECK_ANNOTATIONS)
    .map(({ annotation }) => ({
      path: annotation.file!,
      start_line: annotation.line ?? 1,
      end_line: annotation.line ?? 1,
      annotation_level: LEVEL[annotation.level],
      title: sanitizeLogLine(annotation.title, 200),
      message: sanitizeLogLine(annotation.message, 4000) || annotation.level
    }))
}

const externalId = (key: string): string => `gunicorn-smoke:${key}`

/** Creates the check run for the key on the commit, or updates the one an earlier run created. */
export async function upsertCheckRun(report: RunReport, target: CheckRunTarget): Promise<CheckRunResult> {
  const { octokit, owner, repo, headSha, key } = target
  const { data: listed } = await octokit.rest.checks.listForRef({ owner, repo, ref: headSha, check_name: key, filter: 'latest', per_page: 100 })
  const ours = listed.check_runs.find((run) => run.external_id === externalId(key))
  const passed = report.result === 'pass'
  const fields = {
    owner,
    repo,
    name: key,
    external_id: externalId(key),
    status: 'completed' as const,
    conclusion: passed ? ('success' as const) : ('failure' as const),
    completed_at: new Date().toISOString(),
    ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
    output: {
      title: passed ? 'Gunicorn smoke test passed' : 'Gunicorn smoke test failed',
      summary: target.summary,
      annotations: checkAnnotations(report)
    }
  }
  if (ours) {
    const { data } = await octokit.rest.checks.update({ ...fields, check_run_id: ours.id })
    return { url: data.html_url ?? '', action: 'updated' }
  }
  const { data } = await octokit.rest.checks.create({ ...fields, head_sha: headSha })
  return { url: data.html_url ?? '', action: 'created' }
}
