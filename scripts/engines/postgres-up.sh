#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 and that the draftdesk databases exist.
# The cluster is the distro's own (installed on the machines); we start it only when it is down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
DIR="$(engine_dir postgres)"

pg_ready() { pg_isready -q -h "$ENGINES_HOST" -p "$PG_PORT"; }

command -v pg_isready >/dev/null || die "PostgreSQL client tools missing (expected PostgreSQL 15 on this machine)"

ours() {
  local version cluster pid
  [[ -f "$DIR/started-by-us" ]] || return 1
  read -r version cluster pid <"$DIR/started-by-us"
  [[ -n "${pid:-}" && "$(head -n1 "/run/postgresql/$version-$cluster.pid" 2>/dev/null)" == "$pid" ]]
}

if pg_ready; then
  if ours; then
    log "postgres: already running on $ENGINES_HOST:$PG_PORT (started by us: $(head -n1 "$DIR/started-by-us"))"
  else
    rm -f "$DIR/started-by-us"
    log "postgres: already running on $ENGINES_HOST:$PG_PORT (not started by us, left alone)"
  fi
else
  rm -f "$DIR/started-by-us"
  # Highest installed major version, in case more than one is present.
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)"
  [[ -n "$version" ]] || die "no cluster under /etc/postgresql: install PostgreSQL 15 (apt-get install postgresql)"
  log "postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >>"$DIR/postgres.log" 2>&1 || {
    tail_log "$DIR/postgres.log"
    die "pg_ctlcluster $version main start failed"
  }
  wait_until 30 pg_ready || { tail_log "/var/log/postgresql/postgresql-$version-main.log"; die "postgres not ready after 30 s"; }
  # The postmaster pid lets down.sh tell our server from one started later by someone else.
  record_started postgres "$version main $(head -n1 "/run/postgresql/$version-main.pid" 2>/dev/null)"
  log "postgres: started cluster $version/main"
fi

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$ENGINES_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }

for db in draftdesk_test draftdesk; do
  exists="$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ||
    die "cannot connect as $PG_USER to $ENGINES_HOST:$PG_PORT (the machines use trust auth for 127.0.0.1)"
  if [[ "$exists" != "1" ]]; then
    psql_admin -c "CREATE DATABASE \"$db\"" && log "postgres: created database $db"
  fi
done

log "postgres: postgres://$PG_USER@$ENGINES_HOST:$PG_PORT/draftdesk_test"
