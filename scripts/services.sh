#!/usr/bin/env bash
# Starts (or reuses) the real services Tandem's integration tests talk to, without Docker,
# all on loopback (DESIGN.md section 6):
#   redis     Redis 7 (Debian redis-server)                  127.0.0.1:${TANDEM_REDIS_PORT:-6379}
#   redis-cluster  Redis Cluster, 3 masters, no replicas      127.0.0.1:${TANDEM_REDIS_CLUSTER_PORTS:-7001 7002 7003}
#             (the same redis-server in cluster mode; ADR-0030)
#   postgres  PostgreSQL 15 (Debian postgresql), db tandem   127.0.0.1:${TANDEM_PG_PORT:-5432}
#   kafka     Apache Kafka 4.1.1, KRaft, own JVM             127.0.0.1:${TANDEM_KAFKA_PORT:-9092}
#             (controller on ${TANDEM_KAFKA_CONTROLLER_PORT:-9093})
#   s3        s3proxy 4.1.0, filesystem backend, own JVM     127.0.0.1:${TANDEM_S3_PORT:-9000}
#             (keys ${TANDEM_S3_ACCESS_KEY:-tandem} / ${TANDEM_S3_SECRET_KEY:-tandem-secret})
#   browser   Debian chromium + chromium-driver, installed when missing (no server): the console's
#             browser tests drive /usr/bin/chromium through /usr/bin/chromedriver, never a downloaded build
#
# Usage: scripts/services.sh up [SERVICE...]    start what is not listening, wait until ready
#        scripts/services.sh down [SERVICE...]  stop ONLY what this script started
#        scripts/services.sh status             listening or not, started by us or reused
#        scripts/services.sh env                export lines: endpoints and keys, named as Tandem reads them
#        scripts/services.sh kafka-classpath    print the Kafka broker classpath (build if needed)
#        scripts/services.sh s3proxy-classpath  print the s3proxy classpath (build if needed)
# SERVICE is one of: redis redis-cluster postgres kafka s3 browser (default: all).
#
# A server already listening on a port is reused, never restarted or reconfigured (the only
# change ever made to a reused server is creating the database "tandem"). Missing Debian
# packages are installed with apt-get (needs root). Data, logs, pid files and the cached
# classpaths live in <repo>/.tandem/services/ (override: TANDEM_SERVICES_DIR).
# Private Kafka / s3proxy instances for tests: scripts/services/start-kafka.sh,
# scripts/services/start-s3proxy.sh and scripts/services/stop.sh.
set -euo pipefail

SERVICES_SH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
SERVICES_LIB_DIR="$(dirname "$SERVICES_SH")/services"
# shellcheck source=services/lib.sh
source "$SERVICES_LIB_DIR/lib.sh"

