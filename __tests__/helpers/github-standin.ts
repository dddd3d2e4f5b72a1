// A local stand-in for api.github.com that holds the client to GitHub's published OpenAPI description:
// every request is matched to an operation (method + path template), its path/query parameters and JSON body are
// validated with ajv against the operation's schemas, and so is every response the stand-in sends (so the fakes stay
// realistic). Problems are recorded in `violations`; tests assert it stays empty.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import AjvModule, { type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ajv and ajv-formats are CommonJS: under ESM the default import is module.exports.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: JsonObject
}

interface OpenApiOperation {
  operationId: string
  parameters?: Array<OpenApiParameter | { $ref: string }>
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> } | { $ref: string }
  responses: Record<string, JsonObject>
}

interface Spec {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>
  components: JsonObject & {
    parameters: Record<string, OpenApiParameter>
    responses: Record<string, JsonObject>
    examples: Record<string, { value: Json }>
    requestBodies?: Record<string, JsonObject>
  }
}

const SPEC_ID = 'github-openapi'
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

interface Route {
  method: string
  template: string
  regex: RegExp
  names: string[]
  literals: number
  operation: OpenApiOperation
}

/** The OpenAPI description and its compiled validators, loaded once per test file (it is 13 MB). */
class SpecIndex {
  readonly spec: Spec
  private readonly routes: Route[] = []
  private readonly strict = new Ajv({ strict: false, allErrors: true, validateSchema: false })
  private readonly coercing = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: true })
  private readonly validators = new Map<string, ValidateFunction>()

  constructor() {
    const file = fileURLToPath(new URL('../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url))
    this.spec = JSON.parse(fs.readFileSync(file, 'utf8')) as Spec
    for (const ajv of [this.strict, this.coercing]) {
      addFormats(ajv)
      ajv.addSchema({ $id: SPEC_ID, components: this.spec.components })
    }
    for (const [template, item] of Object.entries(this.spec.paths)) {
      const names: string[] = []
      const pattern = template
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment)
          if (param) {
            names.push(param[1])
            return '([^/]+)'
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        })
        .join('/')
      const literals = template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length
      for (const method of HTTP_METHODS) {
        const operation = item[method] as OpenApiOperation | undefined
        if (operation) {
          this.routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, literals, operation })
        }
      }
    }
    // The most specific template wins (`/issues/comments/{id}` over `/issues/{issue_number}`).
    this.routes.sort((a, b) => b.literals - a.literals)
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue
      const m = route.regex.exec(path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])))
      return { route, params }
    }
    return undefined
  }

  private deref<T>(value: T | { $ref: string }): T {
    if (value && typeof value === 'object' && '$ref' in value) {
      const parts = value.$ref.replace(/^#\//, '').split('/')
      let node: unknown = this.spec
      for (const part of parts) node = (node as Record<string, unknown>)[part]
      return this.deref(node as T)
    }
    return value
  }

  parameters(operation: OpenApiOperation): OpenApiParameter[] {
    return (operation.parameters ?? []).map((p) => this.deref<OpenApiParameter>(p))
  }

  requestSchema(operation: OpenApiOperation): { required: boolean; schema?: JsonObject } | undefined {
    if (!operation.requestBody) return undefined
    const body = this.deref<{ required?: boolean; content?: Record<string, { schema?: JsonObject }> }>(operation.requestBody)
    return { required: body.required === true, schema: body.content?.['application/json']?.schema }
  }

  responseSchema(operation: OpenApiOperation, status: number): JsonObject | undefined {
    const response = operation.responses[String(status)]
    if (!response) return undefined
    const resolved = this.deref(response) as { content?: Record<string, { schema?: JsonObject }> }
    return resolved.content?.['application/json']?.schema
  }

  hasResponse(operation: OpenApiOperation, status: number): boolean {
    return String(status) in operation.responses
  }

  /** A validator for a schema taken from the description, its local $refs pointed at the registered components. */
  validator(cacheKey: string, schema: JsonObject, coerce: boolean): ValidateFunction {
    const key = `${coerce ? 'c' : 's'}:${cacheKey}`
    let validate = this.validators.get(key)
    if (!validate) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`)) as object
      validate = (coerce ? this.coercing : this.strict).compile(rewritten)
      this.validators.set(key, validate)
    }
    return validate
  }
}

let specIndex: SpecIndex | undefined
function loadSpec(): SpecIndex {
  specIndex ??= new SpecIndex()
  return specIndex
}

export interface StandinUser {
  login: string
  type: 'User' | 'Bot'
  id: number
}

export const GITHUB_ACTIONS_BOT: StandinUser = { login: 'github-actions[bot]', type: 'Bot', id: 41898282 }

export interface StoredComment {
  id: number
  body: string
  user: StandinUser
  created_at: string
  updated_at: string
  owner: string
  repo: string
  issue: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  operationId?: string
  body?: unknown
  status: number
}

export interface PullSeed {
  number: number
  state: 'open' | 'closed'
  headSha: string
  /** `owner/name` of the head repository (a fork); default the repository asked about. */
  headRepo?: string
  /** The head branch; default `feature`. */
  headRef?: string
}

export interface WorkflowRunSeed {
  id: number
  headSha: string
  /** `owner/name` of the head repository: the fork, for a fork's pull request. */
  headRepo: string
  headBranch: string
  event: string
}

export interface StoredCheckRun {
  id: number
  owner: string
  repo: string
  headSha: string
  name: string
  externalId?: string
  status: string
  conclusion?: string
  title?: string
  summary?: string
  /** Every annotation sent for this check run, in the order received. */
  annotations: Array<{ path: string; start_line: number; end_line: number; annotation_level: string; title?: string; message: string }>
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export class GitHubStandin {
  readonly violations: string[] = []
  readonly requests: RecordedRequest[] = []
  /** Answer POST/PATCH/DELETE with 403 "Resource not accessible by integration" (a fork PR's read-only token). */
  forbidWrites = false
  private readonly users = new Map<string, StandinUser>()
  private readonly comments: StoredComment[] = []
  private readonly pulls = new Map<string, PullSeed[]>()
  private readonly openPulls: Array<PullSeed & { repository: string }> = []
  private readonly workflowRuns = new Map<string, WorkflowRunSeed & { repository: string }>()
  readonly checkRuns: StoredCheckRun[] = []
  /** Answer check-run writes with 403 (a token without `checks: write`). */
  forbidChecks = false
  /** Whether GET /commits/{sha}/pulls finds pull requests from forks (off: only GET /pulls?head= does). */
  commitLookupFindsForks = true
  private nextCheckRunId = 7_000_001
  private readonly missingIssues = new Set<number>()
  private failures: Array<{ status: number; kind: 'server' | 'primary-rate' | 'secondary-rate' }> = []
  private nextCommentId = 1_000_001
  private clock = Date.parse('2026-11-27T10:00:00Z')
  private readonly spec = loadSpec()
  private server!: http.Server
  url = ''

  static async start(): Promise<GitHubStandin> {
    const standin = new GitHubStandin()
    standin.server = http.createServer((req, res) => void standin.handle(req, res))
    await new Promise<void>((resolve) => standin.server.listen(0, '127.0.0.1', resolve))
    standin.url = `http://127.0.0.1:${(standin.server.address() as AddressInfo).port}`
    return standin
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** A personal token and its owner, for GET /user and authorship. Tokens starting `ghs_` are github-actions[bot]. */
  addUser(token: string, user: { login: string; id?: number; type?: 'User' | 'Bot' }): void {
    this.users.set(token, { login: user.login, id: user.id ?? 100 + this.users.size, type: user.type ?? 'User' })
  }

  /** Pre-existing comments on an issue, oldest first. */
  seedComments(
    issue: number,
    comments: Array<{ body: string; login?: string; type?: 'User' | 'Bot' }>,
    repository = 'octo-org/app'
  ): StoredComment[] {
    const [owner, repo] = repository.split('/')
    return comments.map((c) => {
      const user: StandinUser =
        c.type === 'Bot' && (c.login === undefined || c.login === GITHUB_ACTIONS_BOT.login)
          ? GITHUB_ACTIONS_BOT
          : { login: c.login ?? 'octocat', type: c.type ?? 'User', id: 5000 + this.comments.length }
      return this.store({ owner, repo, issue, body: c.body, user })
    })
  }

  commentsOn(issue: number, repository = 'octo-org/app'): StoredComment[] {
    const [owner, repo] = repository.split('/')
    return this.comments.filter((c) => c.owner === owner && c.repo === repo && c.issue === issue)
  }

  setPullsForCommit(sha: string, pulls: PullSeed[]): void {
    this.pulls.set(sha, pulls)
  }

  /** An open (or closed) pull request of `repository`, found by its head commit or by `head=owner:branch`. */
  addPull(seed: PullSeed, repository = 'octo-org/app'): void {
    this.openPulls.push({ ...seed, repository })
  }

  /** A run GET /repos/{owner}/{repo}/actions/runs/{id} describes. */
  addWorkflowRun(seed: WorkflowRunSeed, repository = 'octo-org/app'): void {
    this.workflowRuns.set(`${repository}#${seed.id}`, { ...seed, repository })
  }

  /** Issues that answer 404. */
  markMissing(issue: number): void {
    this.missingIssues.add(issue)
  }

  /** The next `count` requests fail: 502 Bad Gateway, or GitHub's primary / secondary rate-limit answers. */
  failNext(count: number, kind: 'server' | 'primary-rate' | 'secondary-rate' = 'server'): void {
    for (let i = 0; i < count; i++) this.failures.push({ status: kind === 'server' ? 502 : 403, kind })
  }

  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  private store(fields: Omit<StoredComment, 'id' | 'created_at' | 'updated_at'>): StoredComment {
    const at = new Date((this.clock += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const comment: StoredComment = { ...fields, id: this.nextCommentId++, created_at: at, updated_at: at }
    this.comments.push(comment)
    return comment
  }

  private identify(req: http.IncomingMessage): StandinUser | undefined {
    const match = /^(?:token|bearer) (\S+)$/i.exec(req.headers.authorization ?? '')
    if (!match) return undefined
    if (match[1].startsWith('ghs_')) return GITHUB_ACTIONS_BOT
    return this.users.get(match[1])
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    })
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    const query = Object.fromEntries(url.searchParams.entries())
    const record: RecordedRequest = { method, path: url.pathname, query, status: 0 }
    this.requests.push(record)
    const where = `${method} ${url.pathname}`

    const matched = this.spec.match(method, url.pathname)
    if (!matched) {
      this.violations.push(`${where}: no operation in GitHub's OpenAPI description`)
      return this.send(res, record, undefined, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    }
    const { route, params } = matched
    record.operationId = route.operation.operationId
    let body: unknown
    this.validateRequest(where, route, params, url.searchParams, req, raw, (parsed) => (body = parsed))
    record.body = body

    const failure = this.failures.shift()
    if (failure) return this.sendFailure(res, record, route, failure.kind)

    const user = this.identify(req)
    if (!user && route.operation.operationId !== 'meta/root') {
      return this.send(res, record, route, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
    }
    const writes = method !== 'GET' && method !== 'HEAD'
    if (writes && this.forbidWrites) {
      return this.send(res, record, route, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403'
      })
    }
    if (writes && this.forbidChecks && route.operation.operationId.startsWith('checks/')) {
      return this.send(res, record, route, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
        status: '403'
      })
    }
    this.respond(res, record, route, params, query, body, user!)
  }

  private validateRequest(
    where: string,
    route: Route,
    params: Record<string, string>,
    search: URLSearchParams,
    req: http.IncomingMessage,
    raw: string,
    setBody: (body: unknown) => void
  ): void {
    const declared = this.spec.parameters(route.operation)
    const id = route.operation.operationId
    for (const p of declared) {
      if (p.in === 'path') {
        this.check(where, `path parameter ${p.name}`, `${id}:path:${p.name}`, p.schema, params[p.name], true)
      } else if (p.in === 'query') {
        const values = search.getAll(p.name)
        if (values.length === 0) {
          if (p.required) this.violations.push(`${where}: missing required query parameter ${p.name}`)
          continue
        }
        for (const value of values) this.check(where, `query parameter ${p.name}`, `${id}:query:${p.name}`, p.schema, value, true)
        // The description states "max 100" in prose only.
        if (p.name === 'per_page' && Number(values[0]) > 100) this.violations.push(`${where}: per_page ${values[0]} exceeds 100`)
      }
    }
    for (const name of new Set(search.keys())) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) this.violations.push(`${where}: unknown query parameter ${name}`)
    }
    const bodySpec = this.spec.requestSchema(route.operation)
    if (!bodySpec) {
      if (raw.trim() !== '') this.violations.push(`${where}: sent a body to an operation that takes none`)
      return
    }
    if (raw.trim() === '') {
      if (bodySpec.required) this.violations.push(`${where}: missing required JSON body`)
      return
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      this.violations.push(`${where}: body sent as ${req.headers['content-type'] ?? 'no content type'}, not application/json`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      this.violations.push(`${where}: body is not JSON`)
      return
    }
    setBody(parsed)
    if (bodySpec.schema) this.check(where, 'request body', `${id}:body`, bodySpec.schema, parsed, false)
  }

  private check(where: string, what: string, cacheKey: string, schema: JsonObject | undefined, value: unknown, coerce: boolean): void {
    if (!schema) return
    // Coercion (query strings to integers) rewrites values in place, which needs a parent object to write into.
    const holder = { value }
    const wrapped = this.spec.validator(cacheKey, { type: 'object', properties: { value: schema }, required: ['value'] }, coerce)
    if (!wrapped(holder)) {
      this.violations.push(`${where}: ${what} invalid: ${JSON.stringify(wrapped.errors?.slice(0, 3))}`)
    }
  }

  private sendFailure(res: http.ServerResponse, record: RecordedRequest, route: Route, kind: 'server' | 'primary-rate' | 'secondary-rate'): void {
    if (kind === 'server') {
      record.status = 502
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ message: 'Server Error' }))
      return
    }
    const headers: Record<string, string> =
      kind === 'primary-rate'
        ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-limit': '1000', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) }
        : { 'retry-after': '1' }
    const message =
      kind === 'primary-rate'
        ? 'API rate limit exceeded for installation ID 1.'
        : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    this.send(
      res,
      record,
      route,
      403,
      { message, documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api' },
      headers
    )
  }

  private respond(
    res: http.ServerResponse,
    record: RecordedRequest,
    route: Route,
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
    user: StandinUser
  ): void {
    const { owner, repo } = params
    const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }
    switch (route.operation.operationId) {
      case 'issues/list-comments': {
        const issue = Number(params.issue_number)
        if (this.missingIssues.has(issue)) return this.send(res, record, route, 404, notFound)
        const perPage = Math.min(Number(query.per_page ?? 30), 100)
        const page = Math.max(Number(query.page ?? 1), 1)
        const all = this.commentsOn(issue, `${owner}/${repo}`)
        const last = Math.max(1, Math.ceil(all.length / perPage))
        const slice = all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c))
        const link = (p: number): string => `${this.url}/repos/${owner}/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${p}`
        const rels: string[] = []
        if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`)
        if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
        if (page > 1) rels.push(`<${link(1)}>; rel="first"`)
        return this.send(res, record, route, 200, slice, rels.length > 0 ? { link: rels.join(', ') } : {})
      }
      case 'issues/create-comment': {
        const issue = Number(params.issue_number)
        if (this.missingIssues.has(issue)) return this.send(res, record, route, 404, notFound)
        const text = (body as { body?: unknown } | undefined)?.body
        if (typeof text !== 'string')
          return this.send(res, record, route, 422, { message: 'Invalid request.', documentation_url: 'https://docs.github.com/rest' })
        if (text.length > 65_536) return this.tooLong(res, record, route)
        const comment = this.store({ owner, repo, issue, body: text, user })
        const json = this.commentJson(comment)
        return this.send(res, record, route, 201, json, { location: json.url as string })
      }
      case 'issues/update-comment': {
        const comment = this.comments.find((c) => c.id === Number(params.comment_id) && c.owner === owner && c.repo === repo)
        if (!comment) return this.send(res, record, route, 404, notFound)
        if (comment.user.login !== user.login) {
          this.violations.push(`PATCH comment ${comment.id}: ${user.login} edited a comment by ${comment.user.login}`)
          return this.send(res, record, route, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest',
            status: '403'
          })
        }
        const text = (body as { body?: unknown } | undefined)?.body
        if (typeof text !== 'string')
          return this.send(res, record, route, 422, { message: 'Invalid request.', documentation_url: 'https://docs.github.com/rest' })
        if (text.length > 65_536) return this.tooLong(res, record, route)
        comment.body = text
        comment.updated_at = new Date((this.clock += 60_000)).toISOString().replace(/\.\d{3}Z$/, 'Z')
        return this.send(res, record, route, 200, this.commentJson(comment))
      }
      case 'issues/delete-comment': {
        const index = this.comments.findIndex((c) => c.id === Number(params.comment_id) && c.owner === owner && c.repo === repo)
        if (index === -1) return this.send(res, record, route, 404, notFound)
        if (this.comments[index].user.login !== user.login) {
          this.violations.push(`DELETE comment ${this.comments[index].id}: ${user.login} deleted a comment by ${this.comments[index].user.login}`)
          return this.send(res, record, route, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest',
            status: '403'
          })
        }
        this.comments.splice(index, 1)
        return this.send(res, record, route, 204, undefined)
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const seeded = [
          ...(this.pulls.get(params.commit_sha) ?? []),
          ...this.openPulls.filter(
            (p) => p.repository === `${owner}/${repo}` && p.headSha === params.commit_sha && (this.commitLookupFindsForks || !this.isFork(p))
          )
        ]
        return this.send(
          res,
          record,
          route,
          200,
          seeded.map((seed) => this.pullJson(seed, `${owner}/${repo}`))
        )
      }
      case 'pulls/list': {
        const [headOwner, headRef] = (query.head ?? '').split(':')
        const state = query.state ?? 'open'
        const found = this.openPulls.filter(
          (p) =>
            p.repository === `${owner}/${repo}` &&
            (state === 'all' || p.state === state) &&
            (!query.head || ((p.headRepo ?? p.repository).split('/')[0] === headOwner && (p.headRef ?? 'feature') === headRef))
        )
        return this.send(
          res,
          record,
          route,
          200,
          found.map((seed) => this.pullJson(seed, `${owner}/${repo}`))
        )
      }
      case 'actions/get-workflow-run': {
        const seed = this.workflowRuns.get(`${owner}/${repo}#${params.run_id}`)
        if (!seed) return this.send(res, record, route, 404, notFound)
        return this.send(res, record, route, 200, this.workflowRunJson(seed))
      }
      case 'checks/list-for-ref': {
        const runs = this.checkRuns.filter(
          (c) => c.owner === owner && c.repo === repo && c.headSha === params.ref && (!query.check_name || c.name === query.check_name)
        )
        return this.send(res, record, route, 200, { total_count: runs.length, check_runs: runs.map((c) => this.checkRunJson(c)) })
      }
      case 'checks/create': {
        const fields = body as { head_sha: string; name: string }
        const stored: StoredCheckRun = {
          id: this.nextCheckRunId++,
          owner,
          repo,
          headSha: fields.head_sha,
          name: fields.name,
          status: 'queued',
          annotations: []
        }
        this.checkRuns.push(stored)
        this.applyCheckRun(stored, body)
        return this.send(res, record, route, 201, this.checkRunJson(stored))
      }
      case 'checks/update': {
        const stored = this.checkRuns.find((c) => c.id === Number(params.check_run_id) && c.owner === owner && c.repo === repo)
        if (!stored) return this.send(res, record, route, 404, notFound)
        this.applyCheckRun(stored, body)
        return this.send(res, record, route, 200, this.checkRunJson(stored))
      }
      case 'users/get-authenticated': {
        if (user.type === 'Bot') {
          return this.send(res, record, route, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403'
          })
        }
        const profile = clone(this.spec.spec.components.examples['public-user-default-response'].value) as JsonObject
        Object.assign(profile, this.userJson(user), { user_view_type: 'public' })
        return this.send(res, record, route, 200, profile)
      }
      default:
        this.violations.push(`${record.method} ${record.path}: ${route.operation.operationId} is valid but the stand-in does not implement it`)
        return this.send(res, record, route, 501, { message: 'Not implemented by the stand-in' })
    }
  }

  private isFork(seed: PullSeed & { repository: string }): boolean {
    return (seed.headRepo ?? seed.repository) !== seed.repository
  }

  private pullJson(seed: PullSeed, repository: string): JsonObject {
    const template = this.spec.spec.components.examples['pull-request-simple-items'].value as JsonObject[]
    const pull = clone(template[0])
    const headRepo = seed.headRepo ?? repository
    pull.number = seed.number
    pull.state = seed.state
    pull.html_url = `https://github.com/${repository}/pull/${seed.number}`
    const head = pull.head as JsonObject
    const headRepoJson = head.repo as JsonObject
    head.sha = seed.headSha
    head.ref = seed.headRef ?? 'feature'
    head.label = `${headRepo.split('/')[0]}:${head.ref}`
    headRepoJson.full_name = headRepo
    headRepoJson.name = headRepo.split('/')[1]
    ;(headRepoJson.owner as JsonObject).login = headRepo.split('/')[0]
    headRepoJson.fork = headRepo !== repository
    const baseRepo = (pull.base as JsonObject).repo as JsonObject
    baseRepo.full_name = repository
    baseRepo.name = repository.split('/')[1]
    ;(baseRepo.owner as JsonObject).login = repository.split('/')[0]
    // GitHub's own example lists a team without the `type` its schema requires.
    pull.requested_teams = []
    return pull
  }

  private workflowRunJson(seed: WorkflowRunSeed & { repository: string }): JsonObject {
    const run = clone(this.spec.spec.components.examples['workflow-run'].value) as JsonObject
    Object.assign(run, {
      id: seed.id,
      head_sha: seed.headSha,
      head_branch: seed.headBranch,
      event: seed.event,
      status: 'completed',
      conclusion: 'success',
      html_url: `https://github.com/${seed.repository}/actions/runs/${seed.id}`,
      pull_requests: []
    })
    const headRepo = run.head_repository as JsonObject
    headRepo.full_name = seed.headRepo
    headRepo.name = seed.headRepo.split('/')[1]
    ;(headRepo.owner as JsonObject).login = seed.headRepo.split('/')[0]
    const repository = run.repository as JsonObject
    repository.full_name = seed.repository
    repository.name = seed.repository.split('/')[1]
    ;(repository.owner as JsonObject).login = seed.repository.split('/')[0]
    return run
  }

  private applyCheckRun(stored: StoredCheckRun, body: unknown): void {
    const fields = body as {
      external_id?: string
      status?: string
      conclusion?: string
      output?: { title?: string; summary?: string; annotations?: StoredCheckRun['annotations'] }
    }
    if (fields.external_id !== undefined) stored.externalId = fields.external_id
    if (fields.status !== undefined) stored.status = fields.status
    if (fields.conclusion !== undefined) stored.conclusion = fields.conclusion
    if (fields.output) {
      stored.title = fields.output.title
      stored.summary = fields.output.summary
      const annotations = fields.output.annotations ?? []
      if (annotations.length > 50) this.violations.push(`check run ${stored.id}: ${annotations.length} annotations in one request (GitHub takes 50)`)
      if ((fields.output.summary ?? '').length > 65_535) this.violations.push(`check run ${stored.id}: summary over 65,535 characters`)
      stored.annotations.push(...annotations)
    }
  }

  private checkRunJson(stored: StoredCheckRun): JsonObject {
    const run = clone(this.spec.spec.components.examples['check-run'].value) as JsonObject
    const api = `https://api.github.com/repos/${stored.owner}/${stored.repo}`
    Object.assign(run, {
      id: stored.id,
      head_sha: stored.headSha,
      name: stored.name,
      external_id: stored.externalId ?? '',
      status: stored.status,
      conclusion: stored.conclusion ?? null,
      url: `${api}/check-runs/${stored.id}`,
      html_url: `https://github.com/${stored.owner}/${stored.repo}/runs/${stored.id}`,
      output: {
        title: stored.title ?? null,
        summary: stored.summary ?? null,
        text: null,
        annotations_count: stored.annotations.length,
        annotations_url: `${api}/check-runs/${stored.id}/annotations`
      },
      pull_requests: []
    })
    return run
  }

  private tooLong(res: http.ServerResponse, record: RecordedRequest, route: Route): void {
    this.violations.push(`${record.method} ${record.path}: body longer than 65,536 characters`)
    this.send(res, record, route, 422, {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422'
    })
  }

  private userJson(user: StandinUser): JsonObject {
    const bot = user.type === 'Bot'
    const base = `https://api.github.com/users/${encodeURIComponent(user.login)}`
    return {
      login: user.login,
      id: user.id,
      node_id: Buffer.from(`${bot ? '03:Bot' : '04:User'}${user.id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in/15368' : `u/${user.id}`}?v=4`,
      gravatar_id: '',
      url: base,
      html_url: bot ? 'https://github.com/apps/github-actions' : `https://github.com/${user.login}`,
      followers_url: `${base}/followers`,
      following_url: `${base}/following{/other_user}`,
      gists_url: `${base}/gists{/gist_id}`,
      starred_url: `${base}/starred{/owner}{/repo}`,
      subscriptions_url: `${base}/subscriptions`,
      organizations_url: `${base}/orgs`,
      repos_url: `${base}/repos`,
      events_url: `${base}/events{/privacy}`,
      received_events_url: `${base}/received_events`,
      type: user.type,
      site_admin: false
    }
  }

  private commentJson(comment: StoredComment): JsonObject {
    const api = `https://api.github.com/repos/${comment.owner}/${comment.repo}`
    return {
      id: comment.id,
      node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.userJson(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      issue_url: `${api}/issues/${comment.issue}`,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  private send(
    res: http.ServerResponse,
    record: RecordedRequest,
    route: Route | undefined,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {}
  ): void {
    record.status = status
    if (route) {
      const where = `${record.method} ${record.path}`
      // Success answers must be the documented ones; error answers (401, 403, 404…) come from any endpoint in practice.
      if (status < 400 && !this.spec.hasResponse(route.operation, status)) {
        this.violations.push(`${where}: the stand-in answered ${status}, which the description does not list`)
      }
      const schema = this.spec.responseSchema(route.operation, status)
      if (schema && payload !== undefined) {
        const validate = this.spec.validator(`${route.operation.operationId}:response:${status}`, schema, false)
        if (!validate(payload)) {
          this.violations.push(`${where}: stand-in response ${status} invalid: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
        }
      }
    }
    res.writeHead(status, {
      ...(payload !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-request-id': `STANDIN:${this.requests.length}`,
      ...headers
    })
    res.end(payload === undefined ? undefined : JSON.stringify(payload))
  }
}
