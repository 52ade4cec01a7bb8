#!/usr/bin/env bash
# Starts one Apache Kafka 4.1.1 broker (KRaft, combined broker+controller, node id 1) as its
# own JVM on 127.0.0.1, and waits until it answers Kafka requests.
#
#   start-kafka.sh PORT CONTROLLER_PORT DATA_DIR LOG_FILE PID_FILE [EXTRA_PROPERTIES_FILE]
#
# DATA_DIR holds server.properties, cluster.id and the KRaft log dirs (formatted on first use).
# EXTRA_PROPERTIES_FILE, when given, is appended to server.properties (later keys win).
# Idempotent: when PID_FILE names a live broker started by this script, it only waits for it.
# Stop it with: scripts/services/stop.sh PID_FILE
#
# Environment: TANDEM_KAFKA_HEAP_OPTS (default -Xms256m -Xmx512m), TANDEM_KAFKA_JVM_OPTS,
#   TANDEM_SERVICE_TIMEOUT (seconds, default 60), TANDEM_NO_WAIT=1 to return right after launch,
#   TANDEM_KAFKA_CLASSPATH_FILE to use a given classpath file instead of the cached one.
# Used by scripts/services.sh and by tests that need private brokers.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

if (( $# < 5 )); then
  echo "usage: $0 PORT CONTROLLER_PORT DATA_DIR LOG_FILE PID_FILE [EXTRA_PROPERTIES_FILE]" >&2
  exit 2
fi
port=$1 cport=$2 data=$3 logf=$4 pidf=$5 extra=${6:-}
[[ $port =~ ^[0-9]+$ && $cport =~ ^[0-9]+$ ]] || ts_die "ports must be numbers: $port $cport"
[[ -z $extra || -f $extra ]] || ts_die "no extra properties file $extra"
mkdir -p "$data" "$(dirname "$logf")" "$(dirname "$pidf")"
data=$(cd "$data" && pwd)
marker="-Dtandem.service=kafka-$port"
timeout_s=${TANDEM_SERVICE_TIMEOUT:-60}
t0=$(ts_now_ms)

if ts_pid_alive "$pidf" "$marker"; then
  ts_log "kafka 127.0.0.1:$port already started by us (pid $(ts_pid_of "$pidf"))"
else
  rm -f "$pidf"
  ts_port_open "$port" && ts_die "kafka: port $port is already in use by another process"
  ts_port_open "$cport" && ts_die "kafka: controller port $cport is already in use by another process"
  cpfile=${TANDEM_KAFKA_CLASSPATH_FILE:-$(ts_classpath kafka)}
  cp=$(cat "$cpfile")
  props="$data/server.properties"
  cat >"$props" <<EOF
# Written by scripts/services/start-kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.voters=1@127.0.0.1:$cport
log.dirs=$data/kraft-logs
num.partitions=1
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
# After a crash (kill -9) the restarted broker cannot register until the old session expires
# (default 9 s): a shorter session makes crash-restart fault tests faster.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000
delete.topic.enable=true
num.network.threads=2
num.io.threads=4
log.retention.hours=24
EOF
  if [[ -n $extra ]]; then
    { echo "# --- from $extra"; cat "$extra"; } >>"$props"
  fi
  log4j="$TS_SCRIPT_DIR/kafka/log4j2.xml"
  jvm_common=(-Djava.awt.headless=true "-Dlog4j2.configurationFile=$log4j" "-Dkafka.logs.dir=$data/app-logs")
  if [[ ! -f $data/kraft-logs/meta.properties ]]; then
    # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding (what
    # "kafka-storage random-uuid" prints); it must not start with '-'.
    if [[ ! -s $data/cluster.id ]]; then
      while :; do
        cid=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
        [[ $cid != -* ]] && break
      done
      echo "$cid" >"$data/cluster.id"
    fi
    cid=$(cat "$data/cluster.id")
    ts_log "kafka: formatting $data/kraft-logs (cluster id $cid)"
    echo "=== $(date -Is) kafka.tools.StorageTool format (cluster id $cid)" >>"$logf"
    if ! "$TS_JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${jvm_common[@]}" -cp "$cp" kafka.tools.StorageTool format \
        -t "$cid" -c "$props" --ignore-formatted >>"$logf" 2>&1 </dev/null; then
      tail -n 20 "$logf" >&2
      ts_die "kafka: storage format failed; see $logf"
    fi
  fi
  echo "=== $(date -Is) starting kafka.Kafka on 127.0.0.1:$port (controller $cport)" >>"$logf"
  # shellcheck disable=SC2086 # word splitting of the option strings is intended
  ts_launch "$pidf" "$logf" "$TS_JAVA" "$marker" ${TANDEM_KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent "${jvm_common[@]}" ${TANDEM_KAFKA_JVM_OPTS:-} \
    -cp "$cp" kafka.Kafka "$props"
  ts_log "kafka: launched pid $(ts_pid_of "$pidf") (log $logf)"
fi

if [[ ${TANDEM_NO_WAIT:-0} == 1 ]]; then exit 0; fi
ts_wait_ready "kafka 127.0.0.1:$port" "ts_kafka_ping $port" "$timeout_s" "$logf" "$pidf" "$marker"
ts_log "kafka 127.0.0.1:$port ready ($(( $(ts_now_ms) - t0 )) ms)"
