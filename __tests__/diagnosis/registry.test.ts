// The registry is the one place a reason is declared: these tests fail when a reason lacks a rule, a fixture that
// an integration test runs for real, or its README row, or when the order breaks the catch-alls.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REASONS, REASON_IDS } from '../../src/diagnosis/registry.js'
import type { Reason } from '../../src/diagnosis/reason.js'
import { explain } from '../../src/diagnosis/explain.js'
import { RuleContext } from '../../src/diagnosis/context.js'
import { contextFor } from './context-helper.js'

const ROOT = process.cwd()
const reasons = REASONS as readonly Reason[]
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

describe('the reason registry', () => {
  it('has unique ids, and ReasonId is derived from it', () => {
    expect(new Set(REASON_IDS).size).toBe(REASONS.length)
    expect(REASON_IDS).toEqual(reasons.map((reason) => reason.id))
  })

  it.each(reasons.map((reason) => [reason.id, reason] as const))('%s: has rules with unique names', (_id, reason) => {
    expect(reason.rules.length).toBeGreaterThan(0)
    const names = reason.rules.map((rule) => rule.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(reasons.map((reason) => [reason.id, reason] as const))('%s: has fixtures that an integration test runs', (_id, reason) => {
    expect(reason.fixtures.length).toBeGreaterThan(0)
    for (const fixture of reason.fixtures) {
      expect(existsSync(path.join(ROOT, fixture.path))).toBe(true)
      expect(fixture.test).toMatch(/\.itg\.ts$/)
      // The test names the fixture, or the table or script that does.
      const test = readFileSync(path.join(ROOT, fixture.test), 'utf8')
      const via = fixture.via ? readFileSync(path.join(ROOT, fixture.via), 'utf8') : undefined
      if (fixture.via) expect(test).toContain(path.basename(fixture.via).replace(/\.ts$/, ''))
      expect(via ?? test).toContain(path.basename(fixture.path))
    }
  })

  it.each(reasons.map((reason) => [reason.id, reason] as const))('%s: has its row in the README (generated)', (id, reason) => {
    expect(reason.readme.length).toBeGreaterThan(20)
    expect(README).toContain(`| \`${id}\` | ${reason.readme.replace(/\|/g, '\\|')} |`)
  })

  it('closes the build with build-failed and the booted run with unknown, which recognise anything', () => {
    const stagesOf = (reason: Reason) => new Set(reason.rules.map((rule) => rule.stage))
    const buildReasons = reasons.filter((reason) => stagesOf(reason).has('build'))
    expect(buildReasons[buildReasons.length - 1].id).toBe('build-failed')
    const bootReasons = reasons.filter((reason) => stagesOf(reason).has('boot'))
    expect(bootReasons[bootReasons.length - 1].id).toBe('unknown')
    expect(explain('boot', new RuleContext(contextFor([])))?.diagnosis.reason).toBe('unknown')
  })

  it('answers a container that could not start with the reason its message names', () => {
    const start = (message: string, network?: string) => explain('start', { message, network })?.diagnosis
    expect(start('exec: "gunicorn": executable file not found in $PATH')).toMatchObject({ reason: 'missing-dependency' })
    expect(start('exec: "uwsgi": executable file not found in $PATH')).toMatchObject({ reason: 'config-error' })
    expect(start('network ci-net not found', 'ci-net')).toMatchObject({
      reason: 'config-error',
      summary: 'The Docker network `ci-net` does not exist.'
    })
    expect(start('invalid memory: 12q.')).toMatchObject({ reason: 'config-error', summary: 'The container could not start: invalid memory: 12q.' })
  })
})
