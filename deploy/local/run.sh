#!/usr/bin/env bash
# The whole system on this machine with one command: a Kafka broker (KRaft, Apache's jars), a local mailbox,
# and the four services as separate processes with the sample Kazakhstan directory and development keys.
# Waits until everything is healthy, prints where to look, and stops every process it started on Ctrl-C.
#
#   deploy/local/run.sh              build what is needed, then start
#   SKIP_BUILD=1 deploy/local/run.sh start from the jars already built
#   FRESH=1 deploy/local/run.sh      forget the broker's data (every topic, notification's ledger
#                                    notification.ledger.v1 included), the case service's local state, the
#                                    services' stores of the complaints' keys and the mailbox first
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="$root/.local"
logs="$state/logs"
version="0.1.0-SNAPSHOT"

# name | jar | api port | management port | health path
# name|jar|port|management port|health path|heap. The case service keeps its state in RocksDB, outside the heap,
# under a budget of its own (docs/case.md, "Bounded memory"): its heap holds little more than the records in flight.
services=(
  "mail-catcher|deploy/mail-catcher/target/mail-catcher-$version.jar|8025|8025|/health|384m"
  "intake-service|intake-service/target/intake-service-$version.jar|8080|8081|/actuator/health/readiness|384m"
  "routing-service|routing-service/target/routing-service-$version.jar|8082|8083|/actuator/health/readiness|384m"
  "notification-service|notification-service/target/notification-service-$version.jar|8084|8085|/actuator/health/readiness|384m"
  "case-service|case-service/target/case-service-$version.jar|8086|8087|/actuator/health/readiness|192m"
)
ports=(9092 9093 2525 8025 8080 8081 8082 8083 8084 8085 8086 8087)
pids=()

fail() { echo "error: $*" >&2; exit 1; }

