// A native crash reported outside Python, when neither faulthandler nor Gunicorn's signal lines show it: the
// shell's `Segmentation fault (core dumped)` (the process it ran was killed by SIGSEGV, exit 139) and the kernel's
// `segfault at … in LIB` records (dmesg). Read by the native-crash reason's last rules.
import type { EventOf } from '../../gunicorn/log-parser.js'
import type { RuleContext } from '../context.js'

type SegfaultReport = EventOf<'segfault-report'>

/** The kernel's segfault records (dmesg). */
export function kernelSegfaults(rc: RuleContext): SegfaultReport[] {
  return rc.ofKind('segfault-report').filter((r) => r.reporter === 'kernel')
}

/** The shell's `Segmentation fault` line, when no kernel record says more. */
export function shellSegfault(rc: RuleContext): SegfaultReport | undefined {
  const reports = rc.ofKind('segfault-report')
  return reports.some((r) => r.reporter === 'kernel') ? undefined : reports[0]
}
