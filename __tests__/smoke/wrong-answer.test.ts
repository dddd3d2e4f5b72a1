// Which wrong health answers decide the run at once, on the answers and logs captured from the real bases.
import { parseGunicornLog } from '../../src/gunicorn/log-parser.js'
import { knownWrongAnswer } from '../../src/smoke/wrong-answer.js'
import { SUITES, captured } from '../gunicorn/captured-logs.js'

const answerOf = (suite: (typeof SUITES)[number], scenario: string) => {
  const run = captured(suite, scenario)
  return { answer: run.meta.health!, events: parseGunicornLog(run.lines) }
}

describe.each(SUITES)('known wrong answers on %s', (suite) => {
  it.each(['asgi-under-wsgi', 'asgi-under-gevent'])('%s: the second 500 with the ASGI TypeError twice in the log decides', (scenario) => {
    const { answer, events } = answerOf(suite, scenario)
    expect(answer.status).toBe(500)
    expect(knownWrongAnswer(answer, 1, events)).toBe(false)
    expect(knownWrongAnswer(answer, 2, events)).toBe(true)
  })

  it('a 500 without the traceback (an app warming up) keeps polling', () => {
    const { answer } = answerOf(suite, 'asgi-under-wsgi')
    expect(knownWrongAnswer(answer, 5, parseGunicornLog(captured(suite, 'disallowed-host').lines))).toBe(false)
  })

  it("disallowed-host: Django's Bad Request (400) page twice decides, though nothing is logged", () => {
    const { answer, events } = answerOf(suite, 'disallowed-host')
    expect(answer.status).toBe(400)
    expect(knownWrongAnswer(answer, 2, events)).toBe(true)
    expect(knownWrongAnswer(answer, 1, events)).toBe(false)
  })

  it('the same app answering 200 with the right Host is no wrong answer', () => {
    const { answer, events } = answerOf(suite, 'disallowed-host-with-host')
    expect(knownWrongAnswer(answer, 3, events)).toBe(false)
  })
})
