#!/usr/bin/env bash
# What reading one ComplaintReceived costs routing (parse, checks against the published schema, binding, the parts'
# raw text), beside Jackson's bare parse of the same record in the same run. Writes its table to BENCH_OUTPUT
# (routing-service/target/event-reading.md). Settings: BENCH_ROUNDS (7), BENCH_ROUND_MILLIS (1500); Maven options
# such as -o in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor build, so that the sibling modules (web-support) are this tree's classes, not an installed copy.
./mvnw -q -B -pl routing-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" \
  -Dbench.roundMillis="${BENCH_ROUND_MILLIS:-1500}" \
  -Dbench.output="${BENCH_OUTPUT:-routing-service/target/event-reading.md}" \
  -cp "routing-service/target/test-classes:routing-service/target/classes:$(cat routing-service/target/bench.classpath)" \
  org.hotline.routing.complaint.messaging.EventReadingBenchmark
