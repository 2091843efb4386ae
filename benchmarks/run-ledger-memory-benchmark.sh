#!/usr/bin/env bash
# What one sent message costs in notification's ledger memory, which holds every message its partitions ever sent:
# bytes a message with the id kept as its string (the baseline) and as MessageKeys keeps it, in the same run.
# Writes its table to BENCH_OUTPUT (notification-service/target/ledger-memory.md). Settings: BENCH_MESSAGES (300000);
# BENCH_JVM_OPTIONS, e.g. -XX:+UseSerialGC, the collector the JVM chooses in a container of under 1,792 MiB.
exec env JDK_JAVA_OPTIONS="-Dbench.messages=${BENCH_MESSAGES:-300000} ${BENCH_JVM_OPTIONS:-}" \
  "$(dirname "$0")/micro-benchmark.sh" notification-service \
  org.hotline.notification.dispatch.ledger.LedgerMemoryBenchmark ledger-memory.md
