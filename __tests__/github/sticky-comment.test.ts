import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createOctokit, type GitHubClient } from '../../src/github/client.js'
import { deliverComment, type DeliverCommentOptions } from '../../src/github/comment-policy.js'
import { resolveCommenter, upsertStickyComment } from '../../src/github/sticky-comment.js'
import { commentMarker } from '../../src/render/marker.js'
import { GitHubStandin } from '../helpers/github-standin.js'

const INSTALLATION_TOKEN = 'ghs_standinInstallationToken000000000000'
const owner = 'octo-org'
const repo = 'app'

let standin: GitHubStandin

/** One client per "run", as in the action: each run is a new process with a new client. */
function client(token = INSTALLATION_TOKEN): GitHubClient {
  return createOctokit(token, { baseUrl: standin.url, waitUnitMs: 1 })
}

function body(key: string, text: string): string {
  return `${commentMarker(key)}\n### ${text}\n`
}

beforeEach(async () => {
  standin = await GitHubStandin.start()
})

afterEach(async () => {
  await standin.close()
})

describe('upsertStickyComment', () => {
  it('creates the comment on the first run and edits the same comment on the next ones', async () => {
    const first = await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 7, key: 'ci/smoke', body: body('ci/smoke', '❌ failed') })
    const second = await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 7, key: 'ci/smoke', body: body('ci/smoke', '✅ passed') })
    const third = await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 7, key: 'ci/smoke', body: body('ci/smoke', '✅ passed') })

    const comments = standin.commentsOn(7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toBe(body('ci/smoke', '✅ passed'))
    expect(comments[0].user.login).toBe('github-actions[bot]')
    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'unchanged'])
    expect(first.url).toBe(`https://github.com/octo-org/app/pull/7#issuecomment-${comments[0].id}`)
    expect(second.url).toBe(first.url)
    expect(standin.requestsFor('issues/create-comment')).toHaveLength(1)
    expect(standin.requestsFor('issues/update-comment')).toHaveLength(1)
    expect(standin.violations).toEqual([])
  })

  it('keeps one comment per key, so a matrix over two services gets two comments', async () => {
    for (const text of ['❌ first run', '✅ second run']) {
      for (const key of ['ci/smoke/api', 'ci/smoke/worker']) {
        await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 3, key, body: body(key, `${key} ${text}`) })
      }
    }
    const comments = standin.commentsOn(3)
    expect(comments.map((c) => c.body)).toEqual([
      body('ci/smoke/api', 'ci/smoke/api ✅ second run'),
      body('ci/smoke/worker', 'ci/smoke/worker ✅ second run')
    ])
    expect(standin.violations).toEqual([])
  })

  it('reads every page: ours on page 2 is updated, a human quoting the marker on page 1 is left alone', async () => {
    const key = 'ci/smoke'
    const marker = commentMarker(key)
    const seeds: Array<{ body: string; login?: string; type?: 'User' | 'Bot' }> = Array.from({ length: 150 }, (_, i) => ({
      body: `review remark ${i}`,
      login: `dev${i % 5}`
    }))
    // A human pasting our whole comment (marker first), a human quoting it in a reply, another bot's unrelated key.
    seeds[3] = { body: `${marker}\nI copied the bot's comment here`, login: 'alice' }
    seeds[10] = { body: `> ${marker}\n> ❌ failed\nWhy did this fail?`, login: 'bob' }
    seeds[40] = { body: `${commentMarker('other/key')}\nsomeone else`, type: 'Bot' }
    seeds[120] = { body: `${marker}\n### ❌ old failure`, type: 'Bot' }
    const stored = standin.seedComments(9, seeds)

    const result = await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 9, key, body: body(key, '✅ passed') })

    const after = standin.commentsOn(9)
    expect(after).toHaveLength(150)
    expect(result.action).toBe('updated')
    expect(after.find((c) => c.id === stored[120].id)?.body).toBe(body(key, '✅ passed'))
    expect(after.find((c) => c.id === stored[3].id)?.body).toBe(`${marker}\nI copied the bot's comment here`)
    expect(after.find((c) => c.id === stored[10].id)?.body).toBe(`> ${marker}\n> ❌ failed\nWhy did this fail?`)
    expect(after.find((c) => c.id === stored[40].id)?.body).toBe(`${commentMarker('other/key')}\nsomeone else`)
    const pages = standin.requestsFor('issues/list-comments').map((r) => r.query.page ?? '1')
    expect(pages).toEqual(['1', '2'])
    expect(standin.requestsFor('issues/create-comment')).toEqual([])
    expect(standin.violations).toEqual([])
  })

  it('updates the newest of several legacy duplicates and deletes the older ones', async () => {
    const key = 'ci/smoke'
    const [older, , newer] = standin.seedComments(4, [
      { body: `${commentMarker(key)}\nrun 1`, type: 'Bot' },
      { body: 'lgtm', login: 'carol' },
      { body: `${commentMarker(key)}\nrun 2`, type: 'Bot' }
    ])
    const result = await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 4, key, body: body(key, 'run 3') })
    expect(result.action).toBe('updated')
    expect(standin.commentsOn(4).map((c) => [c.id, c.body])).toEqual([
      [older.id + 1, 'lgtm'],
      [newer.id, body(key, 'run 3')]
    ])
    expect(standin.violations).toEqual([])
  })

  it('puts the marker first when the body lacks it, so the next run finds the comment', async () => {
    await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 5, key: 'k', body: 'plain text' })
    await upsertStickyComment({ octokit: client(), owner, repo, issueNumber: 5, key: 'k', body: 'plain text 2' })
    expect(standin.commentsOn(5).map((c) => c.body)).toEqual([`${commentMarker('k')}\nplain text 2`])
    expect(standin.violations).toEqual([])
  })

  it('with a personal token, recognises its owner through GET /user and never edits anyone else', async () => {
    standin.addUser('ghp_alicePersonalToken0000000000000000000', { login: 'alice' })
    const key = 'ci/smoke'
    const [bobs, alices] = standin.seedComments(6, [
      { body: `${commentMarker(key)}\nbob's copy`, login: 'bob' },
      { body: `${commentMarker(key)}\nalice's earlier run`, login: 'alice' }
    ])
    const octokit = client('ghp_alicePersonalToken0000000000000000000')
    const commenter = await resolveCommenter({ octokit, token: 'ghp_alicePersonalToken0000000000000000000' })
    expect(commenter).toEqual({ login: 'alice' })
    await upsertStickyComment({ octokit, owner, repo, issueNumber: 6, key, body: body(key, 'new run'), commenter })
    expect(standin.commentsOn(6).map((c) => [c.id, c.body])).toEqual([
      [bobs.id, `${commentMarker(key)}\nbob's copy`],
      [alices.id, body(key, 'new run')]
    ])
    expect(standin.violations).toEqual([])
  })

  it('does not call GET /user for an installation token and treats bots as the author', async () => {
    const commenter = await resolveCommenter({ octokit: client(), token: INSTALLATION_TOKEN })
    expect(commenter).toEqual({ anyBot: true })
    expect(standin.requestsFor('users/get-authenticated')).toEqual([])
    expect(standin.violations).toEqual([])
  })
})

