// The check run's annotations: GitHub takes 50 per request, so the most severe go first and the rest are dropped.
import { describe, expect, it } from '@jest/globals'
import { checkAnnotations, MAX_CHECK_ANNOTATIONS } from '../../src/github/check-run.js'
import type { Annotation } from '../../src/core/model.js'

describe('checkAnnotations', () => {
  it('keeps at most 50, errors before warnings before notices, in their order, and only those with a file', () => {
    const levels: Annotation['level'][] = ['notice', 'warning', 'error']
    const annotations: Annotation[] = Array.from({ length: 90 }, (_, i) => ({
      level: levels[i % 3],
      title: `t${i}`,
      message: `m${i}`,
      ...(i % 10 === 9 ? {} : { file: `app/f${i}.py`, line: i + 1 })
    }))
    const sent = checkAnnotations({ annotations })
    expect(sent).toHaveLength(MAX_CHECK_ANNOTATIONS)
    const errors = annotations.filter((a) => a.level === 'error' && a.file).length
    expect(sent.slice(0, errors).every((a) => a.annotation_level === 'failure')).toBe(true)
    expect(sent.slice(errors).every((a) => a.annotation_level === 'warning')).toBe(true)
    expect(sent[0]).toEqual({ path: 'app/f2.py', start_line: 3, end_line: 3, annotation_level: 'failure', title: 't2', message: 'm2' })
  })

  it('makes titles and messages one plain line without control characters', () => {
    const [sent] = checkAnnotations({
      annotations: [{ level: 'warning', title: 'a\nb', message: '\u001b[31mred\u001b[0m\r\nnext\u202E', file: 'app.py' }]
    })
    expect(sent).toMatchObject({ title: 'a b', message: 'red  next', start_line: 1, end_line: 1 })
  })
})
