# shellcheck shell=bash
# Shared helpers for scripts/services.sh, start-kafka.sh, start-s3proxy.sh and stop.sh.
# Sourced, never executed. Everything the scripts write lives under $TANDEM_SERVICES_DIR
# (default: <repo>/.tandem/services, ignored by git through .tandem/).

TS_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TS_REPO_ROOT="$(cd "$TS_SCRIPT_DIR/../.." && pwd)"
TANDEM_SERVICES_DIR="${TANDEM_SERVICES_DIR:-$TS_REPO_ROOT/.tandem/services}"
TS_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

ts_log() { echo "[services] $*" >&2; }
ts_die() { echo "[services] ERROR: $*" >&2; exit 1; }

# Milliseconds since the epoch (for start-time reports).
ts_now_ms() { date +%s%3N; }

# ts_port_open PORT [HOST] -> 0 when something accepts TCP connections there.
ts_port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "${2:-127.0.0.1}" "$1" 2>/dev/null
}

# ts_redis_ping PORT -> 0 when a Redis server answers +PONG.
ts_redis_ping() {
  local out
  out=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "PING\r\n" >&3; head -c 5 <&3' "$1" 2>/dev/null) || return 1
  [[ $out == "+PONG" ]]
}

# ts_kafka_ping PORT -> 0 when a Kafka broker answers a raw ApiVersions v0 request
# (size 15, api_key 18, version 0, correlation id 7, client id "tandm") with error 0.
# The broker only processes requests once its startup has completed.
ts_kafka_ping() {
  local out
  out=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x00\x00\x07\x00\x05tandm" >&3
    head -c 10 <&3 | od -An -tx1' "$1" 2>/dev/null) || return 1
  out=$(echo $out) # squeeze whitespace
  [[ ${out:12} == "00 00 00 07 00 00" ]]
}

# ts_http_ping PORT -> 0 when an HTTP server answers a GET / (any status).
ts_http_ping() {
  local out
  out=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" >&3
    head -c 9 <&3' "$1" 2>/dev/null) || return 1
  [[ $out == HTTP/1.* ]]
}

# ts_pid_alive PID_FILE MARKER -> 0 when the pid file names a live process whose command
# line contains MARKER (guards against a recycled pid). Prints nothing.
ts_pid_alive() {
  local pidf=$1 marker=$2 pid
  [[ -s $pidf ]] || return 1
  pid=$(head -n1 "$pidf" | tr -dc '0-9')
  [[ -n $pid ]] && ts_proc_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

# ts_proc_running PID -> 0 while the process exists and is not a zombie.
ts_proc_running() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1) || return 1
  [[ -n $state && $state != Z ]]
}

ts_pid_of() { head -n1 "$1" 2>/dev/null | tr -dc '0-9'; }

# ts_wait_ready NAME CHECK_CMD TIMEOUT_S LOG_FILE [PID_FILE MARKER]
# Polls CHECK_CMD until it succeeds; fails with a message naming LOG_FILE on timeout or
# when the process named by PID_FILE dies first.
ts_wait_ready() {
  local name=$1 check=$2 timeout_s=$3 logf=$4 pidf=${5:-} marker=${6:-}
  local deadline=$(( $(date +%s) + timeout_s ))
  while true; do
    if eval "$check"; then return 0; fi
    if [[ -n $pidf ]] && ! ts_pid_alive "$pidf" "$marker"; then
      ts_log "$name exited during startup; last lines of $logf:"
      tail -n 30 "$logf" >&2 2>/dev/null || true
      ts_die "$name did not come up (process died); see $logf"
    fi
    if (( $(date +%s) >= deadline )); then
      ts_log "$name not ready after ${timeout_s}s; last lines of $logf:"
      tail -n 30 "$logf" >&2 2>/dev/null || true
      ts_die "$name did not come up within ${timeout_s}s; see $logf"
    fi
    sleep 0.1
  done
}

# ts_rotate_log LOG_FILE: keeps one previous generation once the log passes 20 MB.
ts_rotate_log() {
  local size
  size=$(stat -c %s "$1" 2>/dev/null || echo 0)
  if (( size > 20 * 1024 * 1024 )); then mv -f "$1" "$1.1"; fi
}

# Bash code that closes every file descriptor above 2, so that a daemon started after it holds
# no pipe of whoever ran us (a CI step reading our output through a pipe would otherwise never
# see EOF) and no lock file.
# shellcheck disable=SC2016
TS_CLOSE_FDS='for fd in /proc/$$/fd/*; do fd=${fd##*/}; if (( fd > 2 )); then eval "exec $fd>&-"; fi; done 2>/dev/null'

# ts_daemon CMD... : runs CMD (which daemonizes itself) with no inherited descriptor above 2.
ts_daemon() { bash -c "$TS_CLOSE_FDS"'; exec "$@"' ts_daemon "$@"; }

# ts_launch PID_FILE LOG_FILE CMD... : starts CMD in its own session (survives the caller),
# stdout+stderr appended to LOG_FILE, stdin from /dev/null, no other inherited descriptor;
# writes its pid to PID_FILE.
ts_launch() {
  local pidf=$1 logf=$2; shift 2
  rm -f "$pidf"
  ts_rotate_log "$logf"
  setsid -f bash -c "$TS_CLOSE_FDS"'; echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidf" "$@" \
    >>"$logf" 2>&1 </dev/null
  for _ in $(seq 1 100); do [[ -s $pidf ]] && return 0; sleep 0.05; done
  ts_die "could not launch $1 (no pid file $pidf); see $logf"
}

# ts_classpath NAME -> prints the path of $TANDEM_SERVICES_DIR/NAME.classpath, (re)building it
# with Maven from scripts/services/NAME/pom.xml when missing, when the pom changed, or when a
# jar it lists is gone from the local repository.
ts_classpath() {
  local name=$1
  local pom="$TS_SCRIPT_DIR/$name/pom.xml"
  local out="$TANDEM_SERVICES_DIR/$name.classpath"
  local sumf="$out.pom-sha256"
  local buildlog="$TANDEM_SERVICES_DIR/logs/$name-classpath.log"
  [[ -f $pom ]] || ts_die "no pom at $pom"
  mkdir -p "$TANDEM_SERVICES_DIR/logs"
  (
    flock -w 900 9 || ts_die "timed out waiting for the lock on $out.lock"
    local sum
    sum=$(sha256sum "$pom" | cut -d' ' -f1)
    if [[ -s $out && -f $sumf && "$(cat "$sumf")" == "$sum" ]] && ts_classpath_complete "$out"; then
      exit 0
    fi
    command -v mvn >/dev/null || ts_die "mvn not found: Maven is needed to resolve the $name classpath"
    ts_log "resolving the $name classpath with Maven (first run downloads jars; log: $buildlog)"
    rm -f "$out.tmp"
    if ! mvn -B -q -Dstyle.color=never -f "$pom" dependency:build-classpath \
        -Dmdep.outputFile="$out.tmp" -Dmdep.includeScope=runtime >"$buildlog" 2>&1 </dev/null; then
      tail -n 30 "$buildlog" >&2
      ts_die "Maven could not resolve the $name classpath; see $buildlog"
    fi
    [[ -s $out.tmp ]] || ts_die "Maven wrote an empty $name classpath; see $buildlog"
    mv "$out.tmp" "$out"
    echo "$sum" >"$sumf"
  ) 9>"$out.lock" || exit 1
  echo "$out"
}

ts_classpath_complete() {
  local jar
  local IFS=:
  for jar in $(cat "$1"); do [[ -f $jar ]] || return 1; done
}
