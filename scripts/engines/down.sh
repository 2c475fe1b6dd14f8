#!/usr/bin/env bash
# Usage: scripts/engines/down.sh [postgres] [kafka] [dovecot] [smtp]   (default: all)
# Stops only what up.sh started (recorded in .engines/<engine>/started-by-us); anything already
# running before, such as the machine's PostgreSQL, is left alone.
# shellcheck disable=SC2317 # down_<engine> functions are called indirectly
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL=(smtp dovecot kafka postgres)
engines=("$@")
((${#engines[@]})) || engines=("${ALL[@]}")

# stop_pid <engine> <cmdline pattern> <grace seconds>
stop_pid() {
  local engine="$1" pattern="$2" grace="$3" pid
  if ! pid="$(started_pid "$engine")"; then
    log "$engine: nothing of ours running"
    return 0
  fi
  if ! pid_matches "$pid" "$pattern"; then
    warn "$engine: pid $pid is no longer ours (pid reused?); not touching it"
    rm -f "$ENGINES_DIR/$engine/started-by-us"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  if ! wait_until "$grace" bash -c "! kill -0 $pid 2>/dev/null"; then
    warn "$engine: pid $pid still running after ${grace}s; killing it"
    kill -KILL "$pid" 2>/dev/null
    wait_until 5 bash -c "! kill -0 $pid 2>/dev/null"
  fi
  rm -f "$ENGINES_DIR/$engine/started-by-us"
  log "$engine: stopped pid $pid"
}

down_smtp() { stop_pid smtp smtp-relay.js 10; }

down_dovecot() {
  stop_pid dovecot "$ENGINES_DIR/dovecot/dovecot.conf" 15
  # Children (imap, lmtp, auth) exit with the master; give the ports a moment to free up.
  wait_until 5 bash -c "! (exec 3<>/dev/tcp/$ENGINES_HOST/${IMAP_PORT:-1143}) 2>/dev/null" || true
}

down_kafka() {
  stop_pid kafka kafka.Kafka 30
  # A broker still running on our config (e.g. its record was lost) still uses the data dir.
  if pgrep -f -- "kafka.Kafka $ENGINES_DIR/kafka/server.properties" >/dev/null; then
    warn "kafka: a broker still runs on $ENGINES_DIR/kafka/server.properties; data dir kept"
    return 0
  fi
  if compgen -G "$ENGINES_DIR/kafka/data-*" >/dev/null; then
    rm -rf "$ENGINES_DIR"/kafka/data-* "$ENGINES_DIR/kafka/data-dir"
    log "kafka: removed data dirs"
  fi
}

down_postgres() {
  local file="$ENGINES_DIR/postgres/started-by-us" version cluster pid
  if [[ ! -f "$file" ]]; then
    log "postgres: not started by us, left running"
    return 0
  fi
  read -r version cluster pid <"$file"
  if [[ "$(head -n1 "/run/postgresql/$version-$cluster.pid" 2>/dev/null)" != "${pid:-}" ]]; then
    log "postgres: the running server is not the one we started, left running"
  elif pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop >>"$ENGINES_DIR/postgres/postgres.log" 2>&1; then
    log "postgres: stopped cluster $version/$cluster"
  else
    warn "postgres: pg_ctlcluster $version $cluster stop failed (see $ENGINES_DIR/postgres/postgres.log)"
  fi
  rm -f "$file"
}

for wanted in "${engines[@]}"; do
  [[ " ${ALL[*]} " == *" $wanted "* ]] || die "unknown engine '$wanted' (known: ${ALL[*]})"
done

lock_engines
for engine in "${ALL[@]}"; do
  for wanted in "${engines[@]}"; do
    [[ "$wanted" == "$engine" ]] && "down_$engine"
  done
done
exit 0
