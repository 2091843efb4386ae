#!/bin/bash
# Writes server.properties from KAFKA_* variables (as the apache/kafka image reads them), formats the data
# directory on first start, and runs the broker as PID 1 (exec), so
# SIGTERM reaches Kafka and it shuts down cleanly.
set -euo pipefail
config=/tmp/server.properties
defaults=(
  process.roles=broker,controller
  node.id=1
  controller.quorum.voters=1@localhost:9093
  listeners=PLAINTEXT://:9092,CONTROLLER://:9093
  advertised.listeners=PLAINTEXT://localhost:9092
  controller.listener.names=CONTROLLER
  listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
  log.dirs=/var/lib/kafka/data
  num.partitions=6
  offsets.topic.replication.factor=1
  transaction.state.log.replication.factor=1
  transaction.state.log.min.isr=1
  auto.create.topics.enable=false
  unclean.leader.election.enable=false
  group.initial.rebalance.delay.ms=0
)
declare -A settings
for line in "${defaults[@]}"; do settings[${line%%=*}]=${line#*=}; done
# Variables that configure the JVM or this script rather than the broker.
not_settings=" KAFKA_HEAP_OPTS KAFKA_OPTS KAFKA_JVM_PERFORMANCE_OPTS KAFKA_TOPICS_CMD KAFKA_FORMAT_SCRAM "
while IFS='=' read -r name value; do
  [[ $name == KAFKA_* && $not_settings != *" $name "* ]] || continue
  # As apache/kafka: _ is a dot, __ an underscore, ___ a dash (KAFKA_LISTENER_NAME_X___Y -> listener.name.x-y).
  key=${name#KAFKA_}; key=${key,,}; key=${key//___/-}; key=${key//__/@}; key=${key//_/.}; key=${key//@/_}
  settings[$key]=$value
done < <(env)
: > "$config"
for key in "${!settings[@]}"; do echo "$key=${settings[$key]}" >> "$config"; done

if [[ ! -f "${settings[log.dirs]}/meta.properties" ]]; then
  cluster_id="${CLUSTER_ID:-$(/opt/kafka/bin/kafka-tool.sh kafka.tools.StorageTool random-uuid)}"
  # SCRAM users the cluster needs before it can answer (the inter-broker one): KAFKA_FORMAT_SCRAM holds them,
  # separated by spaces, each as kafka-storage's --add-scram takes it: SCRAM-SHA-512=[name=admin,password=...].
  format=(format -t "$cluster_id" -c "$config")
  read -ra scram <<<"${KAFKA_FORMAT_SCRAM:-}"
  for user in "${scram[@]}"; do format+=(--add-scram "$user"); done
  /opt/kafka/bin/kafka-tool.sh kafka.tools.StorageTool "${format[@]}"
fi
# shellcheck disable=SC2086 # the options are a list of words
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_OPTS:-} -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  -cp '/opt/kafka/libs/*' kafka.Kafka "$config"
