import { describe, expect, it } from '@jest/globals'
import type { RunReport } from '../../src/core/model.js'
import { Redactor, redactReport } from '../../src/render/redact.js'

describe('Redactor: secret values', () => {
  it('replaces every registered value, the longest first, wherever it appears', () => {
    const r = new Redactor(['s3cr3t-value', 's3cr3t-value-longer', undefined, ''])
    expect(r.redact('a=s3cr3t-value-longer b=s3cr3t-value;c')).toBe('a=*** b=***;c')
    expect(r.size).toBe(2)
  })

  it('ignores 1–2 character values in text but still masks them whole where an env value is shown', () => {
    const r = Redactor.forInputs({ env: { WEB_CONCURRENCY: '4', DEBUG: 'on', DB_PASS: 'p4ssw0rd!' }, token: 'ghs_abc' })
    expect(r.redact('booting 4 workers, debug on, pass p4ssw0rd!')).toBe('booting 4 workers, debug on, pass ***')
    expect(r.maskValue('4')).toBe('***')
    expect(r.maskValue('on')).toBe('***')
    expect(r.maskValue('not a secret')).toBe('not a secret')
    expect(r.isSecret('ghs_abc')).toBe(true)
  })

  it('finds a value inside JSON strings, URL-encoded, and a multi-line value line by line', () => {
    const r = new Redactor(['pa"ss/word x', 'line-one-of-key\nline-two-of-key'])
    expect(r.redact('{"password": "pa\\"ss/word x"}')).toBe('{"password": "***"}')
    expect(r.redact('dsn=postgres://u:pa%22ss%2Fword%20x@db')).toBe('dsn=postgres://u:***@db')
    expect(r.redactLines(['line-one-of-key', 'other', 'line-two-of-key'])).toEqual(['***', 'other', '***'])
  })

  it("finds a non-ASCII value as Python's json.dumps escapes it (a JSON log formatter's default)", () => {
    // json.dumps({"message": "connecting with Pässwörd-2026"}) writes the umlauts as \u00e4 and \u00f6.
    const r = new Redactor(['Pässwörd-2026'])
    expect(r.redact('{"message": "connecting with P\\u00e4ssw\\u00f6rd-2026"}')).toBe('{"message": "connecting with ***"}')
  })
})

