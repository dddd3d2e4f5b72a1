#!/usr/bin/env bash
# Rebuilds __fixtures__/build/logs/<suite>/<builder>/<case>.log by building each case of __fixtures__/build/cases
# for real, the way the action builds (docker build --force-rm --file … --tag …; output not a terminal, so
# BuildKit prints plain progress), with the legacy builder and with BuildKit (the buildx plugin that
# scripts/test-env.sh installs). The cases build FROM gunicorn-smoke-pip:<suite> (__fixtures__/build/pip: Debian's
# pip and an offline wheelhouse), built here when missing. Usage: scripts/capture-build-logs.sh [suite...] [-- case...]
set -euo pipefail
cd "$(dirname "$0")/.."

suites=()
only=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; only=("$@"); break; fi
  suites+=("$1"); shift
done
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie forky)
BUILDX_CONFIG="${GUNICORN_SMOKE_BUILDX_CONFIG:-/var/lib/gunicorn-smoke/buildx}"
[ -x "$BUILDX_CONFIG/cli-plugins/docker-buildx" ] || { echo "[capture-build] no buildx in $BUILDX_CONFIG: run scripts/test-env.sh" >&2; exit 1; }

wanted() { [ ${#only[@]} -eq 0 ] && return 0; for c in "${only[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

for suite in "${suites[@]}"; do
  base="gunicorn-smoke-pip:$suite"
  if ! docker image inspect "$base" >/dev/null 2>&1; then
    echo "[capture-build] building $base" >&2
    docker build --quiet --build-arg "SUITE=$suite" --tag "$base" __fixtures__/build/pip >/dev/null
  fi
  for dir in __fixtures__/build/cases/*/; do
    case_name=$(basename "$dir")
    wanted "$case_name" || continue
    for builder in legacy buildkit; do
      out="__fixtures__/build/logs/$suite/$builder"
      mkdir -p "$out"
      if [ "$builder" = legacy ]; then env=(DOCKER_BUILDKIT=0); else env=(DOCKER_CONFIG="$BUILDX_CONFIG"); fi
      tag="gunicorn-smoke-capture:$case_name"
      if env "${env[@]}" docker build --force-rm --file "$dir/Dockerfile" --tag "$tag" --build-arg "BASE_IMAGE=$base" "$dir" >"$out/$case_name.log" 2>&1; then
        echo "[capture-build] $suite/$builder/$case_name: the build passed (a case must fail)" >&2
        docker image rm "$tag" >/dev/null
      else
        echo "[capture-build] $suite/$builder/$case_name: $(grep -cve '^$' "$out/$case_name.log") lines" >&2
      fi
    done
  done
done
