// A service the web service depends on in its compose file (a database, a cache) exited or never turned healthy
// under `docker compose up --wait`: the app is not started, and the service is named with its own log's words.
import { defineReason, type Rule } from '../reason.js'
import type { DependencyContext } from '../stages.js'
import { code } from '../words.js'

type Facts = Pick<DependencyContext, 'service' | 'state' | 'exitCode' | 'healthcheck'> & { cause?: string; file?: string; shellVariable?: string }

// A line of the service's own log that says why: PostgreSQL's FATAL/PANIC/ERROR, Redis' `# ` warnings, any error.
const CAUSE_LINE = /\b(FATAL|PANIC|ERROR|Error|error|fatal|failed|cannot|could not|denied|incompatible)\b/

const dependencyFailed: Rule<Facts> = {
  stage: 'dependencies',
  name: 'a compose dependency exited or never turned healthy',
  detect(input) {
    const causes = input.log.filter((line) => CAUSE_LINE.test(line)).slice(-3)
    const healthOutput = input.healthcheck?.output.trim().split('\n').filter(Boolean).slice(-2) ?? []
    // A tool's `hint:` line only points at its help; the line before it says what went wrong.
    const healthCause = healthOutput.filter((line) => !/\bhint:/i.test(line)).pop()
    const cause = input.state === 'unhealthy' && healthCause ? healthCause : causes[causes.length - 1]
    // A single `$NAME` in a healthcheck is read by Compose from the shell that runs it, not from the container.
    const shellVariable = input.healthcheck?.test.match(/(?<!\$)\$\{?([A-Za-z_][A-Za-z0-9_]*)/)?.[1]
    const evidence = [
      ...(input.composeMessage ? [input.composeMessage] : []),
      ...(input.composeWarnings ?? []),
      ...(input.healthcheck ? [`healthcheck: ${input.healthcheck.test}`, ...healthOutput] : []),
      ...(causes.length > 0 ? causes : input.log.slice(-3))
    ]
    return {
      facts: {
        service: input.service,
        state: input.state,
        exitCode: input.exitCode,
        healthcheck: input.healthcheck,
        cause,
        file: input.location?.file,
        shellVariable
      },
      evidence,
      location: input.location
    }
  }
}

function summary(facts: Facts): string {
  const service = `The compose service ${code(facts.service)}`
  const because = facts.cause ? `: ${code(facts.cause.trim())}.` : '.'
  switch (facts.state) {
    case 'exited':
      return `${service} exited${facts.exitCode !== undefined ? ` with code ${facts.exitCode}` : ''} before the app could start${because}`
    case 'unhealthy':
      return `${service} never turned healthy${facts.healthcheck ? `, its healthcheck ${code(facts.healthcheck.test)} kept failing` : ''}${because}`
    case 'timeout':
      return `${service} was still not healthy when the timeout ran out${because}`
    default:
      return `${service} could not be started${because}`
  }
}

function remedy(facts: Facts): string {
  const file = facts.file ? ` in ${code(facts.file)}` : ''
  if (facts.state === 'unhealthy' && facts.shellVariable) {
    return (
      `The healthcheck of ${code(facts.service)}${file} uses ${code('$' + facts.shellVariable)}, which Compose fills from the shell that runs it ` +
      `(empty on the runner), not from the container: write ${code('$$' + facts.shellVariable)} so the container's shell expands it.`
    )
  }
  if (facts.state === 'unhealthy' || facts.state === 'timeout') {
    return `Fix the service ${code(facts.service)}${file} or its healthcheck so it passes once the service is up; its log is below. The app was not started.`
  }
  return `Fix the service ${code(facts.service)}${file} so it starts (its image, command and environment); its log is below. The app was not started.`
}

export default defineReason({
  id: 'dependency-failed',
  title: 'Compose dependency failed',
  headline: 'a compose dependency did not start',
  readme:
    'a service the web service `depends_on` in its compose file (database, cache, broker) exited or never turned healthy under ' +
    '`docker compose up --wait`: the service named, its healthcheck and the lines of its own log that say why',
  fixtures: [
    { path: '__fixtures__/compose/db-never-healthy', test: '__tests__/compose.itg.ts' },
    { path: '__fixtures__/compose/migrate-fails', test: '__tests__/compose.itg.ts' }
  ],
  rules: [dependencyFailed],
  words: (facts) => ({ summary: summary(facts), remedy: remedy(facts) })
})
