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