REDIS_PORT=${TANDEM_REDIS_PORT:-6379}
read -r -a CLUSTER_PORTS <<<"${TANDEM_REDIS_CLUSTER_PORTS:-7001 7002 7003}"
PG_PORT=${TANDEM_PG_PORT:-5432}
KAFKA_PORT=${TANDEM_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${TANDEM_KAFKA_CONTROLLER_PORT:-9093}
S3_PORT=${TANDEM_S3_PORT:-9000}
export TANDEM_S3_ACCESS_KEY=${TANDEM_S3_ACCESS_KEY:-tandem}
export TANDEM_S3_SECRET_KEY=${TANDEM_S3_SECRET_KEY:-tandem-secret}
PG_DB=tandem
TIMEOUT=${TANDEM_SERVICE_TIMEOUT:-60}

D=$TANDEM_SERVICES_DIR
LOGS=$D/logs
REDIS_PID=$D/redis-$REDIS_PORT.pid
REDIS_LOG=$LOGS/redis-$REDIS_PORT.log
PG_PID=$D/postgres-$PG_PORT.pid
PG_STARTED=$D/postgres-$PG_PORT.started
KAFKA_PID=$D/kafka-$KAFKA_PORT.pid
KAFKA_LOG=$LOGS/kafka-$KAFKA_PORT.log
KAFKA_MARKER=-Dtandem.service=kafka-$KAFKA_PORT
S3_PID=$D/s3proxy-$S3_PORT.pid
S3_LOG=$LOGS/s3proxy-$S3_PORT.log
S3_MARKER=-Dtandem.service=s3proxy-$S3_PORT
CLUSTER_DIR=$D/redis-cluster-${CLUSTER_PORTS[0]}
CLUSTER_LOG=$LOGS/redis-cluster-${CLUSTER_PORTS[0]}.log
ALL_SERVICES=(redis redis-cluster postgres kafka s3 browser)

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$SERVICES_SH"; }

# ---------------------------------------------------------------- helpers
APT_UPDATED=0
apt_install() {
  [[ $(id -u) == 0 ]] || ts_die "$* is not installed; installing it needs root (apt-get install -y $*)"
  command -v apt-get >/dev/null || ts_die "$* is not installed and there is no apt-get"
  local aptlog=$LOGS/apt.log
  export DEBIAN_FRONTEND=noninteractive
  if (( ! APT_UPDATED )); then
    ts_log "apt-get update (log: $aptlog)"
    apt-get update -q >>"$aptlog" 2>&1 </dev/null || { tail -n 20 "$aptlog" >&2; ts_die "apt-get update failed; see $aptlog"; }
    APT_UPDATED=1
  fi
  ts_log "apt-get install -y $* (log: $aptlog)"
  apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" \
    >>"$aptlog" 2>&1 </dev/null || { tail -n 20 "$aptlog" >&2; ts_die "apt-get install $* failed; see $aptlog"; }
}

T0=$(ts_now_ms)
since() { echo "$(( $(ts_now_ms) - T0 )) ms"; }

# ---------------------------------------------------------------- redis
redis_up() {
  if ts_pid_alive "$REDIS_PID" redis-server; then
    ts_log "redis 127.0.0.1:$REDIS_PORT: started by us earlier (pid $(ts_pid_of "$REDIS_PID"))"
  elif ts_port_open "$REDIS_PORT"; then
    rm -f "$REDIS_PID"
    ts_log "redis 127.0.0.1:$REDIS_PORT: already listening, reusing it"
  else
    rm -f "$REDIS_PID"
    command -v redis-server >/dev/null || apt_install redis-server
    if ts_port_open "$REDIS_PORT"; then
      ts_log "redis 127.0.0.1:$REDIS_PORT: listening after install, reusing it"
    else
      mkdir -p "$D/redis-$REDIS_PORT"
      echo "=== $(date -Is) starting redis-server on 127.0.0.1:$REDIS_PORT" >>"$REDIS_LOG"
      ts_daemon redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$D/redis-$REDIS_PORT" --logfile "$REDIS_LOG" --pidfile "$REDIS_PID" \
        </dev/null >>"$REDIS_LOG" 2>&1 || ts_die "redis-server failed to start; see $REDIS_LOG"
      ts_log "redis 127.0.0.1:$REDIS_PORT: started redis-server (log $REDIS_LOG)"
    fi
  fi
  ts_wait_ready "redis 127.0.0.1:$REDIS_PORT" "ts_redis_ping $REDIS_PORT" "$TIMEOUT" "$REDIS_LOG"
  ts_log "redis 127.0.0.1:$REDIS_PORT ready (PING -> PONG) at $(since)"
}

# ---------------------------------------------------------------- redis cluster
# Three masters on their own ports (no replicas: tests need the slot routing, not failover). A cluster
# that answers cluster_state:ok on every port is reused; one this script started but that lost a node is
# wiped and made again (it holds test data only, never persisted).
cluster_ok() { # PORT -> 0 when that node reports the whole cluster up
  redis-cli -h 127.0.0.1 -p "$1" cluster info 2>/dev/null | grep -q '^cluster_state:ok'
}
cluster_all_ok() { local p; for p in "${CLUSTER_PORTS[@]}"; do cluster_ok "$p" || return 1; done; }
cluster_ours_alive() { local p; for p in "${CLUSTER_PORTS[@]}"; do ts_pid_alive "$CLUSTER_DIR/$p.pid" redis-server || return 1; done; }
cluster_stop_ours() {
  local p
  for p in "${CLUSTER_PORTS[@]}"; do "$SERVICES_LIB_DIR/stop.sh" "$CLUSTER_DIR/$p.pid" 20 redis-server; done
}
cluster_uri() { local p seeds=(); for p in "${CLUSTER_PORTS[@]}"; do seeds+=("127.0.0.1:$p"); done
  local IFS=,; echo "redis-cluster://${seeds[*]}"; }

redis_cluster_up() {
  (( ${#CLUSTER_PORTS[@]} >= 3 )) || ts_die "TANDEM_REDIS_CLUSTER_PORTS needs 3 ports or more (a cluster has at least 3 masters)"
  local p
  if cluster_all_ok; then
    if cluster_ours_alive; then ts_log "redis-cluster ${CLUSTER_PORTS[*]}: started by us earlier"
    else ts_log "redis-cluster ${CLUSTER_PORTS[*]}: already up, reusing it"; fi
    ts_log "redis-cluster ready (cluster_state:ok) at $(since)"
    return
  fi
  for p in "${CLUSTER_PORTS[@]}"; do
    if ts_port_open "$p" && ! ts_pid_alive "$CLUSTER_DIR/$p.pid" redis-server; then
      ts_die "port $p is taken by something that is not a healthy Redis Cluster this script started; set TANDEM_REDIS_CLUSTER_PORTS to free ports"
    fi
  done
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server redis-tools
  cluster_stop_ours
  rm -rf "$CLUSTER_DIR"
  mkdir -p "$CLUSTER_DIR"
  echo "=== $(date -Is) starting redis-cluster on ${CLUSTER_PORTS[*]}" >>"$CLUSTER_LOG"
  for p in "${CLUSTER_PORTS[@]}"; do
    mkdir -p "$CLUSTER_DIR/$p"
    ts_daemon redis-server --daemonize yes --bind 127.0.0.1 --port "$p" --save "" --appendonly no \
      --cluster-enabled yes --cluster-config-file "$CLUSTER_DIR/$p/nodes.conf" --cluster-node-timeout 5000 \
      --dir "$CLUSTER_DIR/$p" --logfile "$CLUSTER_DIR/$p/redis.log" --pidfile "$CLUSTER_DIR/$p.pid" \
      </dev/null >>"$CLUSTER_LOG" 2>&1 || ts_die "redis-server (cluster node $p) failed to start; see $CLUSTER_LOG"
  done
  for p in "${CLUSTER_PORTS[@]}"; do
    ts_wait_ready "redis-cluster node 127.0.0.1:$p" "ts_redis_ping $p" "$TIMEOUT" "$CLUSTER_DIR/$p/redis.log"
  done
  local seeds=()
  for p in "${CLUSTER_PORTS[@]}"; do seeds+=("127.0.0.1:$p"); done
  redis-cli --cluster create "${seeds[@]}" --cluster-replicas 0 --cluster-yes </dev/null >>"$CLUSTER_LOG" 2>&1 \
    || { tail -n 20 "$CLUSTER_LOG" >&2; ts_die "redis-cli --cluster create failed; see $CLUSTER_LOG"; }
  ts_wait_ready "redis-cluster ${CLUSTER_PORTS[*]}" cluster_all_ok "$TIMEOUT" "$CLUSTER_LOG"
  ts_log "redis-cluster ${CLUSTER_PORTS[*]}: started (log $CLUSTER_LOG), cluster_state:ok at $(since)"
}

# ---------------------------------------------------------------- postgres
# psql as user postgres over TCP, never prompting for a password (tests connect the same way).
pg_tcp() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -w -X -q -v ON_ERROR_STOP=1 "$@" </dev/null; }
# psql as the OS user postgres over the Unix socket (peer auth), the fallback to create the db.
pg_sock() { runuser -u postgres -- psql -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1 "$@" </dev/null; }

# Trust on loopback for the tests (user postgres, no password), as the first pg_hba.conf lines.
# Only ever applied to a cluster this script starts (or has just installed).
pg_ensure_trust() {
  local hba=/etc/postgresql/$1/main/pg_hba.conf
  [[ -f $hba ]] || ts_die "no $hba"
  grep -q '^# tandem-services: trust on loopback' "$hba" && return 0
  local tmp
  tmp=$(mktemp)
  { echo '# tandem-services: trust on loopback (added by scripts/services.sh)'
    echo 'local   all   all                 trust'
    echo 'host    all   all   127.0.0.1/32  trust'
    echo 'host    all   all   ::1/128       trust'
    cat "$hba"; } >"$tmp"
  cat "$tmp" >"$hba"
  rm -f "$tmp"
  ts_log "postgres: added trust-on-loopback lines to $hba"
}

pg_latest_version() {
  local ver
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  [[ -n $ver ]] || ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n1)
  [[ -n $ver ]] || ts_die "postgresql is installed but no server version is found under /usr/lib/postgresql"
  echo "$ver"
}

pg_start_cluster() {
  local ver
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
    if ts_port_open "$PG_PORT"; then
      # The package started its own new cluster: we installed it, so make it usable by the
      # tests (trust on loopback, then a reload, not a restart).
      ver=$(pg_latest_version)
      pg_ensure_trust "$ver"
      ts_daemon pg_ctlcluster --skip-systemctl-redirect "$ver" main reload </dev/null || true
      ts_log "postgres 127.0.0.1:$PG_PORT: started by the package install, reusing it"
      return
    fi
  fi
  ver=$(pg_latest_version)
  if [[ ! -d /etc/postgresql/$ver/main ]]; then
    ts_log "postgres: creating cluster $ver/main"
    pg_createcluster "$ver" main >>"$LOGS/postgres-setup.log" 2>&1 || ts_die "pg_createcluster $ver main failed; see $LOGS/postgres-setup.log"
  fi
  local info status cport
  info=$(pg_lsclusters -h "$ver" main 2>/dev/null || true)
  status=$(awk '{print $4}' <<<"$info")
  cport=$(awk '{print $3}' <<<"$info")
  if [[ $status == online* ]]; then
    # Running, but not on our port: never restart or reconfigure a server we did not start.
    ts_die "postgres cluster $ver/main is already running on port $cport, not on $PG_PORT; set TANDEM_PG_PORT=$cport"
  fi
  if [[ -n $cport && $cport != "$PG_PORT" ]]; then
    # pg_ctlcluster cannot start a cluster on another port than its configured one.
    ts_die "postgres cluster $ver/main is configured for port $cport, not $PG_PORT: TANDEM_PG_PORT can only name a server that already listens, or the cluster's own port"
  fi
  pg_ensure_trust "$ver"  # the cluster is stopped and we are about to start it
  local pglog
  pglog=$(awk '{print $7}' <<<"$info")
  pglog=${pglog:-/var/log/postgresql/postgresql-$ver-main.log}
  ts_log "postgres: pg_ctlcluster --skip-systemctl-redirect $ver main start (port $PG_PORT, log $pglog)"
  if ! ts_daemon pg_ctlcluster --skip-systemctl-redirect "$ver" main start \
      </dev/null >>"$LOGS/postgres-setup.log" 2>&1; then
    tail -n 20 "$LOGS/postgres-setup.log" "$pglog" >&2 2>/dev/null || true
    ts_die "postgres cluster $ver/main did not start; see $pglog and $LOGS/postgres-setup.log"
  fi
  local datadir
  datadir=$(awk '{print $6}' <<<"$info")
  if [[ -n $datadir && -f $datadir/postmaster.pid ]]; then head -n1 "$datadir/postmaster.pid" >"$PG_PID"; fi
  echo "$ver main" >"$PG_STARTED"
  PG_LOG=$pglog
}

postgres_up() {
  PG_LOG="(server not started by services.sh)"
  if [[ -f $PG_STARTED ]] && ts_pid_alive "$PG_PID" postgres; then
    ts_log "postgres 127.0.0.1:$PG_PORT: started by us earlier ($(cat "$PG_STARTED"))"
    PG_LOG="/var/log/postgresql/postgresql-$(cut -d' ' -f1 "$PG_STARTED")-main.log"
  elif ts_port_open "$PG_PORT"; then
    rm -f "$PG_PID" "$PG_STARTED"
    ts_log "postgres 127.0.0.1:$PG_PORT: already listening, reusing it"
  else
    rm -f "$PG_PID" "$PG_STARTED"
    pg_start_cluster
  fi
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then apt_install postgresql-client; fi
  ts_wait_ready "postgres 127.0.0.1:$PG_PORT" \
    "pg_isready -q -h 127.0.0.1 -p $PG_PORT -t 2" "$TIMEOUT" "$PG_LOG"
  local q="select 1 from pg_database where datname = '$PG_DB'" have
  if have=$(pg_tcp -d postgres -tAc "$q" 2>"$LOGS/postgres-check.log"); then
    if [[ $have != 1 ]]; then
      pg_tcp -d postgres -c "create database $PG_DB" || ts_die "could not create database $PG_DB"
      ts_log "postgres: created database $PG_DB"
    fi
  else
    ts_log "WARNING: cannot connect as postgres without a password over TCP 127.0.0.1:$PG_PORT" \
      "($(head -n1 "$LOGS/postgres-check.log")); the tests connect that way. Not reconfiguring a reused server."
    if [[ $(id -u) == 0 ]] && id postgres >/dev/null 2>&1 \
        && have=$(pg_sock -d postgres -tAc "$q" 2>/dev/null); then
      [[ $have == 1 ]] || { pg_sock -d postgres -c "create database $PG_DB" && ts_log "postgres: created database $PG_DB (via socket)"; }
    else
      ts_die "postgres: cannot check/create database $PG_DB; see $LOGS/postgres-check.log"
    fi
  fi
  ts_log "postgres 127.0.0.1:$PG_PORT ready (database $PG_DB) at $(since)"
}

# ---------------------------------------------------------------- kafka / s3proxy
KAFKA_MODE=
kafka_launch() {
  if ts_pid_alive "$KAFKA_PID" "$KAFKA_MARKER"; then
    KAFKA_MODE=ours
    ts_log "kafka 127.0.0.1:$KAFKA_PORT: started by us earlier (pid $(ts_pid_of "$KAFKA_PID"))"
  elif ts_port_open "$KAFKA_PORT"; then
    rm -f "$KAFKA_PID"
    KAFKA_MODE=reused
    ts_log "kafka 127.0.0.1:$KAFKA_PORT: already listening, reusing it"
  else
    KAFKA_MODE=ours
    TANDEM_NO_WAIT=1 "$SERVICES_LIB_DIR/start-kafka.sh" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" \
      "$D/kafka-$KAFKA_PORT" "$KAFKA_LOG" "$KAFKA_PID"
  fi
}
kafka_wait() {
  if [[ $KAFKA_MODE == ours ]]; then
    ts_wait_ready "kafka 127.0.0.1:$KAFKA_PORT" "ts_kafka_ping $KAFKA_PORT" "$TIMEOUT" "$KAFKA_LOG" \
      "$KAFKA_PID" "$KAFKA_MARKER"
  else
    ts_wait_ready "kafka 127.0.0.1:$KAFKA_PORT (reused: must answer Kafka ApiVersions)" \
      "ts_kafka_ping $KAFKA_PORT" 15 "(server not started by services.sh)"
  fi
  ts_log "kafka 127.0.0.1:$KAFKA_PORT ready (ApiVersions answered) at $(since)"
}

S3_MODE=
s3_launch() {
  if ts_pid_alive "$S3_PID" "$S3_MARKER"; then
    S3_MODE=ours
    ts_log "s3proxy 127.0.0.1:$S3_PORT: started by us earlier (pid $(ts_pid_of "$S3_PID"))"
  elif ts_port_open "$S3_PORT"; then
    rm -f "$S3_PID"
    S3_MODE=reused
    ts_log "s3 127.0.0.1:$S3_PORT: already listening, reusing it"
  else
    S3_MODE=ours
    TANDEM_NO_WAIT=1 "$SERVICES_LIB_DIR/start-s3proxy.sh" "$S3_PORT" "$D/s3proxy-$S3_PORT" "$S3_LOG" "$S3_PID"
  fi
}
s3_wait() {
  if [[ $S3_MODE == ours ]]; then
    ts_wait_ready "s3proxy 127.0.0.1:$S3_PORT" "ts_http_ping $S3_PORT" "$TIMEOUT" "$S3_LOG" "$S3_PID" "$S3_MARKER"
  else
    ts_wait_ready "s3 127.0.0.1:$S3_PORT (reused: must answer HTTP)" "ts_http_ping $S3_PORT" 15 \
      "(server not started by services.sh)"
  fi
  ts_log "s3 127.0.0.1:$S3_PORT ready (HTTP answered) at $(since)"
}

# ---------------------------------------------------------------- browser
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
browser_installed() { [[ -x $CHROMIUM && -x $CHROMEDRIVER ]]; }
browser_up() {
  if browser_installed; then
    ts_log "browser: $("$CHROMIUM" --version 2>/dev/null | head -n1) and chromedriver already installed, reusing them"
  else
    apt_install chromium chromium-driver
    browser_installed || ts_die "chromium-driver installed but $CHROMIUM or $CHROMEDRIVER is missing"
    ts_log "browser: installed $("$CHROMIUM" --version 2>/dev/null | head -n1) and chromedriver"
  fi
}

# ---------------------------------------------------------------- commands
selected() { local s; for s in "${SELECTED[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

cmd_up() {
  mkdir -p "$LOGS"
  # A missing browser is installed first: apt-get must not compete with the servers starting below.
  if selected browser; then browser_up; fi
  # JVMs first (they take longest), then Redis/PostgreSQL while they boot, then wait for them.
  # Classpaths are resolved one after the other: parallel Maven runs share ~/.m2.
  if selected kafka && ! ts_port_open "$KAFKA_PORT"; then ts_classpath kafka >/dev/null; fi
  if selected s3 && ! ts_port_open "$S3_PORT"; then ts_classpath s3proxy >/dev/null; fi
  if selected kafka; then kafka_launch; fi
  if selected s3; then s3_launch; fi
  if selected redis; then redis_up; fi
  if selected redis-cluster; then redis_cluster_up; fi
  if selected postgres; then postgres_up; fi
  if selected kafka; then kafka_wait; fi
  if selected s3; then s3_wait; fi
  ts_log "up: ${SELECTED[*]} ready in $(since)"
}

cmd_down() {
  if selected kafka; then "$SERVICES_LIB_DIR/stop.sh" "$KAFKA_PID" 30 "$KAFKA_MARKER"; fi
  if selected s3; then "$SERVICES_LIB_DIR/stop.sh" "$S3_PID" 20 "$S3_MARKER"; fi
  if selected redis; then "$SERVICES_LIB_DIR/stop.sh" "$REDIS_PID" 20 redis-server; fi
  if selected redis-cluster; then cluster_stop_ours; rm -rf "$CLUSTER_DIR"; fi
  if selected postgres; then
    if [[ -f $PG_STARTED ]] && ts_pid_alive "$PG_PID" postgres; then
      local ver
      ver=$(cut -d' ' -f1 "$PG_STARTED")
      ts_log "postgres: pg_ctlcluster --skip-systemctl-redirect $ver main stop (started by us)"
      pg_ctlcluster --skip-systemctl-redirect "$ver" main stop </dev/null || ts_die "could not stop postgres $ver/main"
    fi
    rm -f "$PG_PID" "$PG_STARTED"
  fi
  ts_log "down: stopped what services.sh had started; reused servers left running"
}

status_line() { # NAME PORT LISTENING(0/1) OWNER_TEXT
  local state=listening
  (( $3 )) || state="NOT listening"
  printf '%-13s 127.0.0.1:%-6s %-14s %s\n' "$1" "$2" "$state" "$4"
}
owner() { # PID_FILE MARKER LOG
  if ts_pid_alive "$1" "$2"; then echo "started by services.sh (pid $(ts_pid_of "$1"), log $3)"
  else echo "reused (not started by services.sh)"; fi
}
cmd_status() {
  local all=1 up
  up=0; ts_redis_ping "$REDIS_PORT" && up=1 || all=0
  status_line redis "$REDIS_PORT" $up "$( (( up )) && owner "$REDIS_PID" redis-server "$REDIS_LOG")"
  up=0; cluster_all_ok && up=1 || all=0
  local co="reused (not started by services.sh)"
  cluster_ours_alive && co="started by services.sh (log $CLUSTER_LOG)"
  status_line redis-cluster "${CLUSTER_PORTS[0]}" $up "$( (( up )) && echo "$co, ports ${CLUSTER_PORTS[*]}")"
  up=0; pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2 2>/dev/null && up=1 || all=0
  local pgo=""
  if (( up )); then
    if [[ -f $PG_STARTED ]] && ts_pid_alive "$PG_PID" postgres; then
      pgo="started by services.sh (cluster $(cat "$PG_STARTED"), pid $(ts_pid_of "$PG_PID"))"
    else pgo="reused (not started by services.sh)"; fi
  fi
  status_line postgres "$PG_PORT" $up "$pgo"
  up=0; ts_kafka_ping "$KAFKA_PORT" && up=1 || all=0
  status_line kafka "$KAFKA_PORT" $up "$( (( up )) && owner "$KAFKA_PID" "$KAFKA_MARKER" "$KAFKA_LOG")"
  up=0; ts_http_ping "$S3_PORT" && up=1 || all=0
  status_line s3 "$S3_PORT" $up "$( (( up )) && owner "$S3_PID" "$S3_MARKER" "$S3_LOG")"
  if browser_installed; then printf '%-13s %-16s %-14s %s\n' browser "(no server)" installed "$CHROMIUM, $CHROMEDRIVER"
  else printf '%-13s %-16s %-14s %s\n' browser "(no server)" "NOT installed" "services.sh up browser installs it"; all=0; fi
  (( all )) || return 3
}

# Exactly the environment variables Tandem reads (README "Configuration"), so that
# `eval "$(scripts/services.sh env)"; ./tandem serve --profile production` runs on these servers.
cmd_env() {
  local kv
  for kv in \
    "TANDEM_REDIS_URI=redis://127.0.0.1:$REDIS_PORT" \
    "TANDEM_REDIS_CLUSTER_URI=$(cluster_uri)" \
    "TANDEM_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" \
    "TANDEM_JDBC_USER=postgres" \
    "TANDEM_JDBC_PASSWORD=" \
    "TANDEM_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT" \
    "TANDEM_LAKE_S3_ENDPOINT=http://127.0.0.1:$S3_PORT" \
    "TANDEM_LAKE_S3_ACCESS_KEY=$TANDEM_S3_ACCESS_KEY" \
    "TANDEM_LAKE_S3_SECRET_KEY=$TANDEM_S3_SECRET_KEY" \
    "TANDEM_LAKE_S3_REGION=us-east-1"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done
}

cmd=${1:-}
[[ -n $cmd ]] && shift || true
SELECTED=("$@")
if (( ${#SELECTED[@]} == 0 )); then SELECTED=("${ALL_SERVICES[@]}"); fi
for s in "${SELECTED[@]}"; do
  case $s in redis|redis-cluster|postgres|kafka|s3|browser) ;; *) ts_die "unknown service '$s' (redis redis-cluster postgres kafka s3 browser)";; esac
done

case $cmd in
  up|down)
    # One up/down at a time. flock -o keeps the lock in the flock process only, so the
    # daemons started below do not inherit it.
    if [[ ${TANDEM_SERVICES_LOCKED:-} != 1 ]]; then
      mkdir -p "$LOGS"
      rc=0
      TANDEM_SERVICES_LOCKED=1 flock -o -w 900 -E 75 "$D/services.lock" "$SERVICES_SH" "$cmd" "$@" || rc=$?
      (( rc != 75 )) || ts_die "timed out after 900 s waiting for another 'services.sh up/down' ($D/services.lock)"
      exit "$rc"
    fi
    unset TANDEM_SERVICES_LOCKED
    "cmd_$cmd" ;;
  status) cmd_status ;;
  env) cmd_env ;;
  kafka-classpath) cat "$(ts_classpath kafka)"; echo ;;
  s3proxy-classpath) cat "$(ts_classpath s3proxy)"; echo ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
