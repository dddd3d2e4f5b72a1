// Libraries that name what is wrong in their own words, read as that: SQLAlchemy's dropped `postgres://`, Pydantic 2's
// moved BaseSettings, Django's backend without its driver (captured on forky with scripts/capture-library-errors.sh),
// `Couldn't import Django`, a distribution asked for by its installed name, an empty variable turned into a number,
// NumPy's MemoryError subclass, a settings class's required fields, a cloud SDK without credentials, protobuf's pin.
import { linesOf } from '../gunicorn/captured-logs.js'
import { byHandLog, contextFor, diagnose } from './context-helper.js'

describe('libraries that name what is wrong in their own words (captured on forky: scripts/capture-library-errors.sh)', () => {
  const exited = { container: { running: false, exitCode: 3 } }

  it("SQLAlchemy's `postgres://` a host handed out: config-error, the scheme it wants", () => {
    const diagnosis = diagnose(contextFor(byHandLog('database-url-scheme'), exited))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      'The database URL starts with `postgres://`, a scheme SQLAlchemy 1.4+ no longer accepts: it wants `postgresql://`.'
    )
    expect(diagnosis.remedy).toContain('`url.replace("postgres://", "postgresql://", 1)`')
  })

  it("Pydantic 2's BaseSettings moved to pydantic-settings: the package to add, as the message names it", () => {
    const diagnosis = diagnose(contextFor(byHandLog('pydantic-settings-moved'), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(
      /^The app needs `pydantic-settings`, which is not installed in the image: `pydantic\.errors\.PydanticImportError: /
    )
    expect(diagnosis.remedy).toMatch(/^Add `pydantic-settings` to .*, and import from it what the message says moved there\.$/)
  })

  it("Django's backend without its driver: the driver, not Django's settings", () => {
    const diagnosis = diagnose(contextFor(byHandLog('django-backend-missing'), exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toContain('`psycopg`')
  })

  it("Django's message alone (the chain cut off): the driver its backend names", () => {
    const alone = byHandLog('django-backend-missing').filter((line) => !/No module named|During handling/.test(line.text))
    const diagnosis = diagnose(contextFor(alone, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(
      /^The app needs `psycopg2-binary`, which is not installed in the image: `django\.core\.exceptions\.ImproperlyConfigured: Error loading psycopg2/
    )
  })

  it("manage.py's `Couldn't import Django`: Django itself", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/manage.py", line 11, in main',
      '    from django.core.management import execute_from_command_line',
      "ImportError: Couldn't import Django. Are you sure it's installed and available on your PYTHONPATH environment variable? Did you forget to activate a virtual environment?"
    ])
    expect(diagnose(contextFor(lines, { container: { running: false, exitCode: 1 } })).summary).toMatch(
      /^The app needs `Django`, which is not installed/
    )
  })

  it('int() of an environment variable read with an empty default: the variable', () => {
    const lines = linesOf([
      '[2024-05-01 10:00:01 +0000] [8] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/app/settings.py", line 9, in <module>',
      '    WORKERS = int(os.environ.get("WEB_CONCURRENCY", ""))',
      "ValueError: invalid literal for int() with base 10: ''"
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('`WEB_CONCURRENCY`')
  })

  it('the same error from a value that is not empty is not a missing variable', () => {
    const lines = linesOf([
      '  File "/app/settings.py", line 9, in <module>',
      '    WORKERS = int(os.environ.get("WEB_CONCURRENCY", ""))',
      "ValueError: invalid literal for int() with base 10: 'auto'"
    ])
    expect(diagnose(contextFor(lines, exited)).reason).not.toBe('missing-env')
  })

  it("Python's own library missing is not a system package to add (a virtualenv from another image)", () => {
    const lines = linesOf([
      '/app/.venv/bin/python: error while loading shared libraries: libpython3.11.so.1.0: cannot open shared object file: No such file or directory'
    ])
    expect(diagnose(contextFor(lines, { container: { running: false, exitCode: 127 } })).reason).not.toBe('missing-dependency')
  })
})

describe('what the library asks for by its installed name', () => {
  const exited = { container: { running: false, exitCode: 3 } }

  it("setuptools' entry point for a distribution not installed in this Python", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/usr/local/bin/gunicorn", line 6, in <module>',
      '    from pkg_resources import load_entry_point',
      "pkg_resources.DistributionNotFound: The 'gunicorn' distribution was not found and is required by the application"
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.summary).toMatch(/^The app needs `gunicorn`, which is not installed in the image/)
  })

  it("importlib.metadata's version() of the project itself, never pip-installed", () => {
    const lines = linesOf([
      'Traceback (most recent call last):',
      '  File "/app/orders/__init__.py", line 3, in <module>',
      '    __version__ = version("orders-api")',
      '  File "/usr/local/lib/python3.12/importlib/metadata/__init__.py", line 397, in from_name',
      '    raise PackageNotFoundError(name)',
      'importlib.metadata.PackageNotFoundError: No package metadata was found for orders-api'
    ])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-dependency')
    expect(diagnosis.remedy).toMatch(/^Add `orders-api` to /)
  })
})

describe("a worker's own MemoryError subclass", () => {
  it("NumPy's allocation refused while the app loads is the app running out, not the master's fork", () => {
    const lines = linesOf([
      '[2024-05-01 10:00:01 +0000] [8] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
      '    worker.init_process()',
      '  File "/app/ml.py", line 12, in load_model',
      '    return np.zeros((200000, 200000))',
      'numpy.core._exceptions._ArrayMemoryError: Unable to allocate 298. GiB for an array with shape (200000, 200000) and data type float64',
      '[2024-05-01 10:00:01 +0000] [8] [INFO] Worker exiting (pid: 8)'
    ])
    const diagnosis = diagnose(contextFor(lines, { container: { running: false, exitCode: 3 } }))
    expect(diagnosis.reason).toBe('out-of-memory')
    expect(diagnosis.summary).toMatch(/^The app ran out of memory while it loaded: /)
  })
})

