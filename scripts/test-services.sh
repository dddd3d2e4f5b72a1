#!/usr/bin/env bash
# Starts the services the database/cache integration tests boot apps against, on this machine only:
#  - PostgreSQL and Redis from Debian packages, listening on 127.0.0.1 and on the Docker bridge gateway,
#    which is where `host.docker.internal` (--add-host host.docker.internal:host-gateway) points inside a container;
#  - a local image `gunicorn-smoke-services:bookworm` with PostgreSQL inside, for the tests of the `network`
#    input (a service reached by name on a user-defined network; nothing can be pulled from a registry);
#  - images tagged `postgres:16` and `redis:7` for the compose-stack tests, so compose files written as users write
#    them (`image: postgres:16`, `POSTGRES_USER`/`POSTGRES_PASSWORD`/`POSTGRES_DB`, `pg_isready` and `redis-cli ping`
#    healthchecks) start offline: PostgreSQL and Redis from Debian packages, initialised at first start like the
#    official images (a data volume, the role and database from the environment).
# Role `smoke` / password `smoke-pass` owns database `notes` in both.
# Idempotent: reuses what is already installed, configured, running or built.
set -euo pipefail

log() { printf '[test-services] %s\n' "$*" >&2; }

PG_USER=smoke
PG_PASSWORD=smoke-pass
PG_DB=notes
SERVICES_IMAGE=gunicorn-smoke-services:bookworm
# Docker's default address pools (bridge and user-defined networks): who may log in to the host's PostgreSQL.
DOCKER_SUBNETS="172.16.0.0/12 192.168.0.0/16"

docker info >/dev/null 2>&1 || { log "the Docker engine is not running: run scripts/test-env.sh first"; exit 1; }
# The default bridge often has no Gateway in its IPAM config: then it is the address of its interface.
gateway=$(docker network inspect bridge --format '{{range .IPAM.Config}}{{.Gateway}}{{end}}')
if [ -z "$gateway" ]; then
  bridge_if=$(docker network inspect bridge --format '{{index .Options "com.docker.network.bridge.name"}}')
  gateway=$(ip -4 -o addr show "${bridge_if:-docker0}" 2>/dev/null | awk '{split($4, a, "/"); print a[1]; exit}')
fi
[ -n "$gateway" ] || { log "could not read the gateway of Docker's bridge network"; exit 1; }

need_apt=()
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "installing ${need_apt[*]}"
  apt-get update -qq
  # No init system here: keep the packages from starting their default instances (ours are configured below).
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi

# ---------------------------------------------------------------- PostgreSQL on the host
pg_version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
if [ -z "$pg_version" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -n | tail -n1)
  log "creating PostgreSQL $pg_version cluster main"
  pg_createcluster "$pg_version" main >/dev/null
fi
pg_conf_dir=/etc/postgresql/$pg_version/main
conf="$pg_conf_dir/conf.d/gunicorn-smoke.conf"
wanted_conf="listen_addresses = '127.0.0.1,$gateway'"
restart_pg=false
if [ "$(cat "$conf" 2>/dev/null)" != "$wanted_conf" ]; then
  echo "$wanted_conf" >"$conf"
  restart_pg=true
fi
for subnet in $DOCKER_SUBNETS; do
  rule="host all all $subnet scram-sha-256"
  if ! grep -qxF "$rule" "$pg_conf_dir/pg_hba.conf"; then
    echo "$rule" >>"$pg_conf_dir/pg_hba.conf"
    restart_pg=true
  fi
done
if pg_lsclusters --no-header | awk -v v="$pg_version" '$1 == v && $2 == "main"' | grep -q online; then
  if $restart_pg; then
    log "restarting PostgreSQL $pg_version to listen on $gateway"
    pg_ctlcluster "$pg_version" main restart
  fi
else
  log "starting PostgreSQL $pg_version on 127.0.0.1 and $gateway"
  pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h "$gateway" -p 5432 && break
  sleep 1
