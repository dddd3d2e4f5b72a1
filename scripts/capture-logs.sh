#!/usr/bin/env bash
# Rebuilds __fixtures__/logs/<suite>/<scenario>.log (+ .json with the container's fate) by booting each
# failure fixture for real on the local base images, the way the action runs containers:
# detached, -e PORT=8000, published on 127.0.0.1. Usage: scripts/capture-logs.sh [suite...] [-- scenario...]
set -euo pipefail
cd "$(dirname "$0")/.."

suites=()
only=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; only=("$@"); break; fi
  suites+=("$1"); shift
done
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie forky)

# The db-* scenarios need PostgreSQL and Redis on the host: run scripts/test-services.sh first.
# scenario | fixture | extra docker run args | seconds to watch | health probes at (s, comma-separated, empty = none) |
# command override | stack request at (s: SIGSEGV to the newest worker, as the action does for a worker stuck booting) |
# Host header of the probes
SCENARIOS=$(cat <<'LIST'
config-error|fail-config-error||15||
worker-class-unavailable|fail-worker-class-unavailable||15||
missing-dependency|fail-missing-dependency||15||
missing-dependency-w1|fail-missing-dependency||15||gunicorn -w 1 -b 0.0.0.0:8000 billing.app:app
json-logs|fail-json-logs||15||
db-unresolvable|db-postgres|--add-host host.docker.internal:host-gateway -e DATABASE_URL=postgres://smoke:smoke-pass@db:5432/notes|15||
db-refused-localhost|db-postgres|--add-host host.docker.internal:host-gateway -e DATABASE_URL=postgres://smoke:smoke-pass@localhost:5432/notes|15||
db-auth-failed|db-postgres|--add-host host.docker.internal:host-gateway -e DATABASE_URL=postgres://smoke:wrong-pass@host.docker.internal:5432/notes|15||
db-missing-database|db-postgres|--add-host host.docker.internal:host-gateway -e DATABASE_URL=postgres://smoke:smoke-pass@host.docker.internal:5432/archive|15||
db-psycopg2-refused|fail-database-unreachable|--add-host host.docker.internal:host-gateway -e DATABASE_URL=postgresql://smoke:smoke-pass@127.0.0.1:5432/notes|15||
db-redis-localhost|db-redis|--add-host host.docker.internal:host-gateway|15||
db-redis-refused|db-redis|--add-host host.docker.internal:host-gateway -e REDIS_URL=redis://127.0.0.1:6379/0|15||
db-redis-unresolvable|db-redis|--add-host host.docker.internal:host-gateway -e REDIS_URL=redis://cache:6379/0|15||
import-error|fail-import-error||15||
syntax-error|fail-syntax-error||15||
missing-env|fail-missing-env||15||
app-not-found|fail-app-not-found||15||
database-unreachable|fail-database-unreachable||20||
worker-timeout|fail-worker-timeout||13||
out-of-memory|fail-out-of-memory|--memory 128m|10||
port-in-use|fail-port-in-use||15||
boot-timeout|fail-boot-timeout||5|3|
crash-loop|fail-crash-loop||9|1.5|
health-check-failed|fail-health-check-failed||4|2|
worker-hang|fail-worker-hang|-e PYTHONFAULTHANDLER=1|6||||
worker-hang-timeout|fail-worker-hang|-e PYTHONFAULTHANDLER=1|12||gunicorn --timeout 5 -w 1 -b 0.0.0.0:8000 app:app||
worker-hang-stack|fail-worker-hang|-e PYTHONFAULTHANDLER=1|6|||4|
connect-hang-stack|fail-connect-hang|-e PYTHONFAULTHANDLER=1|6|||4|
native-crash|fail-native-crash|-e PYTHONFAULTHANDLER=1|2|1|||
asgi-under-wsgi|fail-asgi-under-wsgi|-e PYTHONFAULTHANDLER=1|4|2,2.5|||
asgi-under-gevent|fail-asgi-under-wsgi|-e PYTHONFAULTHANDLER=1|4|2,2.5|gunicorn -k gevent -w 2 -b 0.0.0.0:8000 main:app||
binary-incompatible|fail-binary-incompatible|-e PYTHONFAULTHANDLER=1|4|||
disallowed-host|fail-disallowed-host|-e PYTHONFAULTHANDLER=1|4|2,2.5|||
disallowed-host-with-host|fail-disallowed-host|-e PYTHONFAULTHANDLER=1|4|2,2.5|||api.example.com
env-none|fail-env-none||15||
installed-app-typo|fail-installed-app-typo||15||
misspelled-attribute|fail-misspelled-name||15||
misspelled-name|fail-misspelled-name||15||gunicorn -w 2 -b 0.0.0.0:8000 listing:app
misspelled-import|fail-misspelled-name||15||gunicorn -w 2 -b 0.0.0.0:8000 queue_app:app
misspelled-module|fail-misspelled-name||15||gunicorn -w 2 -b 0.0.0.0:8000 export_app:app
read-only-no-tmp|ok-graceful-shutdown|--read-only --user 10001|10||
read-only-pidfile|ok-graceful-shutdown|--read-only --tmpfs /tmp|10||gunicorn -c gunicorn.conf.py --pid /srv/app/gunicorn.pid app:app
read-only-app-write|ok-graceful-shutdown|--read-only --tmpfs /tmp -e CACHE_FILE=/srv/app/cache.txt|10||
read-only-control-socket|ok-graceful-shutdown|--read-only --tmpfs /tmp --user 10001|5|3|
user-app-write|ok-graceful-shutdown|--user 10001 -e CACHE_FILE=/srv/app/cache.txt|10||
shadowed-module|fail-shadowed-module||6||
wsgi-under-asgi|ok-graceful-shutdown|-e PYTHONFAULTHANDLER=1|4|2,2.5|gunicorn -k uvicorn.workers.UvicornWorker -w 1 -b 0.0.0.0:8000 app:app||
django-settings-missing|fail-installed-app-typo|-e DJANGO_SETTINGS_MODULE=gallery.settings_prod|10||
quiet-log-level|fail-quiet-log-level||6||
quiet-log-level-import|fail-missing-dependency||15||gunicorn --log-level warning -w 2 -b 0.0.0.0:8000 billing.app:app
LIST
)

