#!/usr/bin/env bash
# Runs the intake benchmark: the intake API at a fixed concurrency beside Kafka's own producer performance tool,
# on the same broker, in the same run. Writes intake-service/benchmarks/results.md.
# Settings: BENCH_CONCURRENCY (client counts, one run each: 16,128), BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (10).
# Earlier figures kept under "## History" in results.md survive a run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl intake-service -am test-compile -DskipTests
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-16,128}" \
  -Dbench.seconds="${BENCH_SECONDS:-30}" \
  -Dbench.warmupSeconds="${BENCH_WARMUP_SECONDS:-10}" \
  -Dbench.output=intake-service/benchmarks/results.md \
  -cp "intake-service/target/test-classes:intake-service/target/classes:$(cat intake-service/target/bench.classpath)" \
  org.hotline.intake.bench.IntakeBenchmark
