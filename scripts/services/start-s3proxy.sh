#!/usr/bin/env bash
# Starts one s3proxy 4.1.0 (filesystem backend) as its own JVM on 127.0.0.1 and waits until
# it answers HTTP.
#
#   start-s3proxy.sh PORT DATA_DIR LOG_FILE PID_FILE
#
# Objects are stored under DATA_DIR/blobs (one folder per bucket). Credentials (AWS v2 or v4
# signatures, path-style only, no virtual hosts): TANDEM_S3_ACCESS_KEY (default tandem) and
# TANDEM_S3_SECRET_KEY (default tandem-secret).
# Idempotent: when PID_FILE names a live s3proxy started by this script, it only waits for it.
# Stop it with: scripts/services/stop.sh PID_FILE
#
# Environment: TANDEM_S3PROXY_JVM_OPTS (default -Xmx256m), TANDEM_SERVICE_TIMEOUT (seconds,
#   default 60), TANDEM_NO_WAIT=1, TANDEM_S3PROXY_CLASSPATH_FILE.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

if (( $# < 4 )); then
  echo "usage: $0 PORT DATA_DIR LOG_FILE PID_FILE" >&2
  exit 2
fi
port=$1 data=$2 logf=$3 pidf=$4
[[ $port =~ ^[0-9]+$ ]] || ts_die "port must be a number: $port"
mkdir -p "$data/blobs" "$(dirname "$logf")" "$(dirname "$pidf")"
data=$(cd "$data" && pwd)
marker="-Dtandem.service=s3proxy-$port"
timeout_s=${TANDEM_SERVICE_TIMEOUT:-60}
t0=$(ts_now_ms)

if ts_pid_alive "$pidf" "$marker"; then
  ts_log "s3proxy 127.0.0.1:$port already started by us (pid $(ts_pid_of "$pidf"))"
else
  rm -f "$pidf"
  ts_port_open "$port" && ts_die "s3proxy: port $port is already in use by another process"
  cpfile=${TANDEM_S3PROXY_CLASSPATH_FILE:-$(ts_classpath s3proxy)}
  cp=$(cat "$cpfile")
  props="$data/s3proxy.properties"
  cat >"$props" <<PROPS
# Written by scripts/services/start-s3proxy.sh on every start; edit the script, not this file.
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${TANDEM_S3_ACCESS_KEY:-tandem}
s3proxy.credential=${TANDEM_S3_SECRET_KEY:-tandem-secret}
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$data/blobs
PROPS
  echo "=== $(date -Is) starting s3proxy on 127.0.0.1:$port" >>"$logf"
  # shellcheck disable=SC2086 # word splitting of the option string is intended
  ts_launch "$pidf" "$logf" "$TS_JAVA" "$marker" ${TANDEM_S3PROXY_JVM_OPTS:--Xmx256m} \
    -Djava.awt.headless=true "-Dlogback.configurationFile=$TS_SCRIPT_DIR/s3proxy/logback.xml" \
    -cp "$cp" org.gaul.s3proxy.Main --properties "$props"
  ts_log "s3proxy: launched pid $(ts_pid_of "$pidf") (log $logf)"
fi

if [[ ${TANDEM_NO_WAIT:-0} == 1 ]]; then exit 0; fi
ts_wait_ready "s3proxy 127.0.0.1:$port" "ts_http_ping $port" "$timeout_s" "$logf" "$pidf" "$marker"
ts_log "s3proxy 127.0.0.1:$port ready ($(( $(ts_now_ms) - t0 )) ms)"
