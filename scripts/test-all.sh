#!/usr/bin/env bash
# The whole test suite: starts (or reuses) the real services on loopback, then runs every unit test,
# integration test (*IT, against those services) and architecture rule. Services stay up afterwards
# for the next run; `scripts/services.sh down` stops what this started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/services.sh up
eval "$(scripts/services.sh env)"
# XGBoost's OpenMP workers spin while waiting, which starves the servers the tests talk to on 2 cores.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec mvn -B verify "$@"
