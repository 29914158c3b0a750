#!/usr/bin/env bash
# Makes sure PostgreSQL 15+, Redis 7+ and NATS 2.9+ with JetStream answer on 127.0.0.1 (5432, 6379, 4222):
# reports the ones already running, starts the ones installed but stopped, and installs missing ones from
# Debian/Ubuntu packages. Prints one line per service; exits non-zero if one cannot be made to answer.
# Idempotent; returns at once when all three are up. Runs as root (CI) without sudo, else uses sudo.
set -uo pipefail

readonly HOST=127.0.0.1
readonly PG_PORT=5432
readonly REDIS_PORT=6379
readonly NATS_PORT=4222
readonly START_DEADLINE_SECONDS="${SERVICES_DEADLINE_SECONDS:-30}"

apt_updated=0
failed=0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cannot install $* here: no apt-get; install it by hand" >&2
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# wait_for CHECK...: runs CHECK until it succeeds or START_DEADLINE_SECONDS pass.
wait_for() {
  local deadline=$((SECONDS + START_DEADLINE_SECONDS))
  until "$@"; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

report_ok() { # name version port how
  printf '%-9s ok  %s on %s:%s (%s)\n' "$1" "$2" "$HOST" "$3" "$4"
}

report_fail() { # name message
  printf '%-9s FAIL  %s\n' "$1" "$2" >&2
  failed=1
}

# ---------------------------------------------------------------- PostgreSQL

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PG_PORT" -t 2
  else
    # No client tools (e.g. a server in a container): an open port is enough here; psql checks the rest.
    (exec 3<>"/dev/tcp/$HOST/$PG_PORT") 2>/dev/null
  fi
}

# The server version as seen by user postgres over TCP without a password (what tests and `ganaka dev` use).
pg_version() {
  PGCONNECT_TIMEOUT=3 psql -w -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -Atc 'SHOW server_version' 2>/dev/null \
    | awk 'NR==1 {print $1}'
}

# "VERSION CLUSTER" of the cluster configured for port 5432, else the newest one.
pg_cluster() {
  if command -v pg_lsclusters >/dev/null 2>&1; then
    local found
    found=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}')
    if [ -n "$found" ]; then echo "$found"; return; fi
  fi
  [ -d /etc/postgresql ] || return 1
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  [ -n "$version" ] && echo "$version main"
}

pg_start() {
  local cluster
  cluster=$(pg_cluster) || return 1
  [ -n "$cluster" ] || return 1
  # shellcheck disable=SC2086 # "VERSION CLUSTER" splits into two arguments on purpose
  as_root pg_ctlcluster --skip-systemctl-redirect $cluster start >/dev/null 2>&1
  wait_for pg_answers
}

# Only for a server we installed ourselves: let user postgres in over loopback without a password.
pg_trust_loopback() {
  local cluster version name hba
  cluster=$(pg_cluster) || return 1
  read -r version name <<<"$cluster"
  hba="/etc/postgresql/$version/$name/pg_hba.conf"
  if ! as_root grep -q '^# ganaka: trust loopback' "$hba"; then
    # First matching line wins in pg_hba.conf, so these go on top.
    as_root sed -i '1i # ganaka: trust loopback\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" reload >/dev/null 2>&1 || true
  # A reload is asynchronous: wait until the new rules let user postgres in.
  wait_for pg_login
}

pg_login() { [ -n "$(pg_version)" ]; }

ensure_postgres() {
  local how="already running" installed_here=0
  if ! pg_answers; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
      how="started"
    else
      apt_install postgresql || { report_fail postgres "could not install the postgresql package"; return; }
      installed_here=1
      how="installed and started"
    fi
    pg_answers || pg_start || { report_fail postgres "does not answer on $HOST:$PG_PORT after start (pg_isready)"; return; }
  fi
  if [ "$installed_here" -eq 1 ]; then
    pg_trust_loopback
  fi
  if ! command -v psql >/dev/null 2>&1; then
    apt_install postgresql-client || { report_fail postgres "psql is missing and could not be installed"; return; }
  fi
  local version
  version=$(pg_version)
  if [ -z "$version" ]; then
    report_fail postgres "answers on $HOST:$PG_PORT but user postgres cannot log in over TCP without a password (pg_hba.conf: trust for 127.0.0.1/32)"
    return
  fi
  if [ "${version%%.*}" -lt 15 ] 2>/dev/null; then
    report_fail postgres "version $version on $HOST:$PG_PORT is older than 15"
    return
  fi
  report_ok postgres "$version" "$PG_PORT" "$how"
}