describe('what an SDK or a settings class wants from the environment', () => {
  const exited = { container: { running: false, exitCode: 3 } }
  const raised = (frames: string[], exception: string[]) =>
    linesOf([
      '[2024-05-01 10:00:01 +0000] [8] [ERROR] Exception in worker process',
      'Traceback (most recent call last):',
      ...frames,
      ...exception,
      '[2024-05-01 10:00:01 +0000] [8] [INFO] Worker exiting (pid: 8)'
    ])

  it("pydantic-settings' required fields: every variable, as the fields are named, but those the run passed", () => {
    const lines = raised(
      ['  File "/app/config.py", line 12, in <module>', '    settings = Settings()'],
      [
        'pydantic_core._pydantic_core.ValidationError: 2 validation errors for Settings',
        'secret_key',
        '  Field required [type=missing, input_value={}, input_type=dict]',
        '    For further information visit https://errors.pydantic.dev/2.7/v/missing',
        'redis_url',
        '  Field required [type=missing, input_value={}, input_type=dict]'
      ]
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toBe('The app needs the environment variables `SECRET_KEY` and `REDIS_URL`, which are not set in the container.')
    expect(diagnosis.remedy).toMatch(/^Pass `SECRET_KEY` and `REDIS_URL` with the action's `env` input/)
    // REDIS_URL given to the run: the error lists it (a value pydantic refused is another error), the words do not.
    const passed = diagnose(contextFor(lines, { ...exited, provided: ['PORT', 'REDIS_URL'] }))
    expect(passed.summary).toMatch(/^The app needs the environment variable `SECRET_KEY`, which is not set/)
  })

  it("Pydantic 1's wording too", () => {
    const lines = raised(
      ['  File "/app/config.py", line 12, in <module>', '    settings = AppConfig()'],
      ['pydantic.error_wrappers.ValidationError: 1 validation error for AppConfig', 'database_url', '  field required (type=value_error.missing)']
    )
    expect(diagnose(contextFor(lines, exited)).summary).toContain('`DATABASE_URL`')
  })

  it('a model that is not a settings class is not the environment', () => {
    const lines = raised(
      ['  File "/app/seed.py", line 4, in <module>', '    ORDER = Order()'],
      [
        'pydantic_core._pydantic_core.ValidationError: 1 validation error for Order',
        'sku',
        '  Field required [type=missing, input_value={}, input_type=dict]'
      ]
    )
    expect(diagnose(contextFor(lines, exited)).reason).not.toBe('missing-env')
  })

  it("SQLAlchemy's empty URL from a read with an empty default: the variable", () => {
    const lines = raised(
      ['  File "/app/db.py", line 6, in <module>', '    engine = create_engine(os.getenv("DATABASE_URL", ""))'],
      ["sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''"]
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain('`DATABASE_URL`')
  })

  it.each([
    ['botocore.exceptions.NoCredentialsError: Unable to locate credentials', 'AWS_ACCESS_KEY_ID'],
    ['google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found.', 'GOOGLE_APPLICATION_CREDENTIALS']
  ])('a cloud SDK called at import without credentials (%s): the variable it reads', (exception, variable) => {
    const lines = raised(['  File "/app/storage.py", line 8, in <module>', '    BUCKETS = client.list_buckets()'], [exception])
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain(`\`${variable}\``)
  })

  it("protobuf's own advice for code generated by an older protoc: the pin it gives", () => {
    const lines = raised(
      ['  File "/app/api/service_pb2.py", line 33, in <module>', '    _descriptor.FieldDescriptor('],
      [
        'TypeError: Descriptors cannot be created directly.',
        'If this call came from a _pb2.py file, your generated code is out of date and must be regenerated with protoc >= 3.19.0.',
        'If you cannot immediately regenerate your protos, some other possible workarounds are:',
        ' 1. Downgrade the protobuf package to 3.20.x or lower.',
        ' 2. Set PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python (but this will use pure-Python parsing and will be much slower).'
      ]
    )
    const diagnosis = diagnose(contextFor(lines, exited))
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toBe(
      "The installed `protobuf` is too new for the app's code (`service_pb2.py:33`): `TypeError: Descriptors cannot be created directly`."
    )
    expect(diagnosis.remedy).toBe(
      'Pin `protobuf` to 3.20.x or lower in the requirements, as its message says, or regenerate the code with `protoc >= 3.19.0` and keep the newer `protobuf`.'
    )
  })
})

describe('the same, captured on forky (scripts/capture-library-errors.sh)', () => {
  const exited = { container: { running: false, exitCode: 3 } }

  it.each([
    ['settings-fields-missing', 'SECRET_KEY'],
    ['sdk-no-credentials', 'AWS_ACCESS_KEY_ID'],
    ['sqlalchemy-empty-url', 'DATABASE_URL']
  ])('%s: missing-env naming %s', (name, variable) => {
    const diagnosis = diagnose(contextFor(byHandLog(name), exited))
    expect(diagnosis.reason).toBe('missing-env')
    expect(diagnosis.summary).toContain(`\`${variable}\``)
  })

  it('names every field the captured settings class lists', () => {
    expect(diagnose(contextFor(byHandLog('settings-fields-missing'), exited)).summary).toContain('`SECRET_KEY` and `REDIS_URL`')
  })
})
