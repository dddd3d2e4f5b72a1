// The report file: what every run writes always passes the schema the publisher applies, and the publisher refuses
// anything else (too big, not JSON, wrong types, unknown fields, another version, another run or commit).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { LogLine } from '../../src/core/model.js'
import { serializeReportFile, toReportFile } from '../../src/report-file/file.js'
import { readReportFile, ReportFileError } from '../../src/report-file/read.js'
import { LIMITS, MAX_REPORT_BYTES } from '../../src/report-file/schema.js'
import { publishableReport, refusal } from '../../src/report-file/verify.js'
import type { TriggeringRun } from '../../src/github/workflow-run.js'
import { BASE_REPO, FORK_REPO, HEAD_SHA, RUN_ID, hostile, sampleFile, sampleReport } from '../helpers/report-files.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmoke-report-file-'))
let counter = 0
function write(content: unknown): string {
  const file = path.join(dir, `r${++counter}.json`)
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

const run: TriggeringRun = {
  id: RUN_ID,
  headSha: HEAD_SHA,
  headRepository: FORK_REPO,
  headOwner: 'contributor',
  headBranch: 'fix',
  event: 'pull_request'
}

describe('toReportFile', () => {
  it('writes the format, version, key, head commit and repository next to the report', () => {
    const file = sampleFile()
    expect(file).toMatchObject({
      format: 'gunicorn-smoke-report',
      version: 1,
      commentKey: 'smoke/smoke/backend/Dockerfile',
      headSha: HEAD_SHA,
      headRepository: FORK_REPO
    })
    expect(file.result).toBe('fail')
    expect(readReportFile(write(file))).toEqual(file)
  })

  it('cuts a runaway log and runaway texts to the bounds, so its own file always passes', () => {
    const huge = 'x'.repeat(50_000)
    const log: LogLine[] = Array.from({ length: 6000 }, (_, i) => ({ seq: i + 1, stream: 'stdout', text: `${i} ${huge}`, at: i }))
    const file = toReportFile(
      sampleReport({
        log,
        logTotalLines: 6000,
        summary: huge,
        warnings: Array.from({ length: 500 }, () => huge),
        diagnosis: { ...sampleReport().diagnosis!, evidence: [huge] }
      }),
      { commentKey: 'k', headSha: HEAD_SHA }
    )
    expect(file.log).toHaveLength(LIMITS.logLines)
    expect(file.summary.length).toBeLessThanOrEqual(LIMITS.sentence)
    const text = serializeReportFile(file)
    const kept = (JSON.parse(text) as typeof file).log
    // Still too big as a whole: the log is halved until it fits, both ends kept (the start-up and the end).
    expect(kept.length).toBeLessThan(LIMITS.logLines)
    expect(kept.length).toBeGreaterThan(1000)
    expect(kept[0].seq).toBe(1)
    expect(kept.at(-1)!.seq).toBe(6000)
    const written = write(text)
    expect(fs.statSync(written).size).toBeLessThan(MAX_REPORT_BYTES)
    expect(() => readReportFile(written)).not.toThrow()
  })

  it('leaves out a head commit or repository that is not well-formed', () => {
    const file = toReportFile(sampleReport(), { commentKey: 'k', headSha: 'not-a-sha', headRepository: 'no slash' })
    expect(file.headSha).toBeUndefined()
    expect(file.headRepository).toBeUndefined()
  })
})

describe('readReportFile refuses', () => {
  const refused = (content: unknown): string => {
    try {
      readReportFile(write(content), 'artifact/report.json')
    } catch (error) {
      expect(error).toBeInstanceOf(ReportFileError)
      return (error as Error).message
    }
    throw new Error('accepted')
  }

  it('a file over the size limit, before parsing it', () => {
    const file = write('{' + ' '.repeat(MAX_REPORT_BYTES) + '}')
    expect(() => readReportFile(file, 'big.json')).toThrow(/^The report file 'big\.json' is \d+ bytes, over the 8388608-byte limit: refused\.$/)
  })

  it('a missing file and a file that is not JSON', () => {
    expect(() => readReportFile(path.join(dir, 'nope.json'), 'nope.json')).toThrow("The report file 'nope.json' cannot be read")
    expect(refused('{"format": ')).toBe("The report file 'artifact/report.json' is not valid JSON: refused.")
  })

  it('another version', () => {
    expect(refused({ ...sampleFile(), version: 2 })).toMatch(/has version 2, which this version of the action does not read: refused\.$/)
  })

  const good = sampleFile()
  const cases: Array<[string, unknown, RegExp]> = [
    ['a number for a string', { ...good, summary: 42 }, /\/summary must be string/],
    ['a string for a list', { ...good, checks: 'all good' }, /\/checks must be array/],
    ['an unknown field (Markdown passed through)', { ...good, commentBody: '<b>hi</b>' }, /must NOT have additional properties \('commentBody'\)/],
    ['an unknown field deep inside', { ...good, diagnosis: { ...good.diagnosis, html: '<img>' } }, /\/diagnosis must NOT have additional properties/],
    ['an unknown reason id', { ...good, reason: 'pwned' }, /\/reason must be equal to one of the allowed values/],
    ['a check status outside the enum', { ...good, checks: [{ ...good.checks[0], status: 'ok' }] }, /\/checks\/0\/status/],
    ['an overlong string', { ...good, summary: 'x'.repeat(LIMITS.sentence + 1) }, /\/summary must NOT have more than 10000 characters/],
    [
      'too many log lines',
      { ...good, log: Array.from({ length: LIMITS.logLines + 1 }, () => good.log[0]) },
      /\/log must NOT have more than 4400 items/
    ],
    [
      'an annotation outside the repository',
      { ...good, annotations: [{ ...good.annotations[2], file: '../../etc/passwd' }] },
      /\/annotations\/0\/file must match pattern/
    ],
    [
      'an absolute annotation path',
      { ...good, annotations: [{ ...good.annotations[2], file: '/etc/passwd' }] },
      /\/annotations\/0\/file must match pattern/
    ],
    ['a comment key that would end the marker', { ...good, commentKey: 'x --> <img>' }, /\/commentKey must match pattern/],
    ['a head SHA that is not one', { ...good, headSha: 'main' }, /\/headSha must match pattern/],
    [
      'a javascript: server URL',
      { ...good, metadata: { ...good.metadata, serverUrl: 'javascript:alert(1)' } },
      /\/metadata\/serverUrl must match pattern/
    ],
    ['a fractional line number', { ...good, annotations: [{ ...good.annotations[2], line: 1.5 }] }, /\/annotations\/0\/line must be integer/],
    ['a setting name with markup', { ...good, settingSources: { '<b>x</b>': 'input' } }, /\/settingSources/],
    ['null instead of an object', null, /the top level must be object/],
    ['another format', { ...good, format: 'something-else' }, /\/format must be equal to constant/]
  ]
  it.each(cases)('%s', (_name, content, message) => {
    expect(refused(content)).toMatch(message)
  })

  it('accepts every free string filled with hostile text (the renderer makes it inert, not the reader)', () => {
    expect(() => readReportFile(write(hostile(sampleFile())))).not.toThrow()
  })
})

describe('refusal', () => {
  const file = sampleFile()
  it('accepts the triggering run’s own report', () => {
    expect(refusal(file, run, BASE_REPO, 'r.json')).toBeUndefined()
  })

  it('refuses a report for another head commit', () => {
    expect(refusal({ ...file, headSha: 'f'.repeat(40) }, run, BASE_REPO, 'r.json')).toBe(
      `The report file 'r.json' is for commit ${'f'.repeat(40)}, but the triggering run ${RUN_ID} tested ${HEAD_SHA}: refused.`
    )
    expect(refusal({ ...file, headSha: undefined }, run, BASE_REPO, 'r.json')).toMatch(/is for commit \(none\)/)
  })

  it('refuses a report from another run, head repository or base repository', () => {
    expect(refusal({ ...file, metadata: { ...file.metadata, runId: '1' } }, run, BASE_REPO, 'r.json')).toMatch(
      /comes from run 1, not from the triggering run/
    )
    expect(refusal({ ...file, headRepository: 'mallory/app' }, run, BASE_REPO, 'r.json')).toMatch(/names the head repository mallory\/app/)
    expect(refusal(file, run, 'other-org/app', 'r.json')).toMatch(/was written in octo-org\/app, not in other-org\/app/)
  })
})

describe('publishableReport', () => {
  it('takes the identity the links are built from from the triggering run and the workflow, not the file', () => {
    const file = sampleFile()
    const lying = { ...file, metadata: { ...file.metadata, serverUrl: 'https://evil.example', repository: 'mallory/app', sha: 'e'.repeat(40) } }
    const report = publishableReport(lying, run, { GITHUB_REPOSITORY: BASE_REPO, GITHUB_SERVER_URL: 'https://github.com' })
    expect(report.metadata).toMatchObject({ repository: BASE_REPO, serverUrl: 'https://github.com', runId: String(RUN_ID), sha: HEAD_SHA })
    expect(report).not.toHaveProperty('format')
    expect(report).not.toHaveProperty('commentKey')
  })
})

describe('readReportFile in a folder (what actions/download-artifact writes)', () => {
  it('reads the one JSON file of the folder', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'artifact-'))
    fs.writeFileSync(path.join(folder, 'gunicorn-smoke-123-1-abcd.json'), JSON.stringify(sampleFile()))
    expect(readReportFile(folder, 'smoke-report').headSha).toBe(HEAD_SHA)
  })

  it('refuses a folder with no JSON file or with several, naming it', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'artifact-'))
    expect(() => readReportFile(folder, 'smoke-report')).toThrow("The folder 'smoke-report' holds 0 JSON files")
    fs.writeFileSync(path.join(folder, 'a.json'), '{}')
    fs.writeFileSync(path.join(folder, 'b.json'), '{}')
    expect(() => readReportFile(folder, 'smoke-report')).toThrow("The folder 'smoke-report' holds 2 JSON files")
  })
})
