#!/usr/bin/env bash
# Makes everything the integration tests need available on a fresh Debian machine:
# a running Docker engine and local Python base images built from Debian packages
# (no container registry is reachable, so python:3.x-slim cannot be pulled).
# Idempotent: reuses what is already installed, running or built.
set -euo pipefail

log() { printf '[test-env] %s\n' "$*" >&2; }

# Packages baked into the local base images: what the fixtures and the example import.
BASE_PACKAGES="python3,gunicorn,python3-gevent,python3-gevent-websocket,python3-flask,python3-flask-socketio,python3-fastapi,python3-uvicorn,python3-websockets,python3-django,python3-psycopg2,python3-redis,python3-flask-sqlalchemy"
SUITES="${GUNICORN_SMOKE_SUITES:-bookworm trixie forky}"

need_apt=()
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need_apt+=(debootstrap)
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  nohup dockerd >/var/log/gunicorn-smoke-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up; see /var/log/gunicorn-smoke-dockerd.log"; tail -20 /var/log/gunicorn-smoke-dockerd.log >&2; exit 1; }
fi
log "docker engine $(docker version --format '{{.Server.Version}}')"

# The Debian mirror apt already uses (deb822 .sources or one-line sources.list).
mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  if [ -z "$uri" ]; then
    uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' | grep -v security | head -n1 || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

# Bookworm's debootstrap predates forky; forky is built like sid (same script, as Debian's own does later).
for suite in $SUITES; do
  if [ ! -e "/usr/share/debootstrap/scripts/$suite" ] && [ -e /usr/share/debootstrap/scripts/sid ]; then
    ln -s sid "/usr/share/debootstrap/scripts/$suite"
  fi
done

for suite in $SUITES; do
  image="gunicorn-smoke-base:$suite"
  if docker image inspect "$image" >/dev/null 2>&1; then
    log "$image present"
    continue
  fi
  dir=$(mktemp -d "/tmp/gunicorn-smoke-rootfs-$suite.XXXX")
  log "debootstrap $suite into $dir (about a minute)"
  debootstrap --variant=minbase --include="$BASE_PACKAGES" "$suite" "$dir" "$(mirror)" >"$dir.log" 2>&1 \
    || { log "debootstrap $suite failed"; tail -30 "$dir.log" >&2; exit 1; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" -c . | docker import \
    --change 'ENV LANG=C.UTF-8 PYTHONUNBUFFERED=1' \
    --change 'CMD ["python3"]' - "$image" >/dev/null
  rm -rf "$dir" "$dir.log"
  log "$image built: $(docker run --rm "$image" gunicorn --version 2>&1 | head -n1)"
done

# BuildKit, as GitHub's runners build: the buildx plugin from Debian trixie's docker-buildx package (bookworm has
# none), installed into a Docker config directory of the tests' own so the host's `docker build` stays as it is.
# `DOCKER_CONFIG=$BUILDX_CONFIG docker build` is then a BuildKit build against this engine: the builder alias
# (what `docker buildx install` writes) makes Debian's docker 20.10 CLI route `docker build` to the plugin too.
BUILDX_CONFIG="${GUNICORN_SMOKE_BUILDX_CONFIG:-/var/lib/gunicorn-smoke/buildx}"
if [ -x "$BUILDX_CONFIG/cli-plugins/docker-buildx" ]; then
  log "buildx present in $BUILDX_CONFIG"
else
  apt_dir=$(mktemp -d /tmp/gunicorn-smoke-buildx.XXXX)
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$BUILDX_CONFIG/cli-plugins"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(mirror) trixie main" >"$apt_dir/sources.list"
  apt_private=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
  log "downloading docker-buildx from Debian trixie"
  (cd "$apt_dir" && apt-get -qq "${apt_private[@]}" update && apt-get -qq "${apt_private[@]}" download docker-buildx) >"$apt_dir.log" 2>&1 \
    || { log "could not download docker-buildx from trixie"; tail -20 "$apt_dir.log" >&2; exit 1; }
  dpkg -x "$apt_dir"/docker-buildx_*.deb "$apt_dir/root"
  install -m 755 "$apt_dir/root/usr/libexec/docker/cli-plugins/docker-buildx" "$BUILDX_CONFIG/cli-plugins/docker-buildx"
  rm -rf "$apt_dir" "$apt_dir.log"
fi
[ -e "$BUILDX_CONFIG/config.json" ] || echo '{"aliases": {"builder": "buildx"}}' >"$BUILDX_CONFIG/config.json"
DOCKER_CONFIG="$BUILDX_CONFIG" docker buildx version >/dev/null 2>&1 || { log "buildx in $BUILDX_CONFIG does not run"; exit 1; }
log "BuildKit: DOCKER_CONFIG=$BUILDX_CONFIG docker build ($(DOCKER_CONFIG="$BUILDX_CONFIG" docker buildx version | awk '{print $2}'))"

# Docker Compose v2 for the compose-stack tests: the Go CLI plugin from Debian sid's docker-compose package (2.40;
# bookworm's docker-compose is the old Python one), downloaded the same way, into the same cli-plugins directory, and
# linked where the Docker CLI looks for system-wide plugins, so plain `docker compose` works as on GitHub's runners.
COMPOSE_PLUGIN="$BUILDX_CONFIG/cli-plugins/docker-compose"
SYSTEM_PLUGINS=/usr/local/lib/docker/cli-plugins
if [ -x "$COMPOSE_PLUGIN" ]; then
  log "docker compose present in $BUILDX_CONFIG"
else
  apt_dir=$(mktemp -d /tmp/gunicorn-smoke-compose.XXXX)
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(mirror) sid main" >"$apt_dir/sources.list"
  apt_private=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
  log "downloading docker-compose from Debian sid"
  (cd "$apt_dir" && apt-get -qq "${apt_private[@]}" update && apt-get -qq "${apt_private[@]}" download docker-compose) >"$apt_dir.log" 2>&1 \
    || { log "could not download docker-compose from sid"; tail -20 "$apt_dir.log" >&2; exit 1; }
  dpkg -x "$apt_dir"/docker-compose_*.deb "$apt_dir/root"
  install -m 755 "$apt_dir/root/usr/libexec/docker/cli-plugins/docker-compose" "$COMPOSE_PLUGIN"
  rm -rf "$apt_dir" "$apt_dir.log"
fi
if ! docker compose version >/dev/null 2>&1; then
  mkdir -p "$SYSTEM_PLUGINS"
  ln -sf "$COMPOSE_PLUGIN" "$SYSTEM_PLUGINS/docker-compose"
fi
docker compose version >/dev/null 2>&1 || { log "docker compose does not run (plugin in $COMPOSE_PLUGIN)"; exit 1; }
log "Compose: docker compose ($(docker compose version --short))"
