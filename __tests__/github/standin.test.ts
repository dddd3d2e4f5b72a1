// The stand-in is only worth its `violations: []` assertions if it really catches bad requests.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubStandin } from '../helpers/github-standin.js'

let standin: GitHubStandin

beforeEach(async () => {
  standin = await GitHubStandin.start()
})

afterEach(async () => {
  await standin.close()
})

async function call(method: string, path: string, body?: unknown, token = 'ghs_x'): Promise<Response> {
  return fetch(`${standin.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
}

describe('GitHubStandin', () => {
  it('accepts a well-formed request without violations', async () => {
    const response = await call('POST', '/repos/octo-org/app/issues/1/comments', { body: 'hello' })
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toMatch(/\/repos\/octo-org\/app\/issues\/comments\/\d+$/)
    expect(standin.violations).toEqual([])
  })

  it('records a body that does not match the operation schema', async () => {
    await call('POST', '/repos/octo-org/app/issues/1/comments', { body: 42 })
    await call('POST', '/repos/octo-org/app/issues/1/comments', { text: 'wrong field' })
    expect(standin.violations).toHaveLength(2)
    expect(standin.violations[0]).toMatch(/^POST \/repos\/octo-org\/app\/issues\/1\/comments: request body invalid: .*must be string/)
    expect(standin.violations[1]).toMatch(/must have required property 'body'/)
  })

  it('records unknown paths, unknown or out-of-range query parameters and bad path parameters', async () => {
    await call('GET', '/repos/octo-org/app/not-an-endpoint')
    await call('GET', '/repos/octo-org/app/issues/1/comments?per_page=500')
    await call('GET', '/repos/octo-org/app/issues/1/comments?sort=created')
    await call('PATCH', '/repos/octo-org/app/issues/comments/abc', { body: 'x' })
    expect(standin.violations).toEqual([
      "GET /repos/octo-org/app/not-an-endpoint: no operation in GitHub's OpenAPI description",
      'GET /repos/octo-org/app/issues/1/comments: per_page 500 exceeds 100',
      'GET /repos/octo-org/app/issues/1/comments: unknown query parameter sort',
      expect.stringMatching(/^PATCH \/repos\/octo-org\/app\/issues\/comments\/abc: path parameter comment_id invalid/)
    ])
  })

  it("records an edit of somebody else's comment and refuses it", async () => {
    const [human] = standin.seedComments(1, [{ body: 'mine', login: 'alice' }])
    const response = await call('PATCH', `/repos/octo-org/app/issues/comments/${human.id}`, { body: 'edited' })
    expect(response.status).toBe(403)
    expect(standin.commentsOn(1)[0].body).toBe('mine')
    expect(standin.violations).toEqual([`PATCH comment ${human.id}: github-actions[bot] edited a comment by alice`])
  })

  it('paginates with Link headers', async () => {
    standin.seedComments(
      1,
      Array.from({ length: 250 }, (_, i) => ({ body: `c${i}` }))
    )
    const first = await call('GET', '/repos/octo-org/app/issues/1/comments?per_page=100')
    const link = first.headers.get('link') ?? ''
    expect(link).toContain(`<${standin.url}/repos/octo-org/app/issues/1/comments?per_page=100&page=2>; rel="next"`)
    expect(link).toContain(`<${standin.url}/repos/octo-org/app/issues/1/comments?per_page=100&page=3>; rel="last"`)
    const last = await call('GET', '/repos/octo-org/app/issues/1/comments?per_page=100&page=3')
    expect(((await last.json()) as unknown[]).length).toBe(50)
    expect(last.headers.get('link')).not.toContain('rel="next"')
    expect(standin.violations).toEqual([])
  })

  it('rejects bodies over 65,536 characters like GitHub does', async () => {
    const response = await call('POST', '/repos/octo-org/app/issues/1/comments', { body: 'x'.repeat(65_537) })
    expect(response.status).toBe(422)
    expect(JSON.stringify(await response.json())).toContain('Body is too long (maximum is 65536 characters)')
    expect(standin.violations).toEqual(['POST /repos/octo-org/app/issues/1/comments: body longer than 65,536 characters'])
  })

  it('answers 401 to an unknown personal token and 403 to GET /user with an installation token', async () => {
    expect((await call('GET', '/user', undefined, 'ghp_unknown')).status).toBe(401)
    expect((await call('GET', '/user')).status).toBe(403)
    expect(standin.violations).toEqual([])
  })

  it('answers the workflow-run, pull-request and check-run endpoints with documented bodies', async () => {
    standin.addWorkflowRun({ id: 77, headSha: 'a'.repeat(40), headRepo: 'fork/app', headBranch: 'fix', event: 'pull_request' })
    standin.addPull({ number: 5, state: 'open', headSha: 'a'.repeat(40), headRepo: 'fork/app', headRef: 'fix' })
    const run = (await (await call('GET', '/repos/octo-org/app/actions/runs/77')).json()) as {
      head_repository: { full_name: string }
      pull_requests: unknown[]
    }
    expect(run.head_repository.full_name).toBe('fork/app')
    expect(run.pull_requests).toEqual([])
    const pulls = (await (await call('GET', '/repos/octo-org/app/pulls?state=open&head=fork:fix')).json()) as Array<{
      number: number
      head: { repo: { full_name: string } }
    }>
    expect(pulls.map((p) => [p.number, p.head.repo.full_name])).toEqual([[5, 'fork/app']])
    expect(((await (await call('GET', '/repos/octo-org/app/pulls?state=open&head=other:fix')).json()) as unknown[]).length).toBe(0)
    const created = await call('POST', '/repos/octo-org/app/check-runs', {
      name: 'smoke',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [{ path: 'app.py', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'm' }] }
    })
    expect(created.status).toBe(201)
    const listed = (await (await call('GET', `/repos/octo-org/app/commits/${'a'.repeat(40)}/check-runs?check_name=smoke`)).json()) as {
      total_count: number
    }
    expect(listed.total_count).toBe(1)
    expect(standin.checkRuns[0].annotations).toHaveLength(1)
    expect((await call('GET', '/repos/octo-org/app/actions/runs/78')).status).toBe(404)
    expect(standin.violations).toEqual([])
  })

  it('records a check run the description does not allow, and more than 50 annotations in one request', async () => {
    await call('POST', '/repos/octo-org/app/check-runs', { name: 'smoke', head_sha: 'a'.repeat(40), conclusion: 'passed' })
    const annotation = { path: 'app.py', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'm' }
    await call('POST', '/repos/octo-org/app/check-runs', {
      name: 'smoke',
      head_sha: 'a'.repeat(40),
      output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, () => annotation) }
    })
    // The description itself caps annotations at 50 per request; the stand-in says so in its own words too.
    expect(standin.violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^POST \/repos\/octo-org\/app\/check-runs: request body invalid: .*conclusion/),
        expect.stringMatching(/^POST \/repos\/octo-org\/app\/check-runs: request body invalid: .*must NOT have more than 50 items/),
        expect.stringMatching(/51 annotations in one request \(GitHub takes 50\)/)
      ])
    )
  })
})
