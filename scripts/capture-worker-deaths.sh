#!/usr/bin/env bash
# Captures how workers die outside a Python traceback, on a base image (run inside it:
# docker run --rm --sysctl net.ipv4.ip_unprivileged_port_start=1024 -v "$PWD/scripts/capture-worker-deaths.sh:/c.sh"
# -v "$(mktemp):/app/busy.pid" gunicorn-smoke-base:SUITE bash /c.sh). Docker lets any user bind any port unless the
# sysctl says otherwise, as a Kubernetes node or a rootless runtime does.
# Each part of the output, after its "=== case" line, is one file of __fixtures__/logs/by-hand (`CASE-SUITE.log`).
set -e
mkdir -p /app && cd /app
# glibc aborts a worker whose extension frees memory it does not own (`free(): invalid pointer`, then SIGABRT).
cat > corrupt.py <<'PY'
import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.free.argtypes = [ctypes.c_void_p]
buffer = ctypes.create_string_buffer(64)
libc.free(ctypes.addressof(buffer) + 16)


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
# A request longer than the timeout: the master aborts the worker (SIGABRT) and its traceback runs through handle_abort.
cat > slow.py <<'PY'
import time


def app(environ, start_response):
    time.sleep(30)
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > hello.py <<'PY'
def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
echo "=== native-abort"
timeout 1 gunicorn -w 1 -b 0.0.0.0:8000 corrupt:app 2>&1 || true
echo "=== request-aborted"
(timeout 12 gunicorn -w 1 -t 2 -b 0.0.0.0:8000 slow:app 2>&1 || true) &
sleep 2
python3 -c 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:8000/report", timeout=8)' >/dev/null 2>&1 || true
wait
echo "=== bind-refused"
# A port below 1024 for a user that is not root.
timeout 12 setpriv --reuid=65534 --regid=65534 --clear-groups gunicorn -w 1 -b 0.0.0.0:80 hello:app 2>&1 || true
echo "=== python-m-gunicorn-missing"
python3 -m venv --without-pip /venv
/venv/bin/python -m gunicorn -b 0.0.0.0:8000 hello:app 2>&1 || true
echo "=== certfile-missing"
# TLS files the host would mount, absent here: the master checks them before it binds.
gunicorn -w 1 -b 0.0.0.0:8000 --certfile /certs/tls.crt --keyfile /certs/tls.key hello:app 2>&1 || true
echo "=== service-link-port"
# Kubernetes sets <SERVICE>_PORT=tcp://<ip>:<port> for each Service: a Service named `paperless` shadows the app's own.
cat > gunicorn.conf.py <<'PY'
import os