stop_all() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo; echo "Stopping ${#pids[@]} processes..."
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    done
  fi
  rm -f "$state/stack.ready"
  if ((${#pids[@]})); then echo "Stopped. Logs are in $logs."; fi
}
trap stop_all EXIT
trap 'stop_all; exit 0' INT TERM

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_log_and_fail() {
  echo "error: $1 did not start. The end of its log ($logs/$1.log):" >&2
  tail -n 40 "$logs/$1.log" >&2 || true
  exit 1
}

wait_healthy() { # name pid url seconds
  local name=$1 pid=$2 url=$3 seconds=$4
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || show_log_and_fail "$name"
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  show_log_and_fail "$name"
}

java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
[[ -n "$java_major" && "${java_major%%.*}" -ge 17 ]] || fail "Java 17 or newer is needed; this is $(java -version 2>&1 | head -1)"
command -v curl >/dev/null || fail "curl is needed (apt-get install curl)"
for port in "${ports[@]}"; do
  port_taken "$port" && fail "port $port is taken; stop what uses it ('ss -ltnp | grep :$port' shows it) and retry"
done

if [[ "${FRESH:-0}" == 1 ]]; then
  rm -rf "$state/kafka-data" "$state/mail" "$state/case-service" "$state/complaint-keys"
fi
mkdir -p "$logs" "$state/mail"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (./mvnw package -DskipTests; SKIP_BUILD=1 skips this)..."
  (cd "$root" && ./mvnw -q -B package -DskipTests) > "$logs/build.log" 2>&1 || { tail -n 40 "$logs/build.log"; fail "the build failed; see $logs/build.log"; }
fi

echo "Starting Kafka on 127.0.0.1:9092 (data in $state/kafka-data)..."
"$root/deploy/local-kafka/kafka.sh" > "$logs/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  kill -0 "${pids[0]}" 2>/dev/null || show_log_and_fail kafka
  port_taken 9092 && break
  sleep 0.5
done
port_taken 9092 || show_log_and_fail kafka

# Every topic with its settings before any service starts, as Strimzi or an operator does in production: a
# service that happened to create a topic first would otherwise give it its own idea of the partition count.
echo "Creating topics..."
KAFKA_TOPICS_CMD="java -cp $(cat "$root/deploy/local-kafka/target/kafka.classpath") org.apache.kafka.tools.TopicCommand" \
  "$root/deploy/compose/create-topics.sh" 127.0.0.1:9092 1 1 > "$logs/topics.log" 2>&1 \
  || { cat "$logs/topics.log"; fail "could not create the topics"; }

export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
export MAIL_CATCHER_DIR="$state/mail" SMTP_HOST=127.0.0.1 SMTP_PORT=2525
# The case service's RocksDB copy of its case files; rebuilt from Kafka when missing.
export CASE_STATE_DIR="$state/case-service"
for entry in "${services[@]}"; do
  IFS='|' read -r name jar port management health heap <<<"$entry"
  [[ -f "$root/$jar" ]] || fail "$jar is missing; run without SKIP_BUILD=1"
  echo "Starting $name..."
  # The dev profile's keys and accounts are public and kept out of the jars: they come from deploy/dev-config.
  # Notification's and the case service's stores of the complaints' keys live with the stack's other state (the
  # setting is ignored by the services that have none). Two malloc arenas and the JDK's socket buffers bounded, as in
  # the image (deploy/docker/Dockerfile).
  MALLOC_ARENA_MAX=2 java "-Xmx$heap" -Djdk.nio.maxCachedBufferSize=262144 \
    -jar "$root/$jar" --spring.profiles.active=dev \
    --spring.config.additional-location="file:$root/deploy/dev-config/$name/" \
    --hotline.sealing.complaint-keys.directory="$state/complaint-keys/$name" > "$logs/$name.log" 2>&1 &
  pids+=($!)
done
i=1
for entry in "${services[@]}"; do
  IFS='|' read -r name jar port management health heap <<<"$entry"
  wait_healthy "$name" "${pids[i]}" "http://127.0.0.1:$management$health" 120
  i=$((i + 1))
done

cat <<EOT

The hotline backend is running.

  Complaint form      http://localhost:8080/
  Intake API          http://localhost:8080/api/v1/complaints
  Swagger UI          http://localhost:8080/swagger-ui.html  (routing :8082, case :8086; docs/api.md)
  Routing preview     http://localhost:8082/api/v1/routing/preview  (dev-staff / dev-staff-password)
  Directory reload    http://localhost:8082/api/v1/routing/directory/reload  (dev-admin / dev-admin-password)
  Case status         http://localhost:8086/api/v1/complaints/status   (POST reference + trackingCode of the 202)
  Mailbox             http://localhost:8025/   (JSON: /api/messages, emptied by DELETE; files: $state/mail)
  Metrics             http://localhost:8081/actuator/prometheus  (routing :8083, notification :8085, case :8087;
                      dev-ops / dev-ops-password; the dev profile's accounts, docs/security.md)
  Logs                $logs

Submit the guide's cases and a few others, and see where their emails landed:

  deploy/local/submit-samples.sh

Or paste:

  curl -s -X POST localhost:8080/api/v1/complaints -H 'Content-Type: application/json' \\
    -d '{"channel":"WEB","language":"en","incident":{"categories":["SEXUAL_HARASSMENT","RETALIATION"],"description":"My manager made advances; after I refused, my bonus was cut."},"location":{"country":"KZ","region":"KZ-75"},"workplace":{"sector":"PRIVATE","type":"COMPANY"},"accused":{"role":"SUPERVISOR"},"complainant":{"mode":"OPEN","name":"Dana","email":"dana@example.org","consentToContact":true}}'

Then ask for its status with the reference and tracking code of the 202:

  curl -s -X POST localhost:8086/api/v1/complaints/status -H 'Content-Type: application/json' \\
    -d '{"reference":"HL-...","trackingCode":"...."}'

Ctrl-C stops everything.
EOT
echo "READY" > "$state/stack.ready"
wait -n "${pids[@]}" || true
echo "error: a process of the stack stopped on its own; see $logs" >&2
exit 1
