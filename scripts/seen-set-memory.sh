#!/bin/bash
# Memory and read time of the seen set (one Redis SET per user, ADR-0012) for several sizes and id shapes:
# MEMORY USAGE, OBJECT ENCODING and redis-benchmark of SMEMBERS, as in docs/benchmarks.md ("Online store: the
# seen set"). Writes keys under "seen-set-measure:" on the Redis redis-cli reaches (REDISCLI_* / -h -p through
# REDIS_CLI_ARGS) and deletes them at the end. Needs redis-cli, redis-benchmark and python3.
# Usage: scripts/seen-set-memory.sh [sizes...]   (default: 100 500 1000 10000 100000)
set -euo pipefail
read -r -a CLI_ARGS <<< "${REDIS_CLI_ARGS:-}"
cli() { redis-cli "${CLI_ARGS[@]}" "$@"; }
P="seen-set-measure:"
trap 'cli --scan --pattern "${P}*" | xargs -r redis-cli "${CLI_ARGS[@]}" DEL >/dev/null' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 500 1000 10000 100000)
echo "items,ids,encoding,bytes,bytes_per_item,smembers_rps,avg_ms,min_ms,p50_ms,p95_ms,p99_ms,max_ms"
for n in "${sizes[@]}"; do
  for shape in int str uuid; do
    key="${P}seen:${shape}:${n}"
    cli DEL "$key" >/dev/null
    python3 - "$n" "$shape" "$key" <<'PY' | cli --pipe >/dev/null
import random, sys, uuid
n, shape, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(n)
def ident(i):
    if shape == 'int':
        return str(i * 7 + 1)
    if shape == 'str':
        return 'item-%06d' % i
    return str(uuid.UUID(int=random.getrandbits(128)))
batch = []
for i in range(n):
    batch.append(ident(i))
    if len(batch) == 1000 or i == n - 1:
        args = ['SADD', key] + batch
        sys.stdout.write('*%d\r\n' % len(args) + ''.join('$%d\r\n%s\r\n' % (len(a), a) for a in args))
        batch = []
PY
    bytes=$(cli MEMORY USAGE "$key" SAMPLES 0)
    encoding=$(cli OBJECT ENCODING "$key")
    requests=$(( n >= 100000 ? 50 : 2000 ))
    latency=$(redis-benchmark "${CLI_ARGS[@]}" -q -n "$requests" -c 1 --csv SMEMBERS "$key" 2>/dev/null | tail -1 \
      | cut -d, -f2- | tr -d '"')
    echo "$n,$shape,$encoding,$bytes,$(awk -v m="$bytes" -v n="$n" 'BEGIN{printf "%.1f", m/n}'),$latency"
  done
done