done
pg_isready -q -h "$gateway" -p 5432 || { log "PostgreSQL does not answer on $gateway:5432"; exit 1; }

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAtX $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'\"")" != 1 ]; then
  psql_admin "-c \"CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$PG_DB'\"")" != 1 ]; then
  psql_admin "-c \"CREATE DATABASE $PG_DB OWNER $PG_USER\""
fi
log "PostgreSQL $pg_version: postgres://$PG_USER:***@$gateway:5432/$PG_DB"

# ---------------------------------------------------------------- Redis on the host
if [ "$(redis-cli -h "$gateway" -p 6379 ping 2>/dev/null)" != PONG ]; then
  # A default instance bound to 127.0.0.1 only (e.g. started by the package) would hold the port.
  if [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; then redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true; fi
  log "starting Redis on 127.0.0.1 and $gateway"
  mkdir -p /var/lib/gunicorn-smoke-redis
  redis-server --port 6379 --bind "127.0.0.1 $gateway" --protected-mode no --save '' --appendonly no \
    --dir /var/lib/gunicorn-smoke-redis --daemonize yes --pidfile /run/gunicorn-smoke-redis.pid \
    --logfile /var/log/gunicorn-smoke-redis.log
  for _ in $(seq 1 30); do
    [ "$(redis-cli -h "$gateway" -p 6379 ping 2>/dev/null)" = PONG ] && break
    sleep 0.2
  done
fi
[ "$(redis-cli -h "$gateway" -p 6379 ping 2>/dev/null)" = PONG ] || { log "Redis does not answer on $gateway:6379"; exit 1; }
log "Redis: redis://$gateway:6379/0"

# The path the tests use: from a container, through host.docker.internal.
if docker image inspect gunicorn-smoke-base:bookworm >/dev/null 2>&1; then
  docker run --rm --add-host host.docker.internal:host-gateway gunicorn-smoke-base:bookworm python3 -c "
import psycopg2, redis
psycopg2.connect('postgresql://$PG_USER:$PG_PASSWORD@host.docker.internal:5432/$PG_DB', connect_timeout=5).close()
redis.Redis(host='host.docker.internal', port=6379, socket_connect_timeout=5).ping()
" || { log "a container cannot reach PostgreSQL and Redis through host.docker.internal"; exit 1; }
  log "a container reaches both through host.docker.internal"
fi

# ---------------------------------------------------------------- the services image for the `network` tests
if docker image inspect "$SERVICES_IMAGE" >/dev/null 2>&1; then
  log "$SERVICES_IMAGE present"
else
  docker image inspect gunicorn-smoke-base:bookworm >/dev/null 2>&1 || { log "gunicorn-smoke-base:bookworm missing: run scripts/test-env.sh first"; exit 1; }
  build_dir=$(mktemp -d /tmp/gunicorn-smoke-services.XXXX)
  cat >"$build_dir/Dockerfile" <<DOCKERFILE
FROM gunicorn-smoke-base:bookworm
RUN printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d \\
 && apt-get update -qq \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null \\
 && rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d
RUN v=\$(ls /usr/lib/postgresql) \\
 && echo "listen_addresses = '*'" >/etc/postgresql/\$v/main/conf.d/listen.conf \\
 && echo "host all all 0.0.0.0/0 scram-sha-256" >>/etc/postgresql/\$v/main/pg_hba.conf \\
 && pg_ctlcluster \$v main start \\
 && su postgres -c "psql -qc \"CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'\" -c \"CREATE DATABASE $PG_DB OWNER $PG_USER\"" \\
 && pg_ctlcluster \$v main stop \\
 && printf '#!/bin/sh\\nexec /usr/lib/postgresql/%s/bin/postgres -c config_file=/etc/postgresql/%s/main/postgresql.conf\\n' \$v \$v >/usr/local/bin/run-postgres \\
 && chmod +x /usr/local/bin/run-postgres
USER postgres
EXPOSE 5432
CMD ["run-postgres"]
DOCKERFILE
  log "building $SERVICES_IMAGE (PostgreSQL from the Debian mirror)"
  started=$(date +%s)
  docker build --force-rm -t "$SERVICES_IMAGE" "$build_dir" >"$build_dir.log" 2>&1 \
    || { log "building $SERVICES_IMAGE failed (does the build container reach the Debian mirror?)"; tail -20 "$build_dir.log" >&2; rm -rf "$build_dir" "$build_dir.log"; exit 1; }
  rm -f "$build_dir.log"
  rm -rf "$build_dir"
  log "$SERVICES_IMAGE built in $(($(date +%s) - started)) s"
fi

# ---------------------------------------------------------------- postgres:16 and redis:7 for the compose tests
# Built only where the names are free: a real official image already there is used as it is.
build_tagged() {
  local tag=$1 dir=$2
  log "building $tag (from Debian packages)"
  docker build --force-rm --label io.github.gunicorn-smoke.test-image=1 -t "$tag" "$dir" >"$dir.log" 2>&1 \
    || { log "building $tag failed"; tail -20 "$dir.log" >&2; rm -rf "$dir" "$dir.log"; exit 1; }
  rm -rf "$dir" "$dir.log"
}
if docker image inspect postgres:16 >/dev/null 2>&1; then
  log "postgres:16 present"
else
  build_dir=$(mktemp -d /tmp/gunicorn-smoke-postgres.XXXX)
  # The official image's contract: PGDATA initialised at first start with POSTGRES_USER (default postgres) and
  # POSTGRES_PASSWORD, POSTGRES_DB created (default: the user's name), `postgres -c …` as the command.
  cat >"$build_dir/entrypoint" <<'ENTRYPOINT'
#!/bin/sh
set -e
bin=$(ls -d /usr/lib/postgresql/*/bin | tail -n1)
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "$POSTGRES_PASSWORD" ]; then
    echo "entrypoint: POSTGRES_PASSWORD is not set, so the database cannot be initialised" >&2
    exit 1
  fi
  printf '%s\n' "$POSTGRES_PASSWORD" >/tmp/pwfile
  # --no-sync: a throwaway test database, initialised in a fraction of the time fsync would take on a busy machine.
  "$bin/initdb" --no-sync -U "$user" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" >/dev/null
  rm -f /tmp/pwfile
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    echo "CREATE DATABASE \"$db\" OWNER \"$user\";" | "$bin/postgres" --single -D "$PGDATA" -c exit_on_error=on -c fsync=off postgres >/dev/null
  fi
  echo "entrypoint: initialised $PGDATA with role $user and database $db"
fi
[ "$1" = postgres ] && shift
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql -c fsync=off "$@"
ENTRYPOINT
  cat >"$build_dir/Dockerfile" <<'DOCKERFILE'
FROM gunicorn-smoke-services:bookworm
ENV PGDATA=/var/lib/postgresql/data
COPY --chown=postgres:postgres entrypoint /usr/local/bin/docker-entrypoint.sh
USER root
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh && mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA"
USER postgres
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
DOCKERFILE
  build_tagged postgres:16 "$build_dir"
fi
if docker image inspect redis:7 >/dev/null 2>&1; then
  log "redis:7 present"
else
  build_dir=$(mktemp -d /tmp/gunicorn-smoke-redis.XXXX)
  # As the official image: `redis-server` reachable from other containers without a configuration file.
  cat >"$build_dir/entrypoint" <<'ENTRYPOINT'
#!/bin/sh
set -e
case "$1" in -*) set -- redis-server "$@" ;; esac
if [ "$1" = redis-server ]; then shift; exec redis-server --protected-mode no "$@"; fi
exec "$@"
ENTRYPOINT
  cat >"$build_dir/Dockerfile" <<'DOCKERFILE'
FROM gunicorn-smoke-base:bookworm
RUN printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* /usr/sbin/policy-rc.d
COPY entrypoint /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh && mkdir -p /data && chown redis:redis /data
WORKDIR /data
USER redis
VOLUME /data
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
DOCKERFILE
  build_tagged redis:7 "$build_dir"
fi
