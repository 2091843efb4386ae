#!/usr/bin/env bash
# What reading one complaint costs the intake (JSON parse, shape against the published schema, binding, validation),
# beside Jackson's bare parse of the same body in the same run. Writes its table to BENCH_OUTPUT
# (intake-service/target/request-reading.md). Settings: BENCH_ROUNDS (7), BENCH_ROUND_MILLIS (1500).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl intake-service -am test-compile -DskipTests
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx512m \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" \
  -Dbench.roundMillis="${BENCH_ROUND_MILLIS:-1500}" \
  -Dbench.output="${BENCH_OUTPUT:-intake-service/target/request-reading.md}" \
  -cp "intake-service/target/test-classes:intake-service/target/classes:$(cat intake-service/target/bench.classpath)" \
  org.hotline.intake.complaint.web.RequestReadingBenchmark
