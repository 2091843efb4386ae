#!/usr/bin/env bash
# Runs one of the services' micro-benchmarks (test-support's MicroBenchmark: one call on one thread, beside a floor
# measured in the same run) on the module's fresh classes; the run-*-benchmark.sh scripts name which.
# Usage: benchmarks/micro-benchmark.sh MODULE MAIN-CLASS TABLE-FILE (under the module's target/)
# Settings: BENCH_ROUNDS (7), BENCH_ROUND_MILLIS (1500), BENCH_OUTPUT (where the table goes); MVN_FLAGS (e.g. -o to
# build offline).
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1 main=$2 table=$3
# One reactor build, so that the classpath names the sibling modules' fresh classes, not an installed copy.
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_FLAGS:-} -pl "$module" -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" \
  -Dbench.roundMillis="${BENCH_ROUND_MILLIS:-1500}" \
  -Dbench.output="${BENCH_OUTPUT:-$module/target/$table}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  "$main"
