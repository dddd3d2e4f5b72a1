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
