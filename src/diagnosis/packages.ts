// Import names whose pip package is named differently: the most common "I added it but it still fails".

const PIP_NAMES: Record<string, string> = {
  geventwebsocket: 'gevent-websocket',
  yaml: 'PyYAML',
  PIL: 'Pillow',
  cv2: 'opencv-python-headless',
  sklearn: 'scikit-learn',
  jwt: 'PyJWT',
  dotenv: 'python-dotenv',
  bs4: 'beautifulsoup4',
  psycopg2: 'psycopg2-binary',
  MySQLdb: 'mysqlclient',
  dateutil: 'python-dateutil',
  magic: 'python-magic',
  jose: 'python-jose',
  multipart: 'python-multipart',
  socketio: 'python-socketio',
  engineio: 'python-engineio',
  flask_socketio: 'Flask-SocketIO',
  flask_sqlalchemy: 'Flask-SQLAlchemy',
  flask_cors: 'Flask-Cors',
  flask_login: 'Flask-Login',
  flask_migrate: 'Flask-Migrate',
  flask_wtf: 'Flask-WTF',
  google: 'the google-* package that provides it (e.g. google-cloud-storage, protobuf)',
  Crypto: 'pycryptodome',
  OpenSSL: 'pyOpenSSL',
  serial: 'pyserial',
  usb: 'pyusb',
  attr: 'attrs',
  docx: 'python-docx',
  pptx: 'python-pptx',
  slugify: 'python-slugify',
  decouple: 'python-decouple',
  environ: 'django-environ',
  rest_framework: 'djangorestframework',
  corsheaders: 'django-cors-headers',
  debug_toolbar: 'django-debug-toolbar',
  storages: 'django-storages',
  uvicorn_worker: 'uvicorn-worker',
  pkg_resources: 'setuptools',
  zmq: 'pyzmq',
  telegram: 'python-telegram-bot',
  discord: 'discord.py',
  fitz: 'PyMuPDF',
  Levenshtein: 'python-Levenshtein',
  memcache: 'python-memcached',
  ldap: 'python-ldap',
  git: 'GitPython',
  skimage: 'scikit-image',
  grpc: 'grpcio'
}

/** The pip package for an import name (first dotted segment), and whether it differs from the import name. */
export function pipPackageFor(moduleName: string): { pipName: string; differs: boolean } {
  const top = moduleName.split('.')[0]
  const mapped = PIP_NAMES[top]
  return mapped ? { pipName: mapped, differs: true } : { pipName: top, differs: false }
}

/** The packages that provide a Gunicorn worker class, keyed by the importable module the class needs. */
export const WORKER_CLASS_PACKAGES: Record<string, { pipName: string; note?: string }> = {
  gevent: { pipName: 'gevent' },
  geventwebsocket: { pipName: 'gevent-websocket' },
  eventlet: { pipName: 'eventlet', note: 'eventlet support was removed in Gunicorn 26.0; gevent is the maintained choice' },
  uvicorn: {
    pipName: 'uvicorn[standard]',
    note: 'uvicorn.workers is deprecated since uvicorn 0.30: prefer the `uvicorn-worker` package and `-k uvicorn_worker.UvicornWorker`'
  },
  uvicorn_worker: { pipName: 'uvicorn-worker' },
  tornado: { pipName: 'tornado' }
}

/** The import name is one the table maps to its pip package (a known third-party module). */
export function knownImportName(moduleName: string): boolean {
  return Object.hasOwn(PIP_NAMES, moduleName.split('.')[0])
}
