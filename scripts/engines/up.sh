#!/usr/bin/env bash
# Usage: scripts/engines/up.sh [postgres] [kafka] [dovecot] [smtp]   (default: all)
# Starts each engine that is not already reachable, then writes .engines/env for tests to source.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ALL=(postgres kafka dovecot smtp)
engines=("$@")
((${#engines[@]})) || engines=("${ALL[@]}")

for wanted in "${engines[@]}"; do
  [[ " ${ALL[*]} " == *" $wanted "* ]] || die "unknown engine '$wanted' (known: ${ALL[*]})"
done

lock_engines
started_at=$SECONDS
for engine in "${ALL[@]}"; do # fixed order: smtp relays into dovecot
  for wanted in "${engines[@]}"; do
    [[ "$wanted" == "$engine" ]] || continue
    bash "$ENGINES_SCRIPTS_DIR/$engine-up.sh" 9>&-
  done
done

mkdir -p "$ENGINES_DIR"
cat >"$ENGINES_DIR/env" <<ENV
# Written by scripts/engines/up.sh: source it before running integration tests.
export DATABASE_URL=postgres://postgres@$ENGINES_HOST:${PG_PORT:-5432}/draftdesk_test
export KAFKA_BROKERS=$ENGINES_HOST:${KAFKA_PORT:-9092}
export IMAP_HOST=$ENGINES_HOST
export IMAP_PORT=${IMAP_PORT:-1143}
export SMTP_HOST=$ENGINES_HOST
export SMTP_PORT=${SMTP_PORT:-2587}
export LMTP_PORT=${LMTP_PORT:-2424}
ENV
log "engines up in $((SECONDS - started_at)) s: ${engines[*]}; environment in $ENGINES_DIR/env"
