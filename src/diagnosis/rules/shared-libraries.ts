// A system library a compiled module needs and the image lacks: the dynamic loader's `libGL.so.1: cannot open shared
// object file`, raised as ImportError (an extension module linked against it) or OSError (ctypes, cffi). Slim images
// leave out what a desktop or a full image has (OpenCV's libGL, LightGBM's libgomp, psycopg's libpq), and the wheel
// installs without complaint: the import fails in the worker. Read from any line, so a paste that lost its case or
// its traceback's shape still names the library.
import type { LogLine } from '../../core/model.js'
import type { RuleContext } from '../context.js'
import type { Words } from '../reason.js'
import type { SourceLocation } from '../../core/model.js'
import { code, where } from '../words.js'

const CANNOT_OPEN = /([\w.+-]+\.so(?:\.[\w.]+)?): cannot open shared object file/i
// musl's loader (Alpine): `Error loading shared library libstdc++.so.6: No such file or directory (needed by …/cygrpc….so)`.
const MUSL_CANNOT_LOAD = /Error loading shared library ([\w.+-]+\.so(?:\.[\w.]+)?): No such file or directory \(needed by ([^)]+)\)/
// glibc's loader: the library is there, older than the module was built for (a wheel from a newer system).
const GLIBC_TOO_OLD = /version [`'‘]GLIBC_([\d.]+)['’] not found \(required by ([^)]+)\)/

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

/** Alpine's package for a library, by the same stem (musl images name them their own way). */
const APK_PACKAGES: Record<string, string> = {
  libstdc: 'libstdc++',
  libgcc_s: 'libgcc',
  libgomp: 'libgomp',
  libpq: 'libpq',
  libffi: 'libffi',
  libssl: 'libssl3',
  libcrypto: 'libcrypto3',
  libgl: 'mesa-gl',
  libglib: 'glib',
  libmagic: 'libmagic',
  libjpeg: 'libjpeg-turbo',
  libz: 'zlib'
}

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
  /** musl's loader said it (an Alpine image): Alpine's package, when it is one we know. */
  musl?: { apk?: string }
  /** The library is there, and older than the module needs: the glibc version it was built for (`2.34`). */
  glibcNeeded?: string
  line: LogLine
}

const stemOf = (library: string) =>
  library
    .replace(/\.so.*$/i, '')
    .replace(/-[\d.]+$/, '')
    .replace(/\+\+$/, '')
    .toLowerCase()
const packageOfPath = (file: string) => /[/\\](?:site|dist)-packages[/\\]([A-Za-z_]\w*)/.exec(file)?.[1]

export function missingSharedLibrary(rc: RuleContext): MissingSharedLibrary | undefined {
  const other = muslOrGlibc(rc)
  if (other) return other
  const line = rc.ctx.lines.find((l) => l.text.includes('shared object') && CANNOT_OPEN.test(l.text))
  if (!line) return undefined
  const library = CANNOT_OPEN.exec(line.text)![1]
  // Python's own library missing is an interpreter from another image (a copied virtualenv), not a package to add.
  if (/^libpython/i.test(library)) return undefined
  const stem = stemOf(library)
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

/** musl's missing library, or glibc older than a module needs: both name the module's file. */
function muslOrGlibc(rc: RuleContext): MissingSharedLibrary | undefined {
  for (const line of rc.ctx.lines) {
    if (!line.text.includes('shared library') && !line.text.includes('GLIBC_')) continue
    const musl = MUSL_CANNOT_LOAD.exec(line.text)
    if (musl) {
      const library = musl[1]
      return { library, gpu: false, module: packageOfPath(musl[2]), musl: { apk: APK_PACKAGES[stemOf(library)] }, line }
    }
    const glibc = GLIBC_TOO_OLD.exec(line.text)
    if (glibc) return { library: 'libc.so.6', gpu: false, module: packageOfPath(glibc[2]), glibcNeeded: glibc[1], line }
  }
  return undefined
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

/** How the missing-dependency reason words a library the image lacks (or has too old). */
export function sharedLibraryWords(facts: Omit<MissingSharedLibrary, 'line'> & { importedAt?: SourceLocation }): Words {
  const by = facts.module ? `, which ${code(facts.module)} loads${where(facts.importedAt)},` : where(facts.importedAt)
  if (facts.glibcNeeded) {
    return {
      summary:
        `${facts.module ? code(facts.module) : 'A compiled module'}${where(facts.importedAt)} was built for glibc ${facts.glibcNeeded} ` +
        `or newer (${code(`GLIBC_${facts.glibcNeeded}`)}), and the image's C library is older: the package was built or ` +
        'installed on a newer system (another stage or image, a cached wheel).',
      remedy:
        'Install the package in the image that runs it (not copied from a newer stage), pin a release whose wheel supports ' +
        "the image's glibc, or build FROM a newer base (Debian bookworm has glibc 2.36, trixie 2.41)."
    }
  }
  if (facts.musl) {
    const add = facts.musl.apk ? code(`RUN apk add --no-cache ${facts.musl.apk}`) : `the package ${code(`apk search so:${facts.library}`)} names`
    return {
      summary: `The system library ${code(facts.library)}${by} is not in the Alpine image: a compiled module cannot load without it.`,
      remedy: `Add ${add} to the Dockerfile, or build FROM a Debian-based image (\`python:3.x-slim\`): most wheels are built for glibc.`
    }
  }
  const install = facts.apt
    ? `Install ${code(facts.apt)} in the Dockerfile before the app runs (${code(`RUN apt-get update && apt-get install -y --no-install-recommends ${facts.apt}`)})`
    : `Install the Debian package that provides ${code(facts.library)} in the Dockerfile (${code(`apt-file search ${facts.library}`)} names it)`
  return {
    summary: `The system library ${code(facts.library)}${by} is not in the image: a compiled module cannot load without it.`,
    remedy: facts.gpu
      ? `${code(facts.library)} comes with NVIDIA's CUDA runtime: build on a CUDA base image, or install the CPU-only build of the package that needs it.`
      : facts.headless
        ? `${install}, or install ${code(facts.headless)} instead, which needs no display libraries.`
        : `${install}; slim base images leave out libraries a wheel may need.`
  }
}
