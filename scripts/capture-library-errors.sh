#!/usr/bin/env bash
# Captures library errors a worker raises while Gunicorn imports the app, on the forky base (run inside it:
# docker run --rm -e MIRROR=… -v "$PWD/scripts/capture-library-errors.sh:/c.sh" gunicorn-smoke-base:forky bash /c.sh).
# Each part of the output, after its "=== module" line, is one file of __fixtures__/logs/by-hand.
set -e
echo "deb ${MIRROR:-http://deb.debian.org/debian} forky main" > /etc/apt/sources.list
rm -f /etc/apt/sources.list.d/*
apt-get -o Acquire::Check-Valid-Until=false update -qq >/dev/null 2>&1
apt-get install -y -qq --no-install-recommends python3-sqlalchemy python3-pydantic python3-pydantic-settings python3-botocore python3-django >/dev/null 2>&1
rm -rf /usr/lib/python3/dist-packages/psycopg2 /usr/lib/python3/dist-packages/psycopg
mkdir -p /app && cd /app
cat > orders.py <<'PY'
import os

from sqlalchemy import create_engine

engine = create_engine(os.environ.get("DATABASE_URL", "postgres://orders:secret@db:5432/orders"))


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > settings_app.py <<'PY'
from pydantic import BaseSettings


class Settings(BaseSettings):
    api_key: str = ""


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > shop.py <<'PY'
import django
from django.conf import settings

settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "HOST": "db"}})
django.setup()

from django.db import connection  # noqa: E402

connection.ensure_connection()


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > config_app.py <<'PY'
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    secret_key: str
    redis_url: str


settings = Settings()


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > storage_app.py <<'PY'
import botocore.session

session = botocore.session.get_session()
s3 = session.create_client("s3", region_name="eu-west-1")
BUCKETS = s3.list_buckets()


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > empty_url_app.py <<'PY'
import os

from sqlalchemy import create_engine

engine = create_engine(os.getenv("DATABASE_URL", ""))


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > notes_app.py <<'PY'
import sqlite3

db = sqlite3.connect("/app/data/notes.db")


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
cat > site_app.py <<'PY'
from sqlalchemy import create_engine, text

engine = create_engine("sqlite:////tmp/site.db")
with engine.connect() as connection:
    SITE_NAME = connection.execute(text("SELECT value FROM site_settings WHERE key = 'name'")).scalar()


def app(environ, start_response):
    start_response("200 OK", [])
    return [b"ok"]
PY
for m in orders settings_app shop config_app storage_app empty_url_app notes_app site_app; do echo "=== $m"; timeout 10 gunicorn -w 1 -b 0.0.0.0:8000 $m:app 2>&1 || true; done
