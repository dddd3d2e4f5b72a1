// The server is up but the health path did not answer as expected: a wrong status, no answer at all, or a
// failure the run recorded without an answer to show.
import { defineReason, type Rule, type Words } from '../reason.js'
import { bodyExcerpt, healthCheckExplains, quotedBody } from '../rules/health-answers.js'
import { inHandler, requestFailure, type RequestFailure } from '../rules/request.js'
import { code, where } from '../words.js'

type Facts = { healthPath: string; healthStatus: string } & (
  | { kind: 'not-passed' }
  | { kind: 'wrong-status'; status: number; body?: string; raised?: Omit<RequestFailure, 'evidence'>; rootStatus?: number }
  | { kind: 'no-answer'; attempts: number; error?: string; port: number }
)

const noOutcome: Rule<Facts> = {
  stage: 'boot',
  name: 'the health check did not pass, with no answer recorded',
  detect(rc) {
    if (!healthCheckExplains(rc) || rc.ctx.health) return undefined
    const { healthPath, healthStatus } = rc.ctx.settings
    return { facts: { kind: 'not-passed', healthPath, healthStatus }, evidence: [] }
  }
}

const wrongStatus: Rule<Facts> = {
  stage: 'boot',
  name: 'the health path answered a wrong status',
  detect(rc) {
    const health = rc.ctx.health
    if (!healthCheckExplains(rc) || health?.status === undefined) return undefined
    const { healthPath, healthStatus } = rc.ctx.settings
    const body = bodyExcerpt(health)
    // A server error whose request raised: the exception and the user's frame are the answer.
    const failure = health.status >= 500 ? requestFailure(rc) : undefined
    const raised = failure && { exception: failure.exception, handler: failure.handler, view: failure.view, location: failure.location }
    return {
      facts: {
        kind: 'wrong-status',
        healthPath,
        healthStatus,
        status: health.status,
        body,
        rootStatus: health.rootStatus,
        ...(raised ? { raised } : {})
      },
      evidence: [
        `GET ${healthPath} → ${health.status}${quotedBody(body)}`,
        ...(health.rootStatus !== undefined ? [`GET / → ${health.rootStatus}`] : []),
        ...(failure?.evidence ?? [])
      ],
      location: failure?.location
    }
  }
}

const neverAnswered: Rule<Facts> = {
  stage: 'boot',
  name: 'the health path never answered',
  detect(rc) {
    const health = rc.ctx.health
    if (!healthCheckExplains(rc) || !health || health.status !== undefined) return undefined
    const { healthPath, healthStatus, port } = rc.ctx.settings
    return {
      facts: { kind: 'no-answer', healthPath, healthStatus, attempts: health.attempts, error: health.error, port },
      evidence: [`GET ${healthPath} → ${health.error ?? 'no answer'}`]
    }
  }
}

function words(facts: Facts): Words {
  const path = code(facts.healthPath)
  switch (facts.kind) {
    case 'not-passed':
      return { summary: `The health check of ${path} did not pass.`, remedy: `Make ${path} answer ${facts.healthStatus} once the app is ready.` }
    case 'wrong-status': {
      if (facts.raised) return raisedWords(facts, facts.raised)
      const body = quotedBody(facts.body)
      return {
        summary: `${path} answered ${facts.status} instead of ${facts.healthStatus}${body ? `:${body}` : ''}.`,
        remedy:
          facts.status === 404
            ? noRouteRemedy(path, facts.rootStatus)
            : `The app is up but reports itself unhealthy: fix what ${path} checks (often a service it cannot reach in CI) ` +
              `or set the \`health-status\` input to accept ${facts.status}.`
      }
    }
    case 'no-answer': {
      const attempts = `${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`
      return {
        summary: `${path} never answered after ${attempts}: ${facts.error ?? 'no response'}.`,
        remedy: `Check that Gunicorn listens on ${code(`0.0.0.0:${facts.port}`)} and that requests to ${path} do not block.`
      }
    }
  }
}

/** A 404 on the health path; when `/` answered, the route that is up is the one to probe. */
function noRouteRemedy(path: string, rootStatus: number | undefined): string {
  if (rootStatus === undefined || rootStatus >= 400)
    return `The app has no route ${path}: add one or set the \`health-path\` input to an existing route.`
  return `The app has no route ${path}, but ${code('/')} answers ${rootStatus}: set the \`health-path\` input to ${code('/')}, or add a ${path} route.`
}

/** Every request to the health path raised the same exception: the app boots, the handler fails. */
function raisedWords(facts: { healthPath: string; status: number }, raised: Omit<RequestFailure, 'evidence'>): Words {
  return {
    summary: `${code(facts.healthPath)} answered ${facts.status}: each request raised ${code(raised.exception)} ${inHandler(raised, raised.location)}.`,
    remedy: `Fix what the handler does${where(raised.location)}: the app boots, but every request that reaches that line fails the same way.`
  }
}

export default defineReason({
  id: 'health-check-failed',
  title: 'Health check failed',
  headline: 'health check failed',
  readme: 'the health path answered a wrong status',
  fixtures: [{ path: '__fixtures__/apps/fail-health-check-failed', test: '__tests__/diagnosis.itg.ts' }],
  rules: [noOutcome, wrongStatus, neverAnswered],
  words
})
