// "Did you mean …": the closest of a few candidate names, by edit distance.

/** Levenshtein distance, case-insensitive, with `-`, `_` and `.` the same character (as in package names). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase().replace(/[_.]/g, '-')
  const y = b.toLowerCase().replace(/[_.]/g, '-')
  let twoBack: number[] = []
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)
      // A swap of two neighbours (gevnet/gevent) is one typo, not two.
      const swap = i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] ? twoBack[j - 2] + 1 : Infinity
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution, swap))
    }
    twoBack = previous
    previous = current
  }
  return previous[y.length]
}

/** The candidate nearest to `word` within a third of its length (at least 1, at most 3 edits), if any. */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)))
  let best: { name: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate)
    if (distance === 0 || distance > limit) continue
    if (!best || distance < best.distance) best = { name: candidate, distance }
  }
  return best?.name
}

/** Packages that backends of this kind install most; the names a typo in a requirements file is usually close to. */
export const WELL_KNOWN_PACKAGES = [
  'gunicorn',
  'gevent',
  'greenlet',
  'gevent-websocket',
  'eventlet',
  'uvicorn',
  'uvicorn-worker',
  'flask',
  'flask-socketio',
  'flask-sqlalchemy',
  'flask-cors',
  'flask-login',
  'flask-migrate',
  'django',
  'djangorestframework',
  'django-environ',
  'django-cors-headers',
  'fastapi',
  'starlette',
  'pydantic',
  'sqlalchemy',
  'alembic',
  'psycopg2',
  'psycopg2-binary',
  'psycopg',
  'asyncpg',
  'mysqlclient',
  'pymysql',
  'redis',
  'celery',
  'kombu',
  'requests',
  'httpx',
  'aiohttp',
  'urllib3',
  'certifi',
  'websockets',
  'python-socketio',
  'python-engineio',
  'python-dotenv',
  'python-dateutil',
  'pyyaml',
  'jinja2',
  'werkzeug',
  'itsdangerous',
  'click',
  'markupsafe',
  'numpy',
  'pandas',
  'pillow',
  'boto3',
  'botocore',
  'cryptography',
  'pyjwt',
  'bcrypt',
  'sentry-sdk',
  'whitenoise',
  'setuptools',
  'wheel',
  'six',
  'attrs',
  'orjson',
  'ujson',
  'lxml'
]
