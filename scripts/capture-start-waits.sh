#!/usr/bin/env bash
# Captures a start script's wait for a database that never answers, on the forky base (run inside it:
# docker run --rm -e MIRROR=… -v "$PWD/scripts/capture-start-waits.sh:/c.sh" gunicorn-smoke-base:forky bash /c.sh).
# Each part of the output, after its "=== case" line, is one file of __fixtures__/logs/by-hand (`CASE-forky.log`).
set -e
echo "deb ${MIRROR:-http://deb.debian.org/debian} forky main" > /etc/apt/sources.list
rm -f /etc/apt/sources.list.d/*
apt-get -o Acquire::Check-Valid-Until=false update -qq >/dev/null 2>&1
apt-get install -y -qq --no-install-recommends wait-for-it postgresql-client >/dev/null 2>&1
echo "=== wait-for-it-timeout"
# The entrypoint as users write it: wait for the database (strict: give up when it never answers), then start Gunicorn.
sh -c 'wait-for-it db:5432 -t 3 --strict -- gunicorn -b 0.0.0.0:8000 app:app' 2>&1 || true
echo "=== pg-isready-loop"
sh -c 'for i in 1 2 3 4; do pg_isready -h db -p 5432 -t 1 && break; echo "Postgres is unavailable - sleeping"; sleep 1; done' 2>&1 || true
