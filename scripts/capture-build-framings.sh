#!/usr/bin/env bash
# Captures the build failures of __fixtures__/build/framings/compose.yaml as Docker Compose frames them, into
# __fixtures__/build/logs/framings/: `docker compose build` through the engine's BuildKit with plain progress and
# with tty progress (under `script`, a terminal), through the legacy builder (DOCKER_BUILDKIT=0), and
# `docker compose up` of a service whose entrypoint runs pip (`entrypoint-1  | …`). Compose 2.40 wants buildx 0.17
# or later, and the test environment's is 0.13: so Compose runs from a Docker config of its own without buildx and
# builds with the engine's BuildKit. Then once more through buildx as GitHub's runners have it (Compose hands the
# build to `buildx bake`): Debian sid's docker-buildx (0.29) in that config, plain and tty progress. Needs the gunicorn-smoke-pip:bookworm base (scripts/capture-build-logs.sh
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
started=$(date -u +%Y-%m-%dT%H:%M:%S)
cleanup() {
  "${compose[@]}" down --rmi local --remove-orphans >/dev/null 2>&1 || true
  # The legacy builder keeps the container of a failed step: remove those this script's builds left.
  for id in $(docker ps -aq --filter status=exited); do
    [[ "$(docker inspect --format '{{.Created}}' "$id")" > "$started" ]] && [[ "$(docker inspect --format '{{.Name}}' "$id")" != *compose* ]] \
      && [[ "$(docker inspect --format '{{index .Config.Cmd 0}}' "$id")" == "/bin/sh" ]] && docker rm "$id" >/dev/null
  done
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

# Compose through buildx bake: sid's docker-buildx, downloaded with a private apt configuration.
mirror=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
apt_dir="$DOCKER_CONFIG/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror:-http://deb.debian.org/debian} sid main" >"$apt_dir/sources.list"
apt_private=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
(cd "$apt_dir" && apt-get -qq "${apt_private[@]}" update && apt-get -qq "${apt_private[@]}" download docker-buildx) >/dev/null
dpkg -x "$apt_dir"/docker-buildx_*.deb "$apt_dir/root"
install -m 755 "$apt_dir/root/usr/libexec/docker/cli-plugins/docker-buildx" "$DOCKER_CONFIG/cli-plugins/docker-buildx"
echo "[capture-framings] bake: $(docker buildx version)" >&2
for service in web native copy; do
  "${compose[@]}" --progress plain build "$service" >"$out/compose-bake-plain-$service.log" 2>&1 && exit 1
  script -qec "${compose[*]} --progress tty build $service" /dev/null >"$out/compose-bake-tty-$service.log" 2>&1 && exit 1
  grep -q 'load local bake definitions' "$out/compose-bake-plain-$service.log" || { echo "$service: Compose did not build through bake" >&2; exit 1; }
  echo "[capture-framings] bake $service: $(wc -l <"$out/compose-bake-plain-$service.log") plain, $(wc -l <"$out/compose-bake-tty-$service.log") tty lines" >&2
done
