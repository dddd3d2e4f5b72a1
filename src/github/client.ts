// The GitHub client: @actions/github's Octokit (proxy-aware, GITHUB_API_URL-aware) with bounded retries.
import { randomUUID } from 'node:crypto'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  /** API root, e.g. `https://api.github.com` or a GHES `https://ghe.example.com/api/v3`; default GITHUB_API_URL. */
  baseUrl?: string
  /**
   * Unit of every wait, in ms (default 1000). Retries of 5xx answers wait 1, 4, 9 units; rate-limit waits are the
   * seconds GitHub asks for, in units. Tests pass 1 so nothing really sleeps.
   */
  waitUnitMs?: number
  /** Retries of a failed request (5xx, network), default 3. */
  retries?: number
  /** A rate-limited request is retried only if GitHub asks to wait at most this many seconds (default 60), twice. */
  maxRateLimitWaitSec?: number
  /** Where retry notices go (e.g. core.info); default silent. */
  log?: (message: string) => void
}

/**
 * An authenticated client. 5xx answers and network errors are retried up to `retries` times; primary and
 * secondary rate limits are waited out when the wait is short, otherwise the request fails (and delivery turns that
 * into a warning). 4xx answers other than rate limits are never retried.
 */
export function createOctokit(token: string, options: ClientOptions = {}): GitHubClient {
  const unit = options.waitUnitMs ?? 1000
  const maxWait = options.maxRateLimitWaitSec ?? 60
  const log = options.log ?? ((): void => undefined)
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < 2 && retryAfter <= maxWait
      log(
        `GitHub ${kind} on ${request.method ?? ''} ${request.url ?? ''}: ` +
          (retrying ? `retrying after ${retryAfter} s.` : `giving up (asked to wait ${retryAfter} s).`)
      )
      return retrying
    }
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
      throttle: {
        // One limiter per client: a run makes a handful of requests, and tests must not queue behind each other.
        id: `gunicorn-smoke-${randomUUID()}`,
        retryAfterBaseValue: unit,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
}
