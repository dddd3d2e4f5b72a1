#!/usr/bin/env bash
# Captures pip refusing to install, on the forky base (run inside it:
# docker run --rm -e MIRROR=… -v "$PWD/scripts/capture-pip-refusals.sh:/c.sh" gunicorn-smoke-base:forky bash /c.sh).
# Each part of the output, after its "=== case" line, is one file of __fixtures__/logs/by-hand (`CASE-forky.log`).
set -e
echo "deb ${MIRROR:-http://deb.debian.org/debian} forky main" > /etc/apt/sources.list
rm -f /etc/apt/sources.list.d/*
apt-get -o Acquire::Check-Valid-Until=false update -qq >/dev/null 2>&1
apt-get install -y -qq --no-install-recommends python3-pip >/dev/null 2>&1
echo "=== pip-externally-managed"
# The distribution's own Python marks itself managed (PEP 668).
pip install --no-index flask 2>&1 || true
echo "=== pip-index-unreachable"
# An index the builder cannot reach (a name that does not resolve, as with no DNS or a proxy the build lacks).
pip install --break-system-packages --retries 1 --timeout 2 --index-url https://pypi.invalid/simple flask==3.0.3 2>&1 || true
