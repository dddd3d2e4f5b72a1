// A package's compiled extension built against another NumPy than the image installs. NumPy 2 cannot load modules
// compiled against 1.x: it prints `A module that was compiled using NumPy 1.x cannot be run in NumPy 2…`, then the
// import fails with `_ARRAY_API not found` or `numpy.core.multiarray failed to import`; a Cython module (pandas
// before 2.2.2) fails first with `numpy.dtype size changed … Expected 96 from C header, got 88 from PyObject`.
// The package is the one whose frames the import went through last (its compiled module's `init …` frame first).
import type { LogLine, SourceLocation } from '../../core/model.js'
import type { RuleContext, Traceback } from '../context.js'
import type { TracebackFrame } from '../../gunicorn/log-parser.js'
import { pipPackageFor } from '../packages.js'
import { requirementLine } from './crashes.js'
import { code, present } from './rule.js'

export interface NumpyAbiFacts {
  kind: 'numpy-abi'
  /** The top-level module of the package compiled against the other NumPy (`pandas`, `cv2`), when the frames show it. */
  module?: string
  /** What to pin or upgrade in the requirements (`opencv-python-headless` for `cv2`). */
  pipName?: string
  /** The package was built for NumPy 1.x and the image has NumPy 2 (the common case since June 2024). */
  numpy2: boolean
  /** The NumPy version the warning names (`2.0.0`). */
  installed?: string
  exceptionLine: string
}

const NUMPY_1X_WARNING = /compiled using NumPy 1\.x cannot be run in/
const NUMPY_FAILURE =
  /_ARRAY_API not found|numpy\.core\.multiarray failed to import|numpy\.(?:dtype|ndarray|ufunc) size changed, may indicate binary incompatibility/
/** NumPy 1.x's dtype is 96 bytes and NumPy 2's 88: a module built with the 1.x header under NumPy 2. */
const DTYPE_1X_UNDER_2 = /numpy\.dtype size changed.*Expected 96 from C header, got 88 from PyObject/
const SITE_PACKAGE = /(?:site|dist)-packages\/([A-Za-z_]\w*)\//
/** A Cython module's own frame: `File "interval.pyx", line 1, in init pandas._libs.interval`. */
const CYTHON_INIT = /^init ([A-Za-z_]\w*)/
const NOT_THE_PACKAGE = new Set(['numpy', 'importlib', 'gunicorn', 'six', 'pkg_resources'])

/** The package the failing import went through last: its compiled module's init frame, else its deepest frame. */
function packageOf(frames: readonly TracebackFrame[]): string | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const cython = CYTHON_INIT.exec(frames[i].func ?? '')?.[1]
    if (cython && !NOT_THE_PACKAGE.has(cython)) return cython
    const installed = SITE_PACKAGE.exec(frames[i].file)?.[1]
    if (installed && !NOT_THE_PACKAGE.has(installed)) return installed
  }
  return undefined
}

function failingTraceback(rc: RuleContext, warning: LogLine | undefined): Traceback | undefined {
  return (
    rc.tracebacks.find((tb) => NUMPY_FAILURE.test(tb.exception.line) && tb.frames.length > 0) ??
    (warning ? rc.tracebacks.find((tb) => tb.lines[0].seq > warning.seq) : undefined) ??
    rc.tracebacks.find((tb) => NUMPY_FAILURE.test(tb.exception.line))
  )
}

export function numpyAbi(rc: RuleContext): { facts: NumpyAbiFacts; evidence: string[]; location?: SourceLocation } | undefined {
  const warning = rc.ctx.lines.find((line) => NUMPY_1X_WARNING.test(line.text))
  const failure = rc.ctx.lines.find((line) => NUMPY_FAILURE.test(line.text))
  if (!warning && !failure) return undefined
  const tb = failingTraceback(rc, warning)
  // The size-changed line is read as a binary-incompatibility report, which leaves its traceback without an ending.
  const read = tb && tb.frames.length > 0 ? tb.frames : undefined
  const frames = read ?? rc.ofKind('cut-traceback').find((cut) => !failure || cut.lines[0].seq < failure.seq)?.frames ?? []
  const module = packageOf(frames)
  const pipName = module ? pipPackageFor(module).pipName : undefined
  const next = warning ? rc.ctx.lines.find((line) => line.seq > warning.seq) : undefined
  const exceptionLine = tb?.exception.line ?? failure?.text.trim() ?? warning!.text.trim()
  return {
    facts: {
      kind: 'numpy-abi',
      module,
      pipName,
      numpy2: warning !== undefined || /_ARRAY_API|multiarray failed/.test(exceptionLine) || DTYPE_1X_UNDER_2.test(exceptionLine),
      installed: next ? /NumPy (\d+\.\d+\.\d+) as it may crash/.exec(next.text)?.[1] : undefined,
      exceptionLine
    },
    evidence: present(warning?.text, next?.text, tb?.exception.line ?? failure?.text, rc.gunicornOutcomeLine()),
    location: pipName ? (requirementLine(rc, pipName) ?? requirementLine(rc, 'numpy')) : requirementLine(rc, 'numpy')
  }
}

export function numpyAbiSummary({ module, numpy2, installed, exceptionLine }: NumpyAbiFacts): string {
  const what = module ? code(module) : 'A compiled package'
  const failed = code(exceptionLine.slice(0, 160))
  return numpy2
    ? `${what} was compiled against NumPy 1.x and the image installs NumPy ${installed ?? '2'}, which cannot load it (${failed}).`
    : `${what} was compiled against another NumPy than the one the image installs (${failed}).`
}

export function numpyAbiRemedy({ pipName, numpy2 }: NumpyAbiFacts): string {
  const pkg = pipName ? code(pipName) : 'the package the traceback imports'
  return numpy2
    ? `Pin ${code('numpy<2')} in the requirements, or upgrade ${pkg} to a release built for NumPy 2 (and pin it), ` +
        'so the resolver cannot pair an old wheel with NumPy 2.'
    : `Pin ${code('numpy')} to the version ${pkg} was built for, or reinstall ${pkg} without cached wheels so it is built for the installed NumPy.`
}
