#!/usr/bin/env bash
# The test SMTP relay (smtp-relay.js): SMTP on 127.0.0.1:$SMTP_PORT, delivering into Dovecot's LMTP.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SMTP_PORT="${SMTP_PORT:-2587}"
LMTP_PORT="${LMTP_PORT:-2424}"
DIR="$(engine_dir smtp)"
LOG="$DIR/smtp.log"

# Prints the server's greeting line; fails unless it is an SMTP greeting.
smtp_greeting() {
  (
    exec 3<>"/dev/tcp/$ENGINES_HOST/$SMTP_PORT" || exit 1
    IFS= read -r -t 3 line <&3 || exit 1
    printf 'QUIT\r\n' >&3
    printf '%s' "$line"
    [[ "$line" == 220* ]]
  ) 2>/dev/null
}
greets_smtp() { smtp_greeting >/dev/null; }

if port_open "$ENGINES_HOST" "$SMTP_PORT"; then
  greeting="$(smtp_greeting)" || die "something listens on $ENGINES_HOST:$SMTP_PORT but does not greet as an SMTP server"
  # Another SMTP server (e.g. draftdesk's embedded inbound listener) would not deliver into Dovecot.
  [[ "$greeting" == *"draftdesk test relay"* ]] ||
    warn "smtp: $ENGINES_HOST:$SMTP_PORT is another SMTP server, not the test relay (greeting: $greeting); mail sent there will not reach Dovecot"
  if pid="$(started_pid_on smtp "$SMTP_PORT")"; then
    log "smtp: already running on $ENGINES_HOST:$SMTP_PORT (started by us, pid $pid)"
  else
    log "smtp: already running on $ENGINES_HOST:$SMTP_PORT (not started by us, left alone)"
  fi
  exit 0
fi

require_node_modules smtp-server nodemailer
port_open "$ENGINES_HOST" "$LMTP_PORT" || warn "smtp: nothing on LMTP $ENGINES_HOST:$LMTP_PORT yet; mail is refused with 451 until Dovecot runs"

replace_stale smtp "$SMTP_PORT" smtp-relay.js

log "smtp: starting relay on $ENGINES_HOST:$SMTP_PORT -> LMTP $ENGINES_HOST:$LMTP_PORT"
SMTP_PORT="$SMTP_PORT" LMTP_PORT="$LMTP_PORT" \
  nohup node "$ENGINES_SCRIPTS_DIR/smtp-relay.js" >>"$LOG" 2>&1 </dev/null &
pid=$!
record_started smtp "$pid" "$SMTP_PORT"

relay_up() { ! pid_alive "$pid" || greets_smtp; }
if ! wait_until 15 relay_up || ! pid_alive "$pid"; then
  tail_log "$LOG"
  kill "$pid" 2>/dev/null || true
  rm -f "$DIR/started-by-us"
  die "smtp relay did not answer on $ENGINES_HOST:$SMTP_PORT within 15 s (log: $LOG)"
fi
log "smtp: ready on $ENGINES_HOST:$SMTP_PORT (pid $pid, log $LOG)"