describe('Redactor: credential shapes', () => {
  const r = new Redactor()
  const cases: Array<[string, string]> = [
    ['postgres://app:hunter2@db:5432/app', 'postgres://app:***@db:5432/app'],
    ['redis://:p@ss@cache:6379/0', 'redis://:***@cache:6379/0'],
    ['https://x-access-token:abc123@github.com/o/r.git', 'https://x-access-token:***@github.com/o/r.git'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload', 'Authorization: Bearer ***'],
    ["{'Authorization': 'token abcdef123456'}", "{'Authorization': 'token ***'}"],
    ['authorization=Basic dXNlcjpwYXNz', 'authorization=Basic ***'],
    ['sent bearer abcdefghijklmnop to upstream', 'sent bearer *** to upstream'],
    ['key id AKIAIOSFODNN7EXAMPLE used', 'key id *** used'],
    ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key=***'],
    ['token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked', 'token *** leaked'],
    ['gho_0123456789abcdefghijABCDEFGHIJ012345', '***'],
    ['ghs_0123456789abcdefghijABCDEFGHIJ012345', '***'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '***'],
    ['DB_PASSWORD=hunter2', 'DB_PASSWORD=***'],
    ['export STRIPE_SECRET="sk_live_xxx"', 'export STRIPE_SECRET="***"'],
    ['API_TOKEN: abc.def', 'API_TOKEN: ***'],
    ['SECRET_KEY = "django-insecure-1234"', 'SECRET_KEY = "***"'],
    ['password: hunter2', 'password: ***'],
    ["environ({'DB_PASSWORD': 'x', 'HOME': '/root'})", "environ({'DB_PASSWORD': '***', 'HOME': '/root'})"],
    ['{"MAILGUN_API_KEY": "key-123", "PORT": "8000"}', '{"MAILGUN_API_KEY": "***", "PORT": "8000"}'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY----- *** -----END RSA PRIVATE KEY-----']
  ]
  it.each(cases)('%s', (input, expected) => {
    expect(r.redact(input)).toBe(expected)
  })

  // Lines that only look sensitive: redacting them would hide the diagnosis.
  const untouched = [
    `KeyError: 'DB_PASSWORD'`,
    `    SECRET_KEY = os.environ["SECRET_KEY"]`,
    `    DB_PASSWORD = os.getenv("DB_PASSWORD")`,
    'PWD=/app',
    'keyfile: None',
    'max_tokens=5 monkey=banana',
    '[2026-11-27 10:14:02 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)',
    'Bearer token required'
  ]
  it.each(untouched)('leaves %s alone', (line) => {
    expect(r.redact(line)).toBe(line)
  })

  it('masks a private key printed over several log lines, keeping the line count', () => {
    const lines = [
      'boot',
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAA',
      'AAAABG5vbmUAAAAEbm9uZQ',
      '-----END OPENSSH PRIVATE KEY-----',
      'after'
    ]
    expect(r.redactLines(lines)).toEqual([
      'boot',
      '-----BEGIN OPENSSH PRIVATE KEY-----***',
      '***',
      '***',
      '***-----END OPENSSH PRIVATE KEY-----',
      'after'
    ])
  })
})

describe('redactReport', () => {
  const secret = 'Tr0ub4dor&3-horse'
  const report: RunReport = {
    result: 'fail',
    reason: 'database-unreachable',
    summary: `cannot reach db with ${secret}`,
    diagnosis: {
      reason: 'database-unreachable',
      summary: `psycopg2 failed for password ${secret}`,
      evidence: [`psycopg2.OperationalError: password=${secret}`],
      location: { file: 'app/db.py', line: 4, containerPath: `/app/${secret}/db.py` },
      remedy: `Do not hard-code ${secret}.`
    },
    checks: [{ id: 'health', label: 'Health', status: 'fail', detail: `body ${secret}`, durationMs: 10 }],
    gunicorn: { version: '23.0.0', binds: [`0.0.0.0:8000`], workersBooted: 0, workersDied: 2 },
    health: { ok: false, status: 500, bodyExcerpt: `{"dsn":"${secret}"}`, error: `reset ${secret}`, attempts: 3 },
    websocket: 'failed',
    websocketOutcome: { ok: false, protocol: 'websocket', path: '/ws', detail: `closed ${secret}`, durationMs: 5 },
    advisories: [`advisory ${secret}`],
    warnings: [`warning ${secret}`],
    annotations: [{ level: 'error', title: `t ${secret}`, message: `m ${secret}`, file: 'app/db.py', line: 4 }],
    log: [
      { seq: 1, stream: 'stderr', text: `DATABASE_URL=postgres://app:${secret}@db/app`, at: 1 },
      { seq: 2, stream: 'stdout', text: 'plain line', at: 2 }
    ],
    logTotalLines: 2,
    settingSources: { bind: 'input' },
    startedAt: '2026-11-27T10:00:00Z',
    durationMs: 1000,
    metadata: { repository: 'octo-org/app', sha: 'abc1234' }
  }

  it('redacts every string of the report and keeps everything else', () => {
    const before = JSON.stringify(report)
    const safe = redactReport(report, new Redactor([secret]))
    expect(JSON.stringify(safe)).not.toContain(secret)
    expect(JSON.stringify(safe)).not.toContain('Tr0ub4dor')
    expect(safe.log[0]).toEqual({ seq: 1, stream: 'stderr', text: 'DATABASE_URL=postgres://app:***@db/app', at: 1 })
    expect(safe.log[1].text).toBe('plain line')
    expect(safe.health).toEqual({ ok: false, status: 500, bodyExcerpt: '{"dsn":"***"}', error: 'reset ***', attempts: 3 })
    expect(safe.checks[0]).toEqual({ id: 'health', label: 'Health', status: 'fail', detail: 'body ***', durationMs: 10 })
    expect(safe.diagnosis?.location).toEqual({ file: 'app/db.py', line: 4, containerPath: '/app/***/db.py' })
    expect(JSON.stringify(report)).toBe(before)
  })
})
