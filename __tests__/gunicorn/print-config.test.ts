import { expectedWorkerCount, parsePrintConfig, printedBinds } from '../../src/gunicorn/print-config.js'

// Excerpt of `gunicorn --print-config app:app` from gunicorn-smoke-base:trixie (23.0) with WEB_CONCURRENCY=3.
const PRINTED = [
  'access_log_format                  = %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',
  "bind                               = ['127.0.0.1:8000', 'unix:/tmp/gunicorn.sock']",
  'logconfig_dict                     = {}',
  "secure_scheme_headers              = {'X-FORWARDED-PROTOCOL': 'ssl', 'X-FORWARDED-PROTO': 'https', 'X-FORWARDED-SSL': 'on'}",
  'timeout                            = 30',
  'worker_class                       = sync',
  'workers                            = 3',
  'wsgi_app                           = None',
  ''
].join('\n')

describe('parsePrintConfig', () => {
  it('reads padded name = value lines, keeping values that contain " = " or quotes', () => {
    const settings = parsePrintConfig(PRINTED)
    expect(settings.workers).toBe('3')
    expect(settings.worker_class).toBe('sync')
    expect(settings.access_log_format).toBe('%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"')
    expect(settings.wsgi_app).toBe('None')
    expect(Object.keys(settings)).toHaveLength(8)
  })

  it('ignores noise around the settings (warnings printed by the app import)', () => {
    const settings = parsePrintConfig(`/app/app.py:3: DeprecationWarning: x\n  import imp\n${PRINTED}`)
    expect(settings.timeout).toBe('30')
    expect(settings).not.toHaveProperty('/app/app.py:3: DeprecationWarning: x')
  })

  it('lists the bind addresses from the Python list repr', () => {
    expect(printedBinds(parsePrintConfig(PRINTED))).toEqual(['127.0.0.1:8000', 'unix:/tmp/gunicorn.sock'])
    expect(printedBinds({})).toEqual([])
  })
})

describe('expectedWorkerCount', () => {
  it('takes the printed workers, which already reflects WEB_CONCURRENCY in the container', () => {
    expect(expectedWorkerCount(parsePrintConfig(PRINTED), { WEB_CONCURRENCY: '8' })).toBe(3)
  })

  it('falls back to WEB_CONCURRENCY, then to Gunicorn default of 1, and to undefined without any config', () => {
    expect(expectedWorkerCount({ timeout: '30' }, { WEB_CONCURRENCY: '4' })).toBe(4)
    expect(expectedWorkerCount({ timeout: '30' }, { WEB_CONCURRENCY: '' })).toBe(1)
    expect(expectedWorkerCount({})).toBeUndefined()
  })
})
