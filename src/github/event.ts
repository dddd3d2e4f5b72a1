// The workflow event, read once per run: the payload file GITHUB_EVENT_PATH names, and the run's metadata.
import fs from 'node:fs'
import type { RunMetadata } from '../core/model.js'

export type EventPayload = Record<string, unknown>

/** The event payload; {} outside GitHub Actions or when the file is missing or not a JSON object. */
export function readEventPayload(eventPath: string | undefined): EventPayload {
  if (!eventPath) return {}
  try {
    const payload: unknown = JSON.parse(fs.readFileSync(eventPath, 'utf8'))
    return payload !== null && typeof payload === 'object' ? (payload as EventPayload) : {}
  } catch {
    return {}
  }
}

export function runMetadata(env: NodeJS.ProcessEnv, payload: EventPayload): RunMetadata {
  const pullRequest = payload.pull_request as { head?: { sha?: string } } | undefined
  return {
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL,
    runId: env.GITHUB_RUN_ID,
    runNumber: env.GITHUB_RUN_NUMBER,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    // On pull_request events GITHUB_SHA is the merge commit; links should point at the PR's head.
    sha: pullRequest?.head?.sha ?? env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    eventName: env.GITHUB_EVENT_NAME
  }
}
