#!/usr/bin/env bash
# Starts a one-node KRaft Kafka broker from Apache's own jars (fetched from Maven Central by Maven), on
# 127.0.0.1:9092, keeping its data in .local/kafka-data so that a restart keeps the topics.
#   deploy/local-kafka/kafka.sh            run in the foreground (Ctrl-C stops it)
#   KAFKA_DATA=/some/dir deploy/local-kafka/kafka.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/deploy/local-kafka"
data="${KAFKA_DATA:-$root/.local/kafka-data}"
classpath_file="$here/target/kafka.classpath"

if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  echo "error: Java 17 or newer is needed; 'java -version' says: $(java -version 2>&1 | head -1)" >&2
  exit 1
fi
if (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; then
  echo "error: port 9092 is taken; is another Kafka running? ('ss -ltnp | grep 9092' shows which process)" >&2
  exit 1
fi
if [[ ! -s "$classpath_file" || "$here/pom.xml" -nt "$classpath_file" ]]; then
  "$root/mvnw" -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
fi
cp="$(cat "$classpath_file")"
mkdir -p "$data"
config="$data/server.properties"
sed "s#^log.dirs=.*##" "$here/server.properties" > "$config"
echo "log.dirs=$data/logs" >> "$config"
if [[ ! -f "$data/logs/meta.properties" ]]; then
  java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
    -c "$config" >&2
fi
exec java -Xmx512m -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$cp" kafka.Kafka "$config"
