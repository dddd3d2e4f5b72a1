import { describe, expect, it } from '@jest/globals'
import type { LogLine } from '../../src/core/model.js'
import { findCauseExcerpt, fitTail, shrinkExcerpt } from '../../src/render/log-excerpt.js'

function log(texts: string[]): LogLine[] {
  return texts.map((text, i) => ({ seq: i, stream: 'stderr', text, at: i }))
}

const frames = (n: number): string[] => Array.from({ length: n }, (_, i) => `  File "/usr/lib/python3/lib${i}.py", line ${i + 1}, in f${i}`)

describe('findCauseExcerpt', () => {
  const texts = [
    '[2026-11-27 10:14:02 +0000] [1] [INFO] Starting gunicorn 23.0.0',
    '[2026-11-27 10:14:03 +0000] [9] [ERROR] Exception in worker process',
    'Traceback (most recent call last):',
    ...frames(100),
    '  File "/app/app.py", line 3, in <module>',
    '    import missing_mod',
    "ModuleNotFoundError: No module named 'missing_mod'",
    '[2026-11-27 10:14:03 +0000] [9] [INFO] Worker exiting (pid: 9)',
    // A second worker's copy of the same traceback must not be chosen.
    'Traceback (most recent call last):',
    "ModuleNotFoundError: No module named 'missing_mod'"
  ]

  it('spans from Gunicorn\'s "Exception in worker process" to the exception, numbering lines over the whole log', () => {
    const excerpt = findCauseExcerpt(log(texts), ["ModuleNotFoundError: No module named 'missing_mod'"], 1000 + texts.length, {
      maxLines: 200,
      maxLineLength: 500
    })
    expect(excerpt?.lines[0]).toBe('[2026-11-27 10:14:03 +0000] [9] [ERROR] Exception in worker process')
    expect(excerpt?.lines[excerpt.lines.length - 1]).toBe("ModuleNotFoundError: No module named 'missing_mod'")
    expect(excerpt?.firstLine).toBe(1002)
    expect(excerpt?.lastLine).toBe(1000 + 106)
  })

  it('keeps the head and the end of a long traceback with one elision line', () => {
    const excerpt = findCauseExcerpt(log(texts), ["ModuleNotFoundError: No module named 'missing_mod'"], texts.length, {
      maxLines: 20,
      maxLineLength: 500
    })!
    expect(excerpt.lines).toHaveLength(20)
    expect(excerpt.lines.slice(0, 3)).toEqual([
      '[2026-11-27 10:14:03 +0000] [9] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '… 86 lines omitted …'
    ])
    expect(excerpt.lines.slice(-3)).toEqual([
      '  File "/app/app.py", line 3, in <module>',
      '    import missing_mod',
      "ModuleNotFoundError: No module named 'missing_mod'"
    ])
    expect(excerpt.omitted).toBe(86)
  })

  it('shrinks from the top to a budget, keeping the line numbers right past the elision', () => {
    const excerpt = findCauseExcerpt(log(texts), ["ModuleNotFoundError: No module named 'missing_mod'"], texts.length, {
      maxLines: 20,
      maxLineLength: 500
    })!
    const measure = (t: string): number => t.length
    const fitted = shrinkExcerpt(excerpt, 400, measure, 50)!
    const cost = 50 + 6 + fitted.lines.join('\n').length + 1
    expect(cost).toBeLessThanOrEqual(400)
    expect(fitted.lines[fitted.lines.length - 1]).toBe("ModuleNotFoundError: No module named 'missing_mod'")
    expect(fitted.lines).not.toContain('… 86 lines omitted …')
    // The first kept line is a frame: its number is what its position in the log says.
    const index = texts.indexOf(fitted.lines[0])
    expect(fitted.firstLine).toBe(index + 1)
    expect(shrinkExcerpt(excerpt, 60, measure, 50)).toBeUndefined()
  })

  it('finds nothing when no evidence line is in the log', () => {
    expect(findCauseExcerpt(log(texts), ['not in the log'], texts.length, { maxLines: 20, maxLineLength: 500 })).toBeUndefined()
  })
})

describe('fitTail', () => {
  it('keeps the last lines that fit, counting a fence grown by backticks', () => {
    const source = log(['a'.repeat(50), '`'.repeat(9), 'b'.repeat(50), 'c'.repeat(50)])
    const all = fitTail(source, 10_000, { maxLines: 10, maxLineLength: 500, measure: (t) => t.length, overhead: 0 })
    expect(all).toEqual({ lines: [source[0].text, source[1].text, source[2].text, source[3].text], dropped: 0 })
    const some = fitTail(source, 102, { maxLines: 10, maxLineLength: 500, measure: (t) => t.length, overhead: 0 })
    expect(some).toEqual({ lines: [source[2].text, source[3].text], dropped: 2 })
    const capped = fitTail(source, 10_000, { maxLines: 1, maxLineLength: 10, measure: (t) => t.length, overhead: 0 })
    expect(capped).toEqual({ lines: ['cccccccccc … [40 more characters]'], dropped: 3 })
  })
})
