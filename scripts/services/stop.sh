#!/usr/bin/env bash
# Stops the process named by PID_FILE if it is alive and was started by these scripts
# (its command line contains MARKER, default "-Dtandem.service="): SIGTERM, then SIGKILL after
# TIMEOUT seconds (default 20). Removes PID_FILE. Never touches anything else.
#
#   stop.sh PID_FILE [TIMEOUT_S] [MARKER]
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

(( $# >= 1 )) || { echo "usage: $0 PID_FILE [TIMEOUT_S] [MARKER]" >&2; exit 2; }
pidf=$1 timeout_s=${2:-20} marker=${3:--Dtandem.service=}
if ! ts_pid_alive "$pidf" "$marker"; then
  [[ -e $pidf ]] && ts_log "stale pid file $pidf removed"
  rm -f "$pidf"
  exit 0
fi
pid=$(ts_pid_of "$pidf")
kill -TERM "$pid" 2>/dev/null || true
deadline=$(( $(date +%s) + timeout_s ))
while ts_proc_running "$pid"; do
  if (( $(date +%s) >= deadline )); then
    ts_log "pid $pid still alive after ${timeout_s}s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
    break
  fi
  sleep 0.1
done
rm -f "$pidf"
ts_log "stopped pid $pid ($pidf)"
