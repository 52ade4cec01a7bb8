#!/usr/bin/env bash
# The outside client of bench serve's cross-check: wrk (Debian's package, installed when missing, as
# scripts/services.sh installs chromium) with scripts/bench/wrk-users.lua, which spreads the requests over the
# synthetic users. Start the server with `./tandem bench serve ... --hold 120`, then, with the URL it prints:
#
#   TANDEM_USERS_FILE=/tmp/tandem-bench-users-....txt scripts/bench/wrk.sh http://localhost:PORT -t1 -c16 -d10s
#
# Arguments after the URL go to wrk (default -t1 -c16 -d10s). Debian's wrk is closed-loop: -c connections each
# send the next request when the last answered, so it reports the rate the server sustains at that concurrency,
# not latency at a fixed rate (bench serve's open-loop figure). The machine's load average is printed before and after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[[ $# -ge 1 ]] || { echo "usage: $0 URL [wrk options, default -t1 -c16 -d10s]" >&2; exit 2; }
url=$1
shift
if ! command -v wrk >/dev/null; then
  [[ $(id -u) == 0 ]] || { echo "wrk is not installed; installing it needs root (apt-get install -y wrk)" >&2; exit 1; }
  echo "installing wrk (apt-get install -y wrk)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null </dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null </dev/null; }
fi
(( $# > 0 )) || set -- -t1 -c16 -d10s
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk --latency -s "$here/wrk-users.lua" "$@" "$url"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
