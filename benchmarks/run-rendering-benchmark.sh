#!/usr/bin/env bash
# What rendering one email costs the notification service's sender: the MIME of a Russian authority notice as
# Jakarta Mail builds it from the texts (the floor, how the renderer did it before), the same MIME from texts
# encoded once (EncodedText), and the renderer's whole work (templates, link, MIME), in the same run.
# Writes its table to BENCH_OUTPUT (notification-service/target/rendering.md).
# Settings: BENCH_ROUNDS (7), BENCH_ROUND_MILLIS (1500); MVN_FLAGS (e.g. -o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor build, so that the classpath names the sibling modules' fresh classes, not an installed copy.
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_FLAGS:-} -pl notification-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx512m \
  -Dbench.rounds="${BENCH_ROUNDS:-7}" \
  -Dbench.roundMillis="${BENCH_ROUND_MILLIS:-1500}" \
  -Dbench.output="${BENCH_OUTPUT:-notification-service/target/rendering.md}" \
  -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat notification-service/target/bench.classpath)" \
  org.hotline.notification.dispatch.mail.RenderingBenchmark