# ---------------------------------------------------------------- Redis

# Prints redis_version from INFO over a raw socket; fails if nothing (or no Redis) answers.
redis_version() {
  local version
  version=$( (
    exec 3<>"/dev/tcp/$HOST/$REDIS_PORT" || exit 1
    printf 'INFO server\r\n' >&3
    while IFS= read -r -t 2 line <&3; do
      case "$line" in
        redis_version:*) line=${line#redis_version:}; printf '%s' "${line%$'\r'}"; exit 0 ;;
        -*) exit 1 ;;
      esac
    done
    exit 1
  ) 2>/dev/null) || return 1
  [ -n "$version" ] && printf '%s' "$version"
}

redis_answers() { redis_version >/dev/null; }

redis_start() {
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1
  wait_for redis_answers
}

ensure_redis() {
  local how="already running"
  if ! redis_answers; then
    if command -v redis-server >/dev/null 2>&1; then
      how="started"
    else
      apt_install redis-server || { report_fail redis "could not install the redis-server package"; return; }
      how="installed and started"
    fi
    # The package may have started its own service already.
    redis_answers || redis_start || { report_fail redis "does not answer on $HOST:$REDIS_PORT after start (see /var/log/redis/ci.log)"; return; }
  fi
  local version
  version=$(redis_version)
  if [ "${version%%.*}" -lt 7 ] 2>/dev/null; then
    report_fail redis "version $version on $HOST:$REDIS_PORT is older than 7"
    return
  fi
  report_ok redis "$version" "$REDIS_PORT" "$how"
}

# ---------------------------------------------------------------- NATS

# The INFO line a NATS server sends first on every connection; no nats CLI needed.
nats_info() {
  ( exec 3<>"/dev/tcp/$HOST/$NATS_PORT" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    printf '%s' "$line" ) 2>/dev/null
}

nats_answers() { case "$(nats_info)" in INFO*) return 0 ;; *) return 1 ;; esac; }

nats_jetstream_answers() { case "$(nats_info)" in INFO*'"jetstream":true'*) return 0 ;; *) return 1 ;; esac; }

nats_start() {
  as_root mkdir -p /var/lib/nats-server
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a "$HOST" -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log >/dev/null 2>&1
  wait_for nats_jetstream_answers
}

ensure_nats() {
  local how="already running"
  if ! nats_answers; then
    if [ -x /usr/sbin/nats-server ]; then
      how="started"
    else
      apt_install nats-server || { report_fail nats "could not install the nats-server package"; return; }
      how="installed and started"
      # A service the package may have started runs without JetStream; ours replaces it.
      if nats_answers && ! nats_jetstream_answers; then
        as_root service nats-server stop >/dev/null 2>&1 || as_root systemctl stop nats-server >/dev/null 2>&1 || true
      fi
    fi
    nats_jetstream_answers || nats_start || { report_fail nats "does not answer with JetStream on $HOST:$NATS_PORT after start (see /var/log/nats-server.log)"; return; }
  fi
  local info version
  info=$(nats_info)
  if ! nats_jetstream_answers; then
    report_fail nats "answers on $HOST:$NATS_PORT without JetStream; restart it with -js"
    return
  fi
  version=$(printf '%s' "$info" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
  local major minor
  IFS=. read -r major minor _ <<<"$version"
  if [ "${major:-0}" -lt 2 ] 2>/dev/null || { [ "${major:-0}" -eq 2 ] && [ "${minor:-0}" -lt 9 ]; } 2>/dev/null; then
    report_fail nats "version $version on $HOST:$NATS_PORT is older than 2.9"
    return
  fi
  report_ok nats "$version" "$NATS_PORT" "$how"
}

ensure_postgres
ensure_redis
ensure_nats

if [ "$failed" -ne 0 ]; then
  echo "services.sh: at least one service does not answer; see the FAIL lines above" >&2
  exit 1
fi
