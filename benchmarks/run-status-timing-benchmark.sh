#!/usr/bin/env bash
# Whether the status answer's time tells a guesser which references exist: a known reference with its code, with a
# wrong code, and a reference no case has, asked in one shuffled sequence of the case service on a KRaft broker in
# one JVM, over HTTP and at the query alone. Writes its tables to BENCH_OUTPUT (case-service/target/status-timing.md).
# Settings: BENCH_CASES (100), BENCH_REQUESTS (3000 of each kind over HTTP; ten times as many in process).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl case-service -am test-compile -DskipTests
./mvnw -q -B -pl case-service dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx768m \
  -Dbench.cases="${BENCH_CASES:-100}" \
  -Dbench.requests="${BENCH_REQUESTS:-3000}" \
  -Dbench.output="${BENCH_OUTPUT:-case-service/target/status-timing.md}" \
  -cp "case-service/target/test-classes:case-service/target/classes:$(cat case-service/target/bench.classpath)" \
  org.hotline.cases.it.StatusTimingBenchmark
