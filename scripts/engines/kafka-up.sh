#!/usr/bin/env bash
# Single-node Apache Kafka 3.9.x in KRaft mode from Maven Central jars, on 127.0.0.1.
# Each start gets a fresh log dir, so tests never see topics or offsets from an earlier run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
DIR="$(engine_dir kafka)"
LIBS="$DIR/libs"
LOG="$DIR/kafka.log"
BROKERS="$ENGINES_HOST:$KAFKA_PORT"

require_node_modules kafkajs

# kafkajs is what the services use, so a metadata round trip through it is the readiness test.
kafka_answers() { node "$ENGINES_SCRIPTS_DIR/kafka-ready.js" "$BROKERS" "${1:-5}" >/dev/null 2>&1; }

if port_open "$ENGINES_HOST" "$KAFKA_PORT"; then
  kafka_answers 15 || die "something listens on $BROKERS but does not answer as a Kafka broker"
  if pid="$(started_pid_on kafka "$KAFKA_PORT")"; then
    log "kafka: already running on $BROKERS (started by us, pid $pid)"
  else
    log "kafka: already running on $BROKERS (not started by us, left alone)"
  fi
  exit 0
fi

replace_stale kafka "$KAFKA_PORT" kafka.Kafka

command -v java >/dev/null || die "java not found (Java 17 expected on the machines)"

# --- jars: resolved once into .engines/kafka/libs (Maven's ~/.m2 cache makes a re-fetch cheap) ---
if [[ ! -f "$LIBS/.complete" ]]; then
  command -v mvn >/dev/null || apt_install maven
  rm -rf "$LIBS"
  fetched=""
  for version in 3.9.1 3.9.0; do
    log "kafka: fetching kafka_2.13:$version jars from Maven Central"
    if mvn -q -B -f "$ENGINES_SCRIPTS_DIR/kafka/pom.xml" dependency:copy-dependencies \
      -Dkafka.version="$version" -DincludeScope=runtime -DoutputDirectory="$LIBS" >>"$DIR/mvn.log" 2>&1; then
      fetched="$version"
      break
    fi
    rm -rf "$LIBS"
  done
  [[ -n "$fetched" ]] || { tail_log "$DIR/mvn.log"; die "could not fetch Kafka jars with Maven"; }
  echo "$fetched" >"$LIBS/.complete"
fi
KAFKA_VERSION="$(cat "$LIBS/.complete")"
CP="$LIBS/*"

# --- config: fresh data dir per start; old ones belong to brokers that are gone ---
rm -rf "$DIR"/data-*
DATA_DIR="$DIR/data-$(date +%Y%m%d%H%M%S)-$$"
mkdir -p "$DATA_DIR"
echo "$DATA_DIR" >"$DIR/data-dir"

cat >"$DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://$ENGINES_HOST:$KAFKA_PORT,CONTROLLER://$ENGINES_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$ENGINES_HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.voters=1@$ENGINES_HOST:$KAFKA_CONTROLLER_PORT
log.dirs=$DATA_DIR
num.partitions=3
auto.create.topics.enable=false
offsets.topic.num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Small segments and no fsync tuning: the data is thrown away after the test run.
log.segment.bytes=16777216
EOF

cat >"$DIR/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

JAVA_OPTS=(-Xmx512m -Xms128m -Djava.awt.headless=true -Dlog4j.configuration="file:$DIR/log4j.properties")

cluster_id="$(java "${JAVA_OPTS[@]}" -cp "$CP" kafka.tools.StorageTool random-uuid 2>>"$DIR/storage.log" | tail -n1)"
[[ -n "$cluster_id" ]] || { tail_log "$DIR/storage.log"; die "kafka StorageTool random-uuid failed"; }
java "${JAVA_OPTS[@]}" -cp "$CP" kafka.tools.StorageTool format -t "$cluster_id" -c "$DIR/server.properties" \
  >>"$DIR/storage.log" 2>&1 || { tail_log "$DIR/storage.log"; die "kafka StorageTool format failed"; }

log "kafka: starting $KAFKA_VERSION on $BROKERS (data $DATA_DIR)"
{ echo "===== $(date -Is) start $KAFKA_VERSION cluster $cluster_id"; } >>"$LOG"
nohup java "${JAVA_OPTS[@]}" -cp "$CP" kafka.Kafka "$DIR/server.properties" >>"$LOG" 2>&1 </dev/null &
pid=$!
record_started kafka "$pid" "$KAFKA_PORT"

broker_up() {
  pid_alive "$pid" || return 0 # stop waiting; checked below
  port_open "$ENGINES_HOST" "$KAFKA_PORT" && kafka_answers 3
}
if ! wait_until "$KAFKA_START_TIMEOUT" broker_up || ! pid_alive "$pid"; then
  tail_log "$LOG" 60
  rm -f "$DIR/started-by-us"
  pid_alive "$pid" || die "kafka exited during start-up (log: $LOG)"
  kill "$pid" 2>/dev/null || true
  die "kafka did not answer on $BROKERS within ${KAFKA_START_TIMEOUT}s (log: $LOG)"
fi
node "$ENGINES_SCRIPTS_DIR/kafka-ready.js" "$BROKERS" 30 coordinator >/dev/null ||
  warn "kafka: group coordinator not available yet; the first consumer group may take longer to join"
log "kafka: ready on $BROKERS (pid $pid, log $LOG)"
