#!/bin/bash
# Runs one of Kafka's tool classes with the broker's jars: kafka-tool.sh <class> [arguments...]
set -euo pipefail
exec java -Xmx256m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' "$@"