function delivery(overrides: Partial<DeliverCommentOptions>): DeliverCommentOptions {
  return {
    policy: 'always',
    result: 'fail',
    body: body('ci/smoke', '❌ failed'),
    key: 'ci/smoke',
    octokit: client(),
    owner,
    repo,
    eventName: 'pull_request',
    payload: { number: 12, pull_request: { number: 12 } },
    sha: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
    token: INSTALLATION_TOKEN,
    ...overrides
  }
}

describe('deliverComment', () => {
  it('comments on the pull request of a pull_request event', async () => {
    const result = await deliverComment(delivery({}))
    expect(result.warning).toBeUndefined()
    expect(result.action).toBe('created')
    expect(result.url).toMatch(/\/pull\/12#issuecomment-\d+$/)
    expect(standin.commentsOn(12)).toHaveLength(1)
    expect(standin.violations).toEqual([])
  })

  it('turns a 403 from a fork pull request into a warning that says how to fix it', async () => {
    standin.forbidWrites = true
    const result = await deliverComment(delivery({}))
    expect(result.url).toBeUndefined()
    expect(result.warning).toContain('403 Resource not accessible by integration')
    expect(result.warning).toContain("'permissions: pull-requests: write'")
    expect(result.warning).toContain("publish it from a 'workflow_run' workflow with 'publish-report'")
    expect(result.warning).toContain('The smoke test result is unaffected.')
    expect(standin.commentsOn(12)).toEqual([])
    expect(standin.violations).toEqual([])
  })

  it('turns a 404 (wrong pr-number) into a warning', async () => {
    standin.markMissing(404)
    const result = await deliverComment(delivery({ eventName: 'workflow_dispatch', payload: {}, prNumberInput: 404 }))
    expect(result.warning).toMatch(/^No comment on pull request #404: GitHub answered 404 .*check 'pr-number'/)
    expect(standin.violations).toEqual([])
  })

  it('retries 502 answers and succeeds', async () => {
    standin.failNext(2)
    const result = await deliverComment(delivery({}))
    expect(result.warning).toBeUndefined()
    expect(result.action).toBe('created')
    expect(standin.requests.filter((r) => r.status === 502)).toHaveLength(2)
    expect(standin.commentsOn(12)).toHaveLength(1)
    expect(standin.violations).toEqual([])
  })

  it('waits out a secondary rate limit and a primary one', async () => {
    standin.failNext(1, 'secondary-rate')
    standin.failNext(1, 'primary-rate')
    const result = await deliverComment(delivery({}))
    expect(result.action).toBe('created')
    expect(standin.requests.filter((r) => r.status === 403)).toHaveLength(2)
    expect(standin.violations).toEqual([])
  })

  it('gives up with a warning when GitHub keeps failing', async () => {
    standin.failNext(20)
    const result = await deliverComment(delivery({}))
    expect(result.warning).toMatch(/^No comment on pull request #12: GitHub answered 502/)
    expect(standin.commentsOn(12)).toEqual([])
    expect(standin.violations).toEqual([])
  })

  it('on workflow_dispatch without a pull request, only looks the commit up and writes nothing', async () => {
    const result = await deliverComment(delivery({ eventName: 'workflow_dispatch', payload: { inputs: {} } }))
    expect(result).toEqual({
      notice:
        "No pull request is associated with this workflow_dispatch run, so the report is only in the job summary; set 'pr-number' to comment anyway."
    })
    expect(standin.requests.map((r) => r.operationId)).toEqual(['repos/list-pull-requests-associated-with-commit'])
    expect(standin.violations).toEqual([])
  })

  it('on push, comments on the open pull request whose head is the commit', async () => {
    const sha = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2'
    standin.setPullsForCommit(sha, [
      { number: 20, state: 'closed', headSha: sha },
      { number: 21, state: 'open', headSha: 'ffffffffffffffffffffffffffffffffffffffff' },
      { number: 22, state: 'open', headSha: sha }
    ])
    const result = await deliverComment(delivery({ eventName: 'push', payload: {}, sha }))
    expect(result.pullRequest).toBe(22)
    expect(standin.commentsOn(22)).toHaveLength(1)
    expect(standin.violations).toEqual([])
  })

  it('uses the pr-number input on workflow_dispatch without looking the commit up', async () => {
    const result = await deliverComment(delivery({ eventName: 'workflow_dispatch', payload: {}, prNumberInput: '31' }))
    expect(result.pullRequest).toBe(31)
    expect(standin.requestsFor('repos/list-pull-requests-associated-with-commit')).toEqual([])
    expect(standin.commentsOn(31)).toHaveLength(1)
    expect(standin.violations).toEqual([])
  })

  it('comments on the pull request behind an issue_comment event', async () => {
    const result = await deliverComment(delivery({ eventName: 'issue_comment', payload: { issue: { number: 40, pull_request: {} } } }))
    expect(result.pullRequest).toBe(40)
    expect(standin.violations).toEqual([])
  })

  it('on-failure: a pass creates nothing, a failure comments, a later pass turns that comment green', async () => {
    const pass = await deliverComment(delivery({ policy: 'on-failure', result: 'pass', body: body('ci/smoke', '✅ passed') }))
    expect(pass.notice).toContain("'comment' is on-failure")
    expect(standin.requestsFor('issues/create-comment')).toEqual([])

    await deliverComment(delivery({ policy: 'on-failure', result: 'fail', octokit: client() }))
    expect(standin.commentsOn(12).map((c) => c.body)).toEqual([body('ci/smoke', '❌ failed')])

    const green = await deliverComment(delivery({ policy: 'on-failure', result: 'pass', body: body('ci/smoke', '✅ passed'), octokit: client() }))
    expect(green.action).toBe('updated')
    expect(standin.commentsOn(12).map((c) => c.body)).toEqual([body('ci/smoke', '✅ passed')])
    expect(standin.violations).toEqual([])
  })

  it('never: sends no request at all', async () => {
    expect(await deliverComment(delivery({ policy: 'never' }))).toEqual({})
    expect(standin.requests).toEqual([])
  })

  it('a malformed pr-number becomes a warning, not an exception', async () => {
    const result = await deliverComment(delivery({ eventName: 'workflow_dispatch', payload: {}, prNumberInput: 'abc' }))
    expect(result.warning).toBe(
      "No pull-request comment: could not find the pull request of this run: The input 'pr-number' must be a pull request number such as 42, not 'abc'. The smoke test result is unaffected."
    )
    expect(standin.requests).toEqual([])
  })
})
