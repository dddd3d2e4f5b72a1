#!/usr/bin/env bash
# Captures the build failures of __fixtures__/build/framings/compose.yaml as Docker Compose frames them, into
# __fixtures__/build/logs/framings/: `docker compose build` through the engine's BuildKit with plain progress and
# with tty progress (under `script`, a terminal), through the legacy builder (DOCKER_BUILDKIT=0), and
# `docker compose up` of a service whose entrypoint runs pip (`entrypoint-1  | …`). Compose 2.40 wants buildx 0.17
# or later, and the test environment's is 0.13: so Compose runs from a Docker config of its own without buildx and
# builds with the engine's BuildKit. Needs the gunicorn-smoke-pip:bookworm base (scripts/capture-build-logs.sh
# builds it) and Compose v2 (scripts/test-env.sh). Leaves no container, network or image behind.
set -euo pipefail
cd "$(dirname "$0")/.."
plugins="${GUNICORN_SMOKE_BUILDX_CONFIG:-/var/lib/gunicorn-smoke/buildx}/cli-plugins"
export DOCKER_CONFIG
DOCKER_CONFIG=$(mktemp -d /tmp/gunicorn-smoke-framings.XXXX)
mkdir "$DOCKER_CONFIG/cli-plugins"
ln -s "$(readlink -f "$plugins/docker-compose")" "$DOCKER_CONFIG/cli-plugins/docker-compose"
export DOCKER_BUILDKIT=1
dir=__fixtures__/build/framings
out=__fixtures__/build/logs/framings
mkdir -p "$out"
compose=(docker compose --file "$dir/compose.yaml")
cleanup() {
  "${compose[@]}" down --rmi local --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$DOCKER_CONFIG"
}
trap cleanup EXIT

for service in web native copy; do
  # Plain progress: what CI sees (no terminal).
  "${compose[@]}" --progress plain build "$service" >"$out/compose-plain-$service.log" 2>&1 && exit 1
  # tty progress: the `=> ERROR [web 5/5] RUN …` lines a developer pastes from a terminal.
  script -qec "${compose[*]} --progress tty build $service" /dev/null >"$out/compose-tty-$service.log" 2>&1 && exit 1
  DOCKER_BUILDKIT=0 "${compose[@]}" build "$service" >"$out/compose-legacy-$service.log" 2>&1 && exit 1
  echo "[capture-framings] $service: $(wc -l <"$out/compose-plain-$service.log") plain, $(wc -l <"$out/compose-tty-$service.log") tty," \
    "$(wc -l <"$out/compose-legacy-$service.log") legacy lines" >&2
done
"${compose[@]}" --progress plain build entrypoint >/dev/null 2>&1
"${compose[@]}" up --no-color entrypoint >"$out/compose-up-entrypoint.log" 2>&1 || true
echo "[capture-framings] entrypoint: $(wc -l <"$out/compose-up-entrypoint.log") lines" >&2
