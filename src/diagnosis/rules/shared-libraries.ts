// A system library a compiled module needs and the image lacks: the dynamic loader's `libGL.so.1: cannot open shared
// object file`, raised as ImportError (an extension module linked against it) or OSError (ctypes, cffi). Slim images
// leave out what a desktop or a full image has (OpenCV's libGL, LightGBM's libgomp, psycopg's libpq), and the wheel
// installs without complaint: the import fails in the worker. Read from any line, so a paste that lost its case or
// its traceback's shape still names the library.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'

const CANNOT_OPEN = /([\w.+-]+\.so(?:\.[\w.]+)?): cannot open shared object file/i

/** Debian's package for a library, by the library's name without its version suffix (`libGL.so.1` → `libgl`). */
const APT_PACKAGES: Record<string, string> = {
  libgl: 'libgl1',
  libegl: 'libegl1',
  libglib: 'libglib2.0-0',
  libgthread: 'libglib2.0-0',
  libgobject: 'libglib2.0-0',
  libsm: 'libsm6',
  libice: 'libice6',
  libxext: 'libxext6',
  libxrender: 'libxrender1',
  libx11: 'libx11-6',
  libxcb: 'libxcb1',
  libgomp: 'libgomp1',
  libstdc: 'libstdc++6',
  libpq: 'libpq5',
  libmysqlclient: 'default-libmysqlclient-dev',
  libmariadb: 'libmariadb3',
  libsqlite3: 'libsqlite3-0',
  libsndfile: 'libsndfile1',
  libmagic: 'libmagic1',
  libzbar: 'libzbar0',
  libxml2: 'libxml2',
  libxslt: 'libxslt1.1',
  libcairo: 'libcairo2',
  libpango: 'libpango-1.0-0',
  libpangocairo: 'libpangocairo-1.0-0',
  libgdk_pixbuf: 'libgdk-pixbuf-2.0-0',
  libjpeg: 'libjpeg62-turbo',
  libpng16: 'libpng16-16',
  libz: 'zlib1g',
  libffi: 'libffi8',
  libgdal: 'libgdal-dev',
  libgeos_c: 'libgeos-c1v5',
  libproj: 'libproj-dev',
  libespeak: 'libespeak1',
  libasound: 'libasound2',
  libportaudio: 'libportaudio2',
  libtesseract: 'libtesseract5',
  libzmq: 'libzmq5',
  libssl: 'libssl3',
  libcrypto: 'libssl3'
}

/** Libraries only a GPU base image brings: no apt package of Debian's provides them. */
const GPU_LIBRARY = /^lib(?:cuda|cudart|cublas|cudnn|nvidia|nccl|cufft|curand|cusparse|nvrtc)/i

/** Python modules whose headless build needs no display libraries: install it instead of adding them. */
const HEADLESS: Record<string, string> = { cv2: 'opencv-python-headless' }

export interface MissingSharedLibrary {
  library: string
  /** Debian's package that provides it, when it is one we know. */
  apt?: string
  gpu: boolean
  /** The installed package whose import loaded it (`cv2`), from the innermost site-packages frame. */
  module?: string
  /** A build of that package that needs no display libraries (`opencv-python-headless`). */
  headless?: string
  line: LogLine
}

export function missingSharedLibrary(rc: RuleContext): MissingSharedLibrary | undefined {
  const line = rc.ctx.lines.find((l) => l.text.includes('shared object') && CANNOT_OPEN.test(l.text))
  if (!line) return undefined
  const library = CANNOT_OPEN.exec(line.text)![1]
  // Python's own library missing is an interpreter from another image (a copied virtualenv), not a package to add.
  if (/^libpython/i.test(library)) return undefined
  const stem = library
    .replace(/\.so.*$/i, '')
    .replace(/-[\d.]+$/, '')
    .replace(/\+\+$/, '')
    .toLowerCase()
  const module = loadingPackage(rc, line)
  const display = /^lib(?:gl|egl|sm|ice|xext|xrender|x11|xcb|gthread|glib)$/.test(stem)
  return {
    library,
    apt: APT_PACKAGES[stem],
    gpu: GPU_LIBRARY.test(library),
    module,
    headless: display && module ? HEADLESS[module] : undefined,
    line
  }
}

/**
 * The package whose import loaded it: the innermost installed package's frame before the loader's line (case kept as
 * printed), or, when the innermost frame is the app's own, the module its `import` line names. Gunicorn's frames,
 * which every worker's traceback starts with, load nothing.
 */
function loadingPackage(rc: RuleContext, line: LogLine): string | undefined {
  const at = rc.ctx.lines.indexOf(line)
  for (let i = at - 1; i >= Math.max(0, at - 40); i--) {
    const text = rc.ctx.lines[i].text
    const hit = /[/\\](?:site|dist)-packages[/\\]([A-Za-z_]\w*)/i.exec(text)
    if (hit && hit[1] !== 'gunicorn') return hit[1]
    if (!hit && /File "(?!<frozen)[^"]+", line \d+/.test(text) && !/[/\\]lib[/\\]python[\d.]+[/\\]/.test(text)) {
      const imported = /^\s*(?:from|import)\s+([A-Za-z_]\w*)/.exec(rc.ctx.lines[i + 1]?.text ?? '')?.[1]
      if (imported) return imported
    }
  }
  return undefined
}
