#!/usr/bin/env bash
# Make PostgreSQL and Redis reachable for local development and CI.
#
#   scripts/ensure-services.sh [extra_db ...]
#
# Host/port come from DATABASE_URL and REDIS_URL. When a service already
# answers, the script only reports it (fast path); otherwise it installs (as
# root, via apt), creates and starts a local instance. Finally it creates the
# database named in DATABASE_URL plus any names given as arguments.
# Every action is reported as one short line on stderr.
set -euo pipefail

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/accelerator}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

WAIT_STEPS=60 # x 0.5 s = 30 s max per service

log() { printf '%s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Decode %XX escapes (URLs may percent-encode user, password or db name).
urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }

# parse_url URL -> sets U_USER U_PASS U_HOST U_PORT U_PATH.
# Handles scheme://[user[:pass]@]host[:port][/path][?query], including [IPv6].
parse_url() {
  local rest="${1#*://}" auth="" hostport
  rest="${rest%%\?*}"
  rest="${rest%%#*}"
  # Split on the *last* '@' so an unencoded '@' in the password still works.
  if [[ "$rest" == *@* ]]; then
    auth="${rest%@*}"
    rest="${rest##*@}"
  fi
  hostport="${rest%%/*}"
  if [[ "$rest" == */* ]]; then U_PATH="${rest#*/}"; else U_PATH=""; fi
  U_USER="" U_PASS=""
  if [[ -n "$auth" ]]; then
    U_USER="$(urldecode "${auth%%:*}")"
    if [[ "$auth" == *:* ]]; then U_PASS="$(urldecode "${auth#*:}")"; fi
  fi
  if [[ "$hostport" == \[* ]]; then # [::1]:5432
    U_HOST="${hostport#\[}"
    U_HOST="${U_HOST%%\]*}"
    U_PORT="${hostport##*\]}"
    U_PORT="${U_PORT#:}"
  else
    U_HOST="${hostport%%:*}"
    if [[ "$hostport" == *:* ]]; then U_PORT="${hostport#*:}"; else U_PORT=""; fi
  fi
  U_PATH="$(urldecode "${U_PATH%%/*}")"
}

# We can only start services on this machine.
is_local_host() {
  case "$1" in 127.0.0.1 | localhost | ::1 | "") return 0 ;; *) return 1 ;; esac
}

apt_install() {
  [[ "$(id -u)" -eq 0 ]] ||
    die "$1: not installed; run as root or install it with: apt-get install -y $*"
  log "$1: installing with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# ---------------------------------------------------------------- PostgreSQL

parse_url "$DATABASE_URL"
PG_HOST="${U_HOST:-127.0.0.1}"
PG_PORT="${U_PORT:-5432}"
PG_USER="${U_USER:-postgres}"
PG_DB="$U_PATH"
# Used only when the server asks for one; -w below means never prompt.
if [[ -n "$U_PASS" ]]; then export PGPASSWORD="$U_PASS"; fi
export PGCONNECT_TIMEOUT=3

pg_ready() { pg_isready -q -t 3 -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; }
pg_query() { psql -w -X -h "$PG_HOST" -p "$PG_PORT" -U "$1" -d postgres -tAc "$2"; }

pg_start() {
  is_local_host "$PG_HOST" ||
    die "postgres: $PG_HOST:$PG_PORT is not reachable and is not a local address"

  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 ||
    ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install postgresql
  fi

  # Pick the cluster configured for our port; create one only if none exist,
  # never touch clusters that belong to other ports.
  local ver name status
  read -r ver name status < <(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $4; exit }') || true
  if [[ -z "${ver:-}" ]]; then
    if [[ -n "$(pg_lsclusters -h)" ]]; then
      pg_lsclusters >&2
      die "postgres: no cluster is configured for port $PG_PORT"
    fi
    ver="$(ls -d /usr/lib/postgresql/*/bin/postgres | sed -E 's#.*/postgresql/([^/]+)/bin/.*#\1#' | sort -V | tail -n1)"
    name=main
    status=down
    log "postgres: creating cluster $ver/$name on port $PG_PORT"
    pg_createcluster -p "$PG_PORT" "$ver" "$name" >/dev/null
  fi

  if [[ "$status" != online* ]]; then
    # The socket dir lives on tmpfs in containers and can vanish on restart.
    if [[ "$(id -u)" -eq 0 && ! -d /var/run/postgresql ]]; then
      install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    fi
    log "postgres: starting cluster $ver/$name"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  fi
  pg_wait

  # A fresh Debian cluster uses peer/scram auth; tests connect over TCP
  # without a password, so put trust rules first (first match wins).
  if ! pg_query postgres 'select 1' >/dev/null 2>&1; then
    local hba="/etc/postgresql/$ver/$name/pg_hba.conf"
    local marker="# ensure-services.sh: trust local connections"
    if ! grep -qF "$marker" "$hba"; then
      log "postgres: setting trust auth for local connections in $hba"
      {
        printf '%s\n' "$marker" \
          "local all all trust" \
          "host all all 127.0.0.1/32 trust" \
          "host all all ::1/128 trust"
        cat "$hba"
      } >"$hba.tmp"
      # cat > keeps the original owner and mode of pg_hba.conf.
      cat "$hba.tmp" >"$hba"
      rm -f "$hba.tmp"
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload
    fi
  fi
}

pg_wait() {
  local i
  for ((i = 0; i < WAIT_STEPS; i++)); do
    pg_ready && return 0
    sleep 0.5
  done
  die "postgres: not ready on $PG_HOST:$PG_PORT after $((WAIT_STEPS / 2)) s"
}

if pg_ready; then
  log "postgres: running on $PG_HOST:$PG_PORT"
else
  pg_start
  log "postgres: started on $PG_HOST:$PG_PORT"
fi

# Databases: the one from DATABASE_URL plus the arguments.
for db in ${PG_DB:+"$PG_DB"} "$@"; do
  [[ -n "$db" ]] || continue
  exists="$(pg_query "$PG_USER" "select 1 from pg_database where datname='${db//\'/\'\'}'")"
  if [[ "$exists" == 1 ]]; then
    log "postgres: database $db exists"
  else
    createdb -w -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$db"
    log "postgres: created database $db"
  fi
done

# --------------------------------------------------------------------- Redis

# A Redis Cluster (REDIS_URL=redis+cluster://host:port,host:port, or REDIS_CLUSTER_NODES) is the
# operator's: its first node must answer with cluster_state:ok; it is never started here.
if [[ "$REDIS_URL" == *+cluster://* || -n "${REDIS_CLUSTER_NODES:-}" ]]; then
  if [[ -n "${REDIS_CLUSTER_NODES:-}" ]]; then
    parse_url "$REDIS_URL"
    parse_url "redis://${U_USER:+$U_USER:$U_PASS@}${REDIS_CLUSTER_NODES%%,*}"
  else
    parse_url "${REDIS_URL%%,*}"
  fi
  cluster_host="${U_HOST:-127.0.0.1}" cluster_port="${U_PORT:-6379}"
  if REDISCLI_AUTH="$U_PASS" timeout 3 redis-cli -h "$cluster_host" -p "$cluster_port" cluster info 2>/dev/null |
    grep -q '^cluster_state:ok'; then
    log "redis: a cluster, answering on $cluster_host:$cluster_port"
    exit 0
  fi
  die "redis: the cluster node $cluster_host:$cluster_port does not answer with cluster_state:ok (a cluster is not started here)"
fi

parse_url "$REDIS_URL"
REDIS_HOST="${U_HOST:-127.0.0.1}"
REDIS_PORT="${U_PORT:-6379}"
REDIS_PASS="$U_PASS"

redis_ready() {
  [[ "$(REDISCLI_AUTH="$REDIS_PASS" timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

redis_start() {
  is_local_host "$REDIS_HOST" ||
    die "redis: $REDIS_HOST:$REDIS_PORT is not reachable and is not a local address"
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server

  # Throwaway instance: no persistence, so the data dir only needs to exist.
  local dir=/var/lib/redis logdir=/var/log/redis
  mkdir -p "$dir" "$logdir" 2>/dev/null || true
  [[ -w "$dir" ]] || dir=/tmp
  [[ -w "$logdir" ]] || logdir=/tmp
  local args=(--daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT"
    --save "" --appendonly no --dir "$dir" --logfile "$logdir/ci.log")
  if [[ -n "$REDIS_PASS" ]]; then args+=(--requirepass "$REDIS_PASS"); fi
  log "redis: starting redis-server on port $REDIS_PORT (log: $logdir/ci.log)"
  redis-server "${args[@]}"

  local i
  for ((i = 0; i < WAIT_STEPS; i++)); do
    redis_ready && return 0
    sleep 0.5
  done
  die "redis: no PONG from $REDIS_HOST:$REDIS_PORT after $((WAIT_STEPS / 2)) s"
}

if redis_ready; then
  log "redis: running on $REDIS_HOST:$REDIS_PORT"
else
  redis_start
  log "redis: started on $REDIS_HOST:$REDIS_PORT"
fi
