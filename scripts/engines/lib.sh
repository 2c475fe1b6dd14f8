# Shared helpers for the engine scripts. Source it; do not run it.
# Every engine keeps its files under $ENGINES_DIR/<engine>/ and records what *we* started in
# $ENGINES_DIR/<engine>/started-by-us, so down.sh never stops an engine someone else runs.

ENGINES_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$ENGINES_SCRIPTS_DIR/../.." && pwd)"
ENGINES_DIR="${ENGINES_DIR:-$REPO_ROOT/.engines}"
mkdir -p "$ENGINES_DIR" && ENGINES_DIR="$(cd "$ENGINES_DIR" && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
ENGINES_HOST=127.0.0.1

log() { printf '[engines] %s\n' "$*"; }
warn() { printf '[engines] WARNING: %s\n' "$*" >&2; }
die() { printf '[engines] ERROR: %s\n' "$*" >&2; exit 1; }

engine_dir() {
  mkdir -p "$ENGINES_DIR/$1"
  printf '%s' "$ENGINES_DIR/$1"
}

# True when something accepts TCP connections on host:port (bash's /dev/tcp, no nc needed).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# wait_until <seconds> <command...>: polls every 0.3 s until the command succeeds.
wait_until() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.3
  done
}

pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null
}

# pid_matches <pid> <pattern>: guards against pid reuse before we signal a recorded pid.
pid_matches() {
  pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"
}

# Prints the pid recorded for an engine we started, if that process still runs; clears stale records.
started_pid() {
  local file="$ENGINES_DIR/$1/started-by-us" pid
  [[ -f "$file" ]] || return 1
  read -r pid _ <"$file"
  if [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# started_pid_on <engine> <port>: like started_pid, for the instance serving that port.
started_pid_on() {
  local pid port
  pid="$(started_pid "$1")" || return 1
  read -r _ port <"$ENGINES_DIR/$1/started-by-us"
  [[ -z "$port" || "$port" == "$2" ]] && printf '%s' "$pid"
}

# record_started <engine> <pid> [port]: the port tells a run with other ports not to touch it.
record_started() {
  mkdir -p "$ENGINES_DIR/$1"
  printf '%s\n' "$2${3:+ $3}" >"$ENGINES_DIR/$1/started-by-us"
}

# replace_stale <engine> <port> <pattern>: our process for this engine is alive but its port does
# not answer. If it was started for this port, it is hung: stop it. Otherwise refuse, so a run
# with other ports never stops the instance a test suite is using.
replace_stale() {
  local pid port
  pid="$(started_pid "$1")" || return 0
  read -r _ port <"$ENGINES_DIR/$1/started-by-us"
  if [[ -n "$port" && "$port" != "$2" ]]; then
    die "$1: our instance (pid $pid) serves port $port, not $2; run down.sh with the same ports first"
  fi
  pid_matches "$pid" "$3" || { rm -f "$ENGINES_DIR/$1/started-by-us"; return 0; }
  warn "$1: our instance (pid $pid) does not answer on port $2; stopping it"
  kill "$pid" 2>/dev/null || true
  wait_until 20 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null || true
  rm -f "$ENGINES_DIR/$1/started-by-us"
}

tail_log() {
  [[ -f "$1" ]] && { echo "----- last lines of $1 -----" >&2; tail -n "${2:-40}" "$1" >&2; echo "-----" >&2; }
  return 0
}

# apt-get update runs at most once per up.sh run (marker shared through the environment).
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found; install $* by hand"
  if [[ -z "${ENGINES_APT_UPDATED:-}" ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    export ENGINES_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    die "apt-get install $* failed"
}

require_node_modules() {
  local mod
  for mod in "$@"; do
    [[ -d "$REPO_ROOT/node_modules/$mod" ]] || die "node_modules/$mod missing: run 'npm ci' in $REPO_ROOT first"
  done
}

# Serialises up.sh/down.sh runs (parallel test workers may call up.sh together). Engine
# processes must not inherit fd 9, or they would hold the lock for their whole life.
lock_engines() {
  mkdir -p "$ENGINES_DIR"
  exec 9>"$ENGINES_DIR/.lock"
  flock -w 180 9 || die "another up.sh/down.sh still holds $ENGINES_DIR/.lock after 180 s"
}
