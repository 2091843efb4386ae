#!/usr/bin/env bash
# Creates the hotline's topics with their settings. Usage: create-topics.sh <bootstrap> <replicas> <min-isr>
# [command-config] (compose passes 1 1; a production cluster takes 3 2, see docs/kafka-production.md, and the admin
# client's settings file of a cluster with SASL_SSL, as the system tests' SecuredCluster does). KAFKA_TOPICS_CMD is the
# kafka-topics command (default: the Apache image's script; the local stack passes Kafka's TopicCommand class).
set -euo pipefail
bootstrap="$1" replicas="$2" min_isr="$3"
read -ra topics <<<"${KAFKA_TOPICS_CMD:-/opt/kafka/bin/kafka-topics.sh}"
if [[ -n ${4:-} ]]; then topics+=(--command-config "$4"); fi
create() { # name partitions config...
  local name=$1 partitions=$2; shift 2
  local configs=(--config "min.insync.replicas=$min_isr" --config unclean.leader.election.enable=false)
  for config in "$@"; do configs+=(--config "$config"); done
  "${topics[@]}" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replicas" "${configs[@]}"
}
create complaints.received.v1 6 retention.ms=-1
create complaints.routed.v1 6 retention.ms=-1
create notifications.outcomes.v1 6 retention.ms=-1
# Dead-letter topics have as many partitions as their source: a dead letter keeps its partition number.
create complaints.received.v1.dlt 6 retention.ms=2592000000
create complaints.routed.v1.dlt 6 retention.ms=2592000000
create intake.idempotency.v1 6 cleanup.policy=compact,delete retention.ms=2592000000
# Each complaint's data key (docs/security.md, "Per-complaint keys"): compacted; tombstones kept 30 days.
create complaints.keys.v1 6 cleanup.policy=compact retention.ms=-1 delete.retention.ms=2592000000 segment.ms=86400000
# Who among staff and admins did what (docs/security.md, "Audit"), keyed by account: kept a year.
create audit.events.v1 6 retention.ms=31536000000
# Notification's ledger: partition p holds the messages of complaints.routed.v1 partition p, so it has as many.
create notification.ledger.v1 6 cleanup.policy=compact
# The same for the escalation ladder's letters, partition p holding those of cases.events.v1 partition p.
create notification.ledger.cases.v1 6 cleanup.policy=compact
create cases.events.v1.notification.dlt 6 retention.ms=2592000000
# The case service: its events, and its case files by reference (compacted; read whole by every instance). Its
# Kafka Streams changelog is created by Kafka Streams itself.
create cases.events.v1 6 retention.ms=-1
create case.status.v1 6 cleanup.policy=compact
"${topics[@]}" --bootstrap-server "$bootstrap" --list