bind = f"[::]:{os.environ.get('PAPERLESS_PORT', '8000')}"
PY
PAPERLESS_PORT=tcp://10.43.223.199:8000 gunicorn -c gunicorn.conf.py hello:app 2>&1 || true
rm gunicorn.conf.py
echo "=== pidfile-rename-busy"
# The pid file is a file bind-mounted into the container (as a host's shared folder may make it): the rename over it fails.
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 --pid /app/busy.pid hello:app 2>&1 || true
echo "=== module-unreadable"
# A settings module on a volume the worker's user may not read (a host directory bind-mounted, owned by root, mode 600).
printf 'SECRET_KEY = "dev"\n' > local_settings.py && chmod 600 local_settings.py
printf 'import local_settings\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > settings_app.py
timeout 5 setpriv --reuid=65534 --regid=65534 --clear-groups gunicorn -w 1 -b 0.0.0.0:8000 settings_app:app 2>&1 || true
echo "=== secret-unreadable"
# A secret file the app opens at import, readable by root only.
printf 'x' > .secret && chmod 600 .secret
printf 'with open("/app/.secret") as f:\n    SECRET = f.read()\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > secret_app.py
timeout 5 setpriv --reuid=65534 --regid=65534 --clear-groups gunicorn -w 1 -b 0.0.0.0:8000 secret_app:app 2>&1 || true
echo "=== config-file-missing"
# The app opens its configuration at import by a path relative to the directory it was written in, not the one it runs in.
printf 'import json\n\nwith open("config/app.json") as f:\n    SETTINGS = json.load(f)\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > config_app.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 config_app:app 2>&1 || true
echo "=== inline-comment"
# An env file's line `SESSION_TIMEOUT=18000 # in seconds` (Docker's --env-file, Compose's env_file) keeps the comment.
printf 'import os\n\nSESSION_TIMEOUT = int(os.environ["SESSION_TIMEOUT"])\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > timeout_app.py
SESSION_TIMEOUT='18000 # in seconds' timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 timeout_app:app 2>&1 || true
echo "=== module-code-raises"
# A settings line that mixes a Path and a str: module-level code raises a TypeError while Gunicorn imports the app.
printf 'from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent\nSTATIC_ROOT = BASE_DIR + "/static"\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > static_app.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 static_app:app 2>&1 || true
echo "=== renamed-gunicorn-usage"
# Gunicorn under another program name (a distribution's wrapper): its argparse errors carry that name.
mkdir -p /app/bin && cp "$(command -v gunicorn)" /app/bin/gunicornMlflow
/app/bin/gunicornMlflow -m uvicorn hello:app 2>&1 || true
echo "=== launcher-missing"
# An APM agent's launcher before Gunicorn, in an image that does not have the agent.
sh -c 'exec newrelic-admin run-program gunicorn -b 0.0.0.0:8000 hello:app' 2>&1 || true
echo "=== crlf-sourced"
# A start script saved with Windows line endings and run by sh: each command ends in a carriage return.
printf '#! /usr/bin/env sh\r\n\r\necho "Running prestart"\r\nset -e\r\n' > prestart.sh
sh /app/prestart.sh 2>&1 || true
echo "=== module-as-path"
# The app spec written as the file's path: Gunicorn 19+ imports it as a module name.
mkdir -p src/line && cp hello.py src/line/app.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 src/line/app:app 2>&1 || true
echo "=== library-raises-at-import"
# Module-level code calls a helper that hands a setting to a library, which raises (the JSON the app expects is not JSON).
printf 'import json\nimport os\n\n\ndef feature_flags():\n    return json.loads(os.environ.get("FEATURE_FLAGS", "{enabled: true}"))\n\n\nFLAGS = feature_flags()\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > flags_app.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 flags_app:app 2>&1 || true
echo "=== message-in-raise-only"
# An exception class that keeps its message to itself (super().__init__() without it): Python prints the class alone,
# and the words are only on the raise line.
printf 'import os\n\n\nclass ClientError(Exception):\n    def __init__(self, message):\n        super().__init__()\n        self.message = message\n\n\ndef get_token():\n    token = os.environ.get("TOKEN")\n    if not token:\n        raise ClientError("env '"'"'TOKEN'"'"' not found")\n    return token\n\n\nTOKEN = get_token()\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > token_app.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 token_app:app 2>&1 || true
echo "=== own-module-missing"
# The app's own package imports a module of itself that the image does not have (not committed, or left out of a COPY).
mkdir -p /app/proj/src/routes && touch /app/proj/src/__init__.py /app/proj/src/routes/__init__.py
printf 'from src.routes.holidays import holidays_bp\n\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n' > /app/proj/src/main.py
printf 'from src.main import app\n' > /app/proj/wsgi.py
timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 --chdir /app/proj wsgi:app 2>&1 || true
echo "=== spec-names-its-own-folder"
# The app spec starts at the project's folder (its name has hyphens) while the server already runs inside it.
mkdir -p /app/Line-Balances/site && touch /app/Line-Balances/site/__init__.py && cp hello.py /app/Line-Balances/site/wsgi.py
(cd /tmp && timeout 5 gunicorn -w 1 -b 0.0.0.0:8000 --chdir /app/Line-Balances Line-Balances.site.wsgi:app 2>&1) || true
echo "=== bind-star-debug"
# `*` for every interface, as other servers take it; at debug level Gunicorn also prints the bind as written.
timeout 6 gunicorn -w 1 --log-level debug -b '*:8000' hello:app 2>&1 || true
