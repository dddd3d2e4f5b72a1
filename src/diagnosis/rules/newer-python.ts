// Code written for a newer Python than the image runs, which fails at import with a TypeError rather than a
// SyntaxError: `X | None` in an annotation before 3.10 (`unsupported operand type(s) for |: 'type' and 'NoneType'`),
// `list[int]` before 3.9 (`'type' object is not subscriptable`). The frame's code line shows the construct.
import type { RuleContext, Traceback, UserFrame } from '../context.js'
import { exceptionIs } from './rule.js'
import { lineIndex } from '../continuations.js'
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'

export interface NewerPythonConstruct {
  tb: Traceback
  frame?: UserFrame
  /** The construct, in words: `X | Y` unions in annotations. */
  construct: string
  /** The first Python that has it. */
  since: string
  /** The code line as the traceback printed it. */
  code?: string
  /** The Python the image runs, read from the traceback's paths (`python3.9/site-packages`). */
  running?: string
}

const TYPE_OPERAND = String.raw`'(?:type|NoneType|types\.GenericAlias|typing\.\w+|_GenericAlias|_SpecialForm|ABCMeta|_UnionGenericAlias|str|ModelMetaclass)'`
const UNION_OF_TYPES = new RegExp(String.raw`^unsupported operand type\(s\) for \|: ${TYPE_OPERAND} and ${TYPE_OPERAND}$`)
const SUBSCRIPTED_BUILTIN = /^'type' object is not subscriptable$/
const PYTHON_IN_PATH = /\/python(3\.\d+)\//

export function newerPythonConstruct(rc: RuleContext): NewerPythonConstruct | undefined {
  for (const tb of rc.tracebacks) {
    if (!exceptionIs(tb, 'TypeError')) continue
    const union = UNION_OF_TYPES.test(tb.exception.message)
    if (!union && !SUBSCRIPTED_BUILTIN.test(tb.exception.message)) continue
    const last = tb.frames[tb.frames.length - 1]
    const code = last?.code ?? codeAbove(rc, tb)
    // The line must show the construct: a `|` between names (`List[X] | None` too), or a builtin collection subscripted.
    if (union ? !/[\w\]]\s*\|\s*\w/.test(code ?? '') : !/\b(?:list|dict|tuple|set|frozenset|type)\[/.test(code ?? '')) continue
    // This traceback's paths, else another's of the same log (a paste that begins at the code line keeps no path).
    const running = [tb, ...rc.tracebacks]
      .flatMap((t) => t.frames)
      .map((f) => PYTHON_IN_PATH.exec(f.file)?.[1])
      .find(Boolean)
    return {
      tb,
      frame: rc.userFrame(tb),
      construct: union ? '`X | Y` unions in annotations' : 'subscripted builtin collections (`list[int]`, `dict[str, int]`)',
      since: union ? '3.10' : '3.9',
      code: code?.trim(),
      running
    }
  }
  return undefined
}

/** The code line above an exception whose traceback kept no frame (a paste that begins at that line). */
function codeAbove(rc: RuleContext, tb: Traceback): string | undefined {
  const at = lineIndex(rc.ctx.lines, tb.lines[0])
  const above = at > 0 ? stripLinePrefixes(rc.ctx.lines[at - 1].text) : undefined
  return above && /^\s+\S/.test(above) ? above.trim() : undefined
}
