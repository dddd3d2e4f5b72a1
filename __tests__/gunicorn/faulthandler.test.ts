import { crashedThread } from '../../src/gunicorn/faulthandler.js'
import { parseGunicornLog, toLogLines, type EventOf, type GunicornEvent } from '../../src/gunicorn/log-parser.js'
import { SUITES, captured } from './captured-logs.js'

const ofKind = <K extends GunicornEvent['kind']>(events: GunicornEvent[], kind: K) => events.filter((e): e is EventOf<K> => e.kind === kind)

describe.each(SUITES)('faulthandler dumps in the real %s logs', (suite) => {
  it('reads the stack a stuck worker prints when sent SIGSEGV: the sleep at app.py:4', () => {
    const events = parseGunicornLog(captured(suite, 'worker-hang-stack').lines)
    const [dump] = ofKind(events, 'fatal-error')
    expect(dump.error).toBe('Segmentation fault')
    const thread = crashedThread(dump)!
    expect(thread.current).toBe(true)
    expect(thread.id).toMatch(/^0x[0-9a-f]+$/)
    expect(thread.frames[0]).toEqual({ file: '/app/app.py', line: 4, func: '<module>' })
    expect(thread.frames[thread.frames.length - 1]).toMatchObject({ file: '/usr/bin/gunicorn', func: '<module>' })
    expect(dump.extensionModules).toEqual(['markupsafe._speedups'])
    expect(dump.lines[0].text).toBe('Fatal Python error: Segmentation fault')
    expect(dump.lines[dump.lines.length - 1].text).toBe('Extension modules: markupsafe._speedups (total: 1)')
    // The master's line about the signal stays a Gunicorn event of its own.
    expect(ofKind(events, 'worker-signal')[0]).toMatchObject({ signal: expect.stringMatching(/SIGSEGV/) })
  })

  it('reads the blocked connect: socket.create_connection called from broker.py:10', () => {
    const [dump] = ofKind(parseGunicornLog(captured(suite, 'connect-hang-stack').lines), 'fatal-error')
    const frames = crashedThread(dump)!.frames
    expect(frames[0]).toMatchObject({ file: expect.stringMatching(/\/socket\.py$/), func: 'create_connection' })
    expect(frames[1]).toEqual({ file: '/app/broker.py', line: 10, func: 'connect' })
    expect(frames[2]).toEqual({ file: '/app/app.py', line: 5, func: '<module>' })
  })

  it('reads every crash of the segfaulting worker with the module whose import crashed', () => {
    const events = parseGunicornLog(captured(suite, 'native-crash').lines)
    const dumps = ofKind(events, 'fatal-error')
    expect(dumps.length).toBeGreaterThanOrEqual(2)
    expect(crashedThread(dumps[0])!.frames.slice(0, 3)).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/ctypes\/__init__\.py$/), func: 'string_at' }),
      { file: '/app/fastjson.py', line: 8, func: '_load' },
      { file: '/app/fastjson.py', line: 11, func: '<module>' }
    ])
    // Workers crashing at once interleave their dumps; every dump that kept a thread still names the module.
    for (const dump of dumps.filter((d) => d.threads.length > 0)) {
      expect(crashedThread(dump)!.frames.map((f) => f.file)).toContain('/app/fastjson.py')
    }
    // No frame line of a dump is mistaken for a traceback or left raw.
    expect(ofKind(events, 'traceback')).toEqual([])
    expect(ofKind(events, 'raw').filter((e) => /^\s+(File|Binary file) /.test(e.text))).toEqual([])
  })
})

describe('faulthandler dump shapes', () => {
  it('reads other threads, their names and a dump cut short by the end of the log', () => {
    const text = [
      'Fatal Python error: Aborted',
      '',
      'Thread 0x00007f0000000001 [worker-1] (most recent call first):',
      '  File "/app/jobs.py", line 12 in run',
      '',
      'Current thread 0x00007f0000000002 (most recent call first):',
      '  File "/app/app.py", line 7 in <module>'
    ].join('\n')
    const [dump] = ofKind(parseGunicornLog(toLogLines(text)), 'fatal-error')
    expect(dump.error).toBe('Aborted')
    expect(dump.threads).toEqual([
      { id: '0x00007f0000000001', name: 'worker-1', current: false, frames: [{ file: '/app/jobs.py', line: 12, func: 'run' }] },
      { id: '0x00007f0000000002', name: undefined, current: true, frames: [{ file: '/app/app.py', line: 7, func: '<module>' }] }
    ])
    expect(crashedThread(dump)?.id).toBe('0x00007f0000000002')
    expect(dump.lines).toHaveLength(7)
  })

  it('ends a dump without an extension list at the first line that is not part of it', () => {
    const text = [
      'Fatal Python error: Segmentation fault',
      '',
      'Current thread 0x1 (most recent call first):',
      '  File "/app/a.py", line 1 in <module>',
      'print output'
    ].join('\n')
    const events = parseGunicornLog(toLogLines(text))
    expect(events.map((e) => e.kind)).toEqual(['fatal-error', 'raw'])
  })

  it('reads the binary-incompatibility warning with the importing file and both sizes', () => {
    const line =
      '/usr/lib/python3/dist-packages/gevent/_abstract_linkable.py:1: RuntimeWarning: greenlet.greenlet size changed, may indicate binary incompatibility. Expected 152 from C header, got 40 from PyObject'
    const [event] = ofKind(parseGunicornLog(toLogLines(line)), 'binary-incompatibility')
    expect(event).toMatchObject({
      type: 'greenlet.greenlet',
      importer: '/usr/lib/python3/dist-packages/gevent/_abstract_linkable.py',
      expected: 152,
      got: 40
    })
  })
})