wanted() { [ ${#only[@]} -eq 0 ] && return 0; for s in "${only[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# Merge both streams of `docker logs --timestamps` by time, keep the text only.
merged_logs() {
  local id=$1
  { docker logs --timestamps "$id" 2>/dev/null | sed 's/^/1 /'; docker logs --timestamps "$id" 2>&1 >/dev/null | sed 's/^/2 /'; } \
    | awk '{ print $2 "\t" NR "\t" substr($0, length($1) + length($2) + 3) }' \
    | sort -t $'\t' -k1,1 -k2,2n | cut -f3-
}

for suite in "${suites[@]}"; do
  base="gunicorn-smoke-base:$suite"
  docker image inspect "$base" >/dev/null 2>&1 || { echo "[capture] $base missing: run scripts/test-env.sh" >&2; continue; }
  out="__fixtures__/logs/$suite"
  mkdir -p "$out"
  while IFS='|' read -r scenario fixture runargs watch probe_at command stack_at host_header; do
    [ -n "$scenario" ] || continue
    wanted "$scenario" || continue
    image="gsmoke-test-capture-$fixture:$suite"
    name="gsmoke-test-capture-$scenario-$suite"
    docker build -q -t "$image" --build-arg "BASE_IMAGE=$base" "__fixtures__/apps/$fixture" >/dev/null 2>&1
    docker rm -f "$name" >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    docker run -d --name "$name" -e PORT=8000 -p 127.0.0.1::8000 $runargs "$image" $command >/dev/null
    started=$(date +%s.%N)
    health=""
    probes=()
    [ -z "$probe_at" ] || IFS=',' read -r -a probes <<<"$probe_at"
    stack_sent=""
    while :; do
      now=$(date +%s.%N)
      elapsed=$(echo "$now - $started" | bc)
      if [ ${#probes[@]} -gt 0 ] && [ "$(echo "$elapsed >= ${probes[0]}" | bc)" = 1 ]; then
        probes=("${probes[@]:1}")
        port=$(docker port "$name" 8000/tcp 2>/dev/null | head -n1 | sed 's/.*://')
        rm -f /tmp/gsmoke-capture-body
        health=$(curl -s -m 2 ${host_header:+-H "Host: $host_header"} -o /tmp/gsmoke-capture-body -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
        body=$(head -c 200 /tmp/gsmoke-capture-body 2>/dev/null || true)
      fi
      if [ -n "$stack_at" ] && [ -z "$stack_sent" ] && [ "$(echo "$elapsed >= $stack_at" | bc)" = 1 ]; then
        stack_sent=1
        worker=$(docker logs "$name" 2>&1 | sed -n 's/.*Booting worker with pid: \([0-9]*\).*/\1/p' | tail -n1)
        [ -z "$worker" ] || docker exec "$name" sh -c "kill -SEGV $worker" || true
        sleep 1
      fi
      [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || break
      [ "$(echo "$elapsed >= $watch" | bc)" = 1 ] && break
      sleep 0.25
    done
    merged_logs "$name" >"$out/$scenario.log"
    docker inspect "$name" | jq --arg health "$health" --arg body "${body:-}" --arg fixture "$fixture" \
      '.[0].State | {fixture: $fixture, running: .Running, exitCode: (if .Running then null else .ExitCode end), oomKilled: .OOMKilled,
        health: (if $health == "" then null else {status: ($health | tonumber), body: $body} end)}' >"$out/$scenario.json"
    docker rm -f "$name" >/dev/null
    echo "[capture] $suite/$scenario: $(wc -l <"$out/$scenario.log") lines, $(jq -c '{exitCode,oomKilled,health}' "$out/$scenario.json")" >&2
  done <<<"$SCENARIOS"
  docker images --format '{{.Repository}}:{{.Tag}}' | grep "^gsmoke-test-capture-.*:$suite$" | xargs -r docker rmi >/dev/null || true
done
