// Rebuilds __fixtures__/build/installers/logs/<suite>/<builder>/<case>.log by building each installer case
// (__tests__/helpers/installer-cases.ts) for real, the way the action builds (docker build --force-rm --file …
// --tag …; output not a terminal), with the legacy builder and with BuildKit. Needs gunicorn-smoke-installers:<suite>
// (built by __tests__/installers.itg.ts). Usage: node --import tsx scripts/capture-installer-logs.mjs [suite...]
// (CASE=<case id> captures that case only.)
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { BUILDERS } from '../__tests__/helpers/builders.ts'
import { CASES, caseId, FIXTURES, UV_CASES } from '../__tests__/helpers/installer-cases.ts'

const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['trixie', 'forky']
for (const suite of suites) {
  for (const builder of BUILDERS) {
    for (const c of [...CASES, ...UV_CASES].filter((c) => !process.env.CASE || caseId(c) === process.env.CASE)) {
      const out = path.join(FIXTURES, 'logs', suite, builder.name)
      mkdirSync(out, { recursive: true })
      const tag = `gunicorn-smoke-capture:${caseId(c)}`
      const args = { BASE_IMAGE: c.image(suite), ...c.args?.(suite) }
      const buildArgs = Object.entries(args).flatMap(([key, value]) => ['--build-arg', `${key}=${value}`])
      const dir = path.join(FIXTURES, c.dir)
      const file = path.join(dir, c.dockerfile ?? 'Dockerfile')
      const run = spawnSync('docker', ['build', '--force-rm', '--file', file, '--tag', tag, ...buildArgs, dir], {
        env: { ...process.env, ...builder.env },
        encoding: 'utf8'
      })
      writeFileSync(path.join(out, `${caseId(c)}.log`), `${run.stdout}${run.stderr}`)
      if (run.status === 0) {
        spawnSync('docker', ['image', 'rm', tag])
        throw new Error(`${suite}/${builder.name}/${caseId(c)}: the build passed (a case must fail)`)
      }
      console.error(`[capture-installers] ${suite}/${builder.name}/${caseId(c)}`)
    }
  }
}
