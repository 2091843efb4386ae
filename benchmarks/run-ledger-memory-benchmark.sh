#!/usr/bin/env bash
# What one sent message costs in notification's ledger memory, which holds every message its partitions ever sent:
# bytes a message with the id kept as its string and all its state per message (the baseline), the id as MessageKeys
# keeps it, and the id so with the state as LedgerEntry.Known.of keeps it (one shared Done for a sent message).
# Writes its table to BENCH_OUTPUT (notification-service/target/ledger-memory.md). Settings: BENCH_MESSAGES (300000);
# BENCH_JVM_OPTIONS, e.g. -XX:+UseSerialGC, the collector the JVM chooses in a container of under 1,792 MiB.
exec env JDK_JAVA_OPTIONS="-Dbench.messages=${BENCH_MESSAGES:-300000} ${BENCH_JVM_OPTIONS:-}" \
  "$(dirname "$0")/micro-benchmark.sh" notification-service \
  org.hotline.notification.dispatch.ledger.LedgerMemoryBenchmark ledger-memory.md
