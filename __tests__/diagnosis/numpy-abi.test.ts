// A package compiled against NumPy 1.x under NumPy 2 (and the older size mismatches): named with the package and
// the fix. NumPy's warning, the `_ARRAY_API`/`multiarray` failures and pandas' `numpy.dtype size changed` line are
// NumPy's and pandas' own words as the public threads quote them (numpy 2.0.0 with opencv and pandas wheels built
// for 1.x: github.com/ngowonder/Auto-Pokemon-TCGP/issues/6, github.com/rubenIng93/mmwave-decoder/issues/4,
// github.com/ONSdigital/csvcubed/issues/913), inside a Gunicorn worker's boot.
import { toLogLines } from '../../src/gunicorn/log-parser.js'
import { contextFor, diagnose } from './context-helper.js'

const SITE = '/usr/local/lib/python3.11/site-packages'
const BOOT = ['[2024-07-01 10:00:00 +0000] [1] [INFO] Starting gunicorn 22.0.0', '[2024-07-01 10:00:00 +0000] [7] [INFO] Booting worker with pid: 7']
const END = [
  '[2024-07-01 10:00:01 +0000] [7] [INFO] Worker exiting (pid: 7)',
  '[2024-07-01 10:00:01 +0000] [1] [ERROR] Reason: Worker failed to boot.'
]
const WORKER_FRAMES = [
  'Traceback (most recent call last):',
  `  File "${SITE}/gunicorn/arbiter.py", line 609, in spawn_worker`,
  '    worker.init_process()',
  `  File "${SITE}/gunicorn/workers/base.py", line 134, in init_process`,
  '    self.load_wsgi()'
]

// NumPy's own message, printed before the failing import.
const NUMPY_WARNING = [
  'A module that was compiled using NumPy 1.x cannot be run in',
  'NumPy 2.0.0 as it may crash. To support both 1.x and 2.x',
  'versions of NumPy, modules must be compiled with NumPy 2.0.',
  "Some module may need to rebuild instead e.g. with 'pybind11>=2.12'.",
  '',
  'If you are a user of the module, the easiest solution will be to',
  "downgrade to 'numpy<2' or try to upgrade the affected module.",
  'We expect that some modules will need time to support NumPy 2.',
  ''
]

const CV2_IMPORT = [
  '  File "/app/vision.py", line 2, in <module>',
  '    import cv2',
  `  File "${SITE}/cv2/__init__.py", line 181, in <module>`,
  '    bootstrap()',
  `  File "${SITE}/cv2/__init__.py", line 153, in bootstrap`,
  '    native_module = importlib.import_module("cv2")',
  '  File "/usr/local/lib/python3.11/importlib/__init__.py", line 126, in import_module',
  '    return _bootstrap._gcd_import(name[level:], package, level)'
]

const PANDAS_IMPORT = [
  '  File "/app/reports.py", line 4, in <module>',
  '    import pandas as pd',
  `  File "${SITE}/pandas/__init__.py", line 46, in <module>`,
  '    from pandas.core.api import (',
  `  File "${SITE}/pandas/_libs/__init__.py", line 18, in <module>`,
  '    from pandas._libs.interval import Interval',
  '  File "interval.pyx", line 1, in init pandas._libs.interval'
]

const failed = (lines: string[]) => diagnose(contextFor(toLogLines(lines.join('\n')), { outcome: 'container-exited' }))

describe('a package compiled against NumPy 1.x under NumPy 2', () => {
  it("names opencv's module and its pip package after NumPy's warning and _ARRAY_API not found", () => {
    const d = failed([...BOOT, ...NUMPY_WARNING, ...WORKER_FRAMES, ...CV2_IMPORT, 'AttributeError: _ARRAY_API not found', ...END])
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toContain('`cv2` was compiled against NumPy 1.x and the image installs NumPy 2.0.0')
    expect(d.remedy).toContain('`numpy<2`')
    expect(d.remedy).toContain('`opencv-python-headless`')
  })

  it('reads numpy.core.multiarray failed to import without the warning (another stream, cut)', () => {
    const d = failed([
      ...BOOT,
      '[2024-07-01 10:00:01 +0000] [7] [ERROR] Exception in worker process',
      ...WORKER_FRAMES,
      ...CV2_IMPORT,
      'ImportError: numpy.core.multiarray failed to import',
      ...END
    ])
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toContain('`cv2` was compiled against NumPy 1.x')
  })

  it("names pandas from its Cython module's frame on numpy.dtype size changed (96 from the 1.x header, 88 in NumPy 2)", () => {
    const d = failed([
      ...BOOT,
      '[2024-07-01 10:00:01 +0000] [7] [ERROR] Exception in worker process',
      ...WORKER_FRAMES,
      ...PANDAS_IMPORT,
      'ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject',
      ...END
    ])
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toMatch(/^`pandas` was compiled against NumPy 1\.x and the image installs NumPy 2/)
    expect(d.remedy).toContain('upgrade `pandas` to a release built for NumPy 2')
  })

  it('words an older mismatch (ndarray, built against a newer NumPy 1.x) without claiming NumPy 2', () => {
    const d = failed([
      ...BOOT,
      '[2024-07-01 10:00:01 +0000] [7] [ERROR] Exception in worker process',
      ...WORKER_FRAMES,
      ...PANDAS_IMPORT,
      'ValueError: numpy.ndarray size changed, may indicate binary incompatibility. Expected 88 from C header, got 80 from PyObject',
      ...END
    ])
    expect(d.reason).toBe('native-crash')
    expect(d.summary).toContain('`pandas` was compiled against another NumPy than the one the image installs')
    expect(d.summary).not.toContain('NumPy 1.x')
  })
})
