// What to install when a package's C/Rust extension does not build: Debian packages per missing tool or header
// and per well-known package, and the binary distributions that avoid compiling.

/** Debian packages that provide a compiler, header or config tool a build looked for. */
export const APT_FOR_MISSING: { match: RegExp; apt: string[] }[] = [
  { match: /^(gcc|cc|g\+\+|clang|make)$/, apt: ['build-essential'] },
  { match: /^Python\.h$/, apt: ['python3-dev'] },
  { match: /^(libpq-fe\.h|pg_config)$/, apt: ['libpq-dev'] },
  { match: /^ffi\.h$/, apt: ['libffi-dev'] },
  { match: /^openssl\//, apt: ['libssl-dev'] },
  { match: /^(mysql_config|mysql\.h|mysql\/.*)$/, apt: ['default-libmysqlclient-dev', 'pkg-config'] },
  { match: /^pkg-config$/, apt: ['pkg-config'] },
  { match: /^libxml\/|^libxslt\/|^(xml2|xslt)-config$/, apt: ['libxml2-dev', 'libxslt1-dev'] },
  // Pillow's names for the libraries it looks for.
  { match: /^(jpeglib\.h|jpeg)$/, apt: ['libjpeg-dev'] },
  { match: /^(zlib\.h|zlib)$/, apt: ['zlib1g-dev'] },
  { match: /^freetype$/, apt: ['libfreetype6-dev'] },
  { match: /^(rustc|Cargo)$/, apt: ['cargo'] }
]

/** Headers and libraries the well-known packages with extensions need besides a compiler. */
export const APT_FOR_PACKAGE: Record<string, string[]> = {
  psycopg2: ['libpq-dev'],
  'psycopg2-binary': ['libpq-dev'],
  mysqlclient: ['default-libmysqlclient-dev', 'pkg-config'],
  lxml: ['libxml2-dev', 'libxslt1-dev'],
  cffi: ['libffi-dev'],
  cryptography: ['libssl-dev', 'cargo'],
  pillow: ['libjpeg-dev', 'zlib1g-dev']
}

/** A distribution of the same thing that ships compiled wheels. */
export const BINARY_ALTERNATIVE: Record<string, string> = {
  psycopg2: 'psycopg2-binary',
  mysqlclient: 'PyMySQL (pure Python)',
  'python-levenshtein': 'rapidfuzz'
}

/** The usual Debian names of packages written with another distribution's names (RPM `-devel`, Alpine). */
export const DEBIAN_NAME: Record<string, string> = {
  'python-dev': 'python3-dev',
  'python3-devel': 'python3-dev',
  'python-devel': 'python3-dev',
  'gcc-c++': 'g++',
  'postgresql-devel': 'libpq-dev',
  'libpq-devel': 'libpq-dev',
  'openssl-devel': 'libssl-dev',
  'libffi-devel': 'libffi-dev',
  'mysql-devel': 'default-libmysqlclient-dev',
  'build-base': 'build-essential',
  'postgresql-dev': 'libpq-dev',
  'libressl-dev': 'libssl-dev',
  'libmysqlclient-dev': 'default-libmysqlclient-dev'
}

export function debianNameFor(name: string): string | undefined {
  return DEBIAN_NAME[name] ?? (/-devel$/.test(name) ? name.replace(/-devel$/, '-dev') : undefined)
}

/** A build of an old release that today's Python or build tools broke: what it said, why, and the way out. */
export interface BuildBreak {
  match: RegExp
  /** The name in the error, as printed. */
  said: string
  why: string
  fix: string
  /** The package whose build it is, when the error belongs to one. */
  package?: string
  /** Its words are only ever a build's (no app prints them at run time). */
  buildOnly?: boolean
}

export const BUILD_BREAKS: readonly BuildBreak[] = [
  {
    match: /No module named '?distutils'?/,
    said: 'distutils',
    why: 'its build imports `distutils`, which Python 3.12 removed',
    fix: 'Require a release with a wheel for this Python (its build no longer needs distutils), or build FROM a Python 3.11 image.'
  },
  {
    match: /module 'pkgutil' has no attribute 'ImpImporter'/,
    said: 'pkgutil.ImpImporter',
    why: 'its build runs a setuptools (pkg_resources) older than Python 3.12, which removed `pkgutil.ImpImporter`',
    fix: 'Require releases with wheels for Python 3.12 (or a newer setuptools in the build), or build FROM a Python 3.11 image.'
  },
  {
    match: /AttributeError: cython_sources/,
    said: 'cython_sources',
    package: 'PyYAML',
    buildOnly: true,
    why: "the isolated build installed Cython 3, which PyYAML's setup before 6.0.1 cannot use",
    fix: 'Require `PyYAML>=6.0.1` (it ships wheels), or build it with `Cython<3` (`pip install "cython<3"` then `--no-build-isolation`).'
  }
]
