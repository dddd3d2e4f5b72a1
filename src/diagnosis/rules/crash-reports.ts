// A native crash reported outside Python, when neither faulthandler nor Gunicorn's signal lines show it: the
// shell's `Segmentation fault (core dumped)` (the process it ran was killed by SIGSEGV, exit 139) and the kernel's
// `segfault at … in LIB` records (dmesg). Part of the native-crash rule (crashes.ts).
import { stripLinePrefixes } from '../../gunicorn/line-prefix.js'
import type { Diagnosis } from '../../model.js'
import type { RuleContext } from '../context.js'
import { code, present } from './rule.js'

export function segfaultReported(rc: RuleContext): Diagnosis | undefined {
  const reports = rc.ofKind('segfault-report')
  if (reports.length === 0) return undefined
  const kernel = reports.filter((r) => r.reporter === 'kernel')
  const remedy =
    "Reinstall the image's C extensions for its Python from scratch (`pip install --no-cache-dir --force-reinstall`, no cached or copied wheels), with matching versions of packages built against each other; run once with the `faulthandler` input on to see the Python stack."
  if (kernel.length > 0) {
    const library = kernel.find((r) => r.library)?.library
    return {
      reason: 'native-crash',
      summary: `The kernel reports ${code(kernel[0].process ?? 'the process')} dying of a segfault ${kernel.length > 1 ? `${kernel.length} times` : 'once'}${library ? ` in ${code(library)}` : ''}: native code crashes in the workers${kernel.length > 1 ? ' and they are replaced' : ''}.`,
      evidence: present(...kernel.slice(0, 2).map((r) => r.lines[0].text.trim().slice(0, 200))),
      remedy
    }
  }
  const exit = rc.ctx.container.exitCode
  return {
    reason: 'native-crash',
    summary: `The process died of a Segmentation fault (${code(stripLinePrefixes(reports[0].lines[0].text).trim().slice(0, 120))}${exit === 139 ? ', exit code 139' : ''}): native code crashed.`,
    evidence: present(reports[0].lines[0].text),
    remedy
  }
}
