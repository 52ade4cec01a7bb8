#!/usr/bin/env bash
# End-to-end check of the services started by scripts/services.sh up: Redis PING/SET/GET,
# PostgreSQL "select 1" on database tandem (user postgres, no password, TCP), one Kafka message
# produced and consumed with Kafka's console tools, and an S3 bucket + object put/get/delete
# with curl's SigV4 signing. Prints "N passed, N failed"; exits non-zero on any failure.
# Ports and S3 credentials follow the same TANDEM_* variables as services.sh.
set -uo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

REDIS_PORT=${TANDEM_REDIS_PORT:-6379}
PG_PORT=${TANDEM_PG_PORT:-5432}
KAFKA_PORT=${TANDEM_KAFKA_PORT:-9092}
S3_PORT=${TANDEM_S3_PORT:-9000}
AK=${TANDEM_S3_ACCESS_KEY:-tandem}
SK=${TANDEM_S3_SECRET_KEY:-tandem-secret}
passed=0 failed=0
check() { # NAME CMD...
  local name=$1 t0 out; shift
  t0=$(ts_now_ms)
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok    $name ($(( $(ts_now_ms) - t0 )) ms)"
  else
    failed=$((failed + 1)); echo "FAIL  $name: $(tail -n 5 <<<"$out")"
  fi
}
stamp="smoke-$(date +%s)-$$"

redis_check() {
  local r
  r=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "SET %s hello\r\nGET %s\r\nDEL %s\r\n" "$1" "$1" "$1" >&3; head -c 20 <&3' "$REDIS_PORT" "tandem:$stamp")
  # $(...) dropped the reply's last \n
  [[ $r == $'+OK\r\n$5\r\nhello\r\n:1\r' ]] || { echo "unexpected reply: $(od -c <<<"$r" | head -3)"; return 1; }
}
pg_check() {
  [[ $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tandem -w -XtAc 'select 1' </dev/null) == 1 ]]
}
kafka_check() {
  local cp log4j=(-Dlog4j2.configurationFile="$TS_SCRIPT_DIR/kafka/log4j2-tools.xml") got
  cp=$(cat "$(ts_classpath kafka)") || return 1
  echo "$stamp" | "$TS_JAVA" -XX:TieredStopAtLevel=1 "${log4j[@]}" -cp "$cp" org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic "$stamp" --producer-property acks=all >&2
  got=$("$TS_JAVA" -XX:TieredStopAtLevel=1 "${log4j[@]}" -cp "$cp" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic "$stamp" --from-beginning --max-messages 1 \
    --timeout-ms 30000 2>/dev/null </dev/null)
  [[ $got == "$stamp" ]] || { echo "consumed '$got', expected '$stamp'"; return 1; }
  "$TS_JAVA" -XX:TieredStopAtLevel=1 "${log4j[@]}" -cp "$cp" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --delete --topic "$stamp" </dev/null
}
s3_check() {
  local url="http://127.0.0.1:$S3_PORT/$stamp" empty=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
  local sig=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "$AK:$SK" -fsS) body="hello $stamp" got
  curl "${sig[@]}" -H "x-amz-content-sha256: $empty" -X PUT "$url" -o /dev/null || return 1
  local f
  f=$(mktemp)
  printf %s "$body" >"$f"
  curl "${sig[@]}" -H "x-amz-content-sha256: $(sha256sum "$f" | cut -d' ' -f1)" \
    -T "$f" "$url/a/object.txt" -o /dev/null || { rm -f "$f"; return 1; }
  rm -f "$f"
  got=$(curl "${sig[@]}" -H "x-amz-content-sha256: $empty" "$url/a/object.txt") || return 1
  [[ $got == "$body" ]] || { echo "got '$got'"; return 1; }
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/a/object.txt") == 403 ]] || { echo "anonymous GET not refused"; return 1; }
  curl "${sig[@]}" -H "x-amz-content-sha256: $empty" -X DELETE "$url/a/object.txt" -o /dev/null || return 1
  curl "${sig[@]}" -H "x-amz-content-sha256: $empty" -X DELETE "$url" -o /dev/null || return 1
}

check "redis 127.0.0.1:$REDIS_PORT SET/GET/DEL" redis_check
check "postgres 127.0.0.1:$PG_PORT select 1 on db tandem" pg_check
check "kafka 127.0.0.1:$KAFKA_PORT produce+consume topic $stamp" kafka_check
check "s3 127.0.0.1:$S3_PORT bucket+object put/get/delete" s3_check
echo "services smoke test: $passed ok, $failed failed"
(( failed == 0 ))
