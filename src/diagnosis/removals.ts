// What the ecosystem removed that apps and old Gunicorns still import, as one table: the exception it produces,
// what removed it, and the fix. Each entry's words come from the project's own release notes or the public
// thread that established it (the reference).

export interface Removal {
  /** What the code reached for, as the summary names it: `pkg_resources`, `eventlet.wsgi.ALREADY_HANDLED`. */
  name: string
  /** The exception line it produces (matched against `Type: message`). */
  pattern: RegExp
  /** What removed it, after "which": `setuptools 82 no longer ships`. */
  removedBy: string
  fix: string
  reference: string
}

export const REMOVALS: readonly Removal[] = [
  {
    name: 'pkg_resources',
    pattern: /No module named 'pkg_resources'/,
    removedBy: 'setuptools 82 no longer ships (Gunicorn before 22 imports it itself, as do many older packages)',
    fix: 'Replace `pkg_resources` with `importlib.metadata`/`importlib.resources`, upgrade Gunicorn to 22 or later, or pin `setuptools<82` in the requirements.',
    reference: 'https://setuptools.pypa.io/en/latest/history.html'
  },
  {
    name: 'distutils',
    pattern: /No module named 'distutils(?:\.[\w.]+)?'/,
    removedBy: 'Python 3.12 removed from the standard library (PEP 632)',
    fix: 'Upgrade the package that imports it (most have dropped distutils), or add `setuptools`, which provides a `distutils` shim, to the requirements.',
    reference: 'https://docs.python.org/3/whatsnew/3.12.html#pep-632-remove-the-distutils-package'
  },
  {
    name: 'imp',
    pattern: /No module named '(imp|asynchat|asyncore|smtpd)'/,
    removedBy: 'Python 3.12 removed from the standard library',
    fix: 'Use `importlib` (for `imp`) or `asyncio` instead, upgrade the package that imports it, or run on Python 3.11.',
    reference: 'https://docs.python.org/3/whatsnew/3.12.html#removed'
  },
  {
    name: 'cgi',
    pattern:
      /No module named '(cgi|cgitb|telnetlib|crypt|pipes|nntplib|imghdr|sndhdr|uu|xdrlib|mailcap|msilib|nis|ossaudiodev|spwd|sunau|chunk|audioop|aifc)'/,
    removedBy: 'Python 3.13 removed from the standard library (PEP 594)',
    fix: 'Upgrade the package that imports it, replace the module (`email`/`multipart` for `cgi`, `telnetlib3` for `telnetlib`), or pin Python 3.12 in the image.',
    reference: 'https://peps.python.org/pep-0594/'
  },
  {
    name: 'uvicorn.workers',
    pattern: /No module named 'uvicorn\.workers'|uvicorn\.workers.*deprecated/i,
    removedBy: 'uvicorn deprecated in favour of the separate `uvicorn-worker` package',
    fix: 'Add `uvicorn-worker` to the requirements and start Gunicorn with `-k uvicorn_worker.UvicornWorker`.',
    reference: 'https://www.uvicorn.org/deployment/#gunicorn'
  },
  {
    name: 'eventlet.wsgi.ALREADY_HANDLED',
    pattern: /cannot import name 'ALREADY_HANDLED'/,
    removedBy: "eventlet 0.30.3 removed (Gunicorn 20.x's eventlet worker imports it)",
    fix: 'Upgrade Gunicorn to 21 or later, or pin `eventlet<0.30.3` with Gunicorn 20.x.',
    reference: 'https://github.com/benoitc/gunicorn/issues/2582'
  },
  {
    name: 'eventlet.__version__',
    pattern: /module 'eventlet' has no attribute '__version__'/,
    removedBy: "eventlet 0.34.1 dropped (Gunicorn 21.2's eventlet worker reads it)",
    fix: 'Upgrade eventlet past 0.34.1 (0.34.2 restored it), or switch the worker to gevent: Gunicorn 26 removes the eventlet worker.',
    reference: 'https://github.com/benoitc/gunicorn/issues/3120'
  },
  {
    name: 'NumPy 1.x ABI',
    pattern: /compiled using NumPy 1\.x cannot be run in\s+NumPy 2|_ARRAY_API not found|numpy\.core\.multiarray failed to import/,
    removedBy: 'NumPy 2 broke for extensions compiled against NumPy 1.x',
    fix: 'Upgrade the package whose extension was built against NumPy 1.x to a release built for NumPy 2, or pin `numpy<2` in the requirements.',
    reference: 'https://numpy.org/devdocs/dev/depending_on_numpy.html#numpy-2-abi-handling'
  }
]

/** The removal an exception line (or a log line) shows, if any. */
export function removalIn(text: string): Removal | undefined {
  return REMOVALS.find((removal) => removal.pattern.test(text))
}
