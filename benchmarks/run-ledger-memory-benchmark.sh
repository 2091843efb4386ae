#!/usr/bin/env bash
# What one sent message costs in notification's ledger memory, which holds every message its partitions ever sent:
# bytes a message with the id kept as its string (the baseline) and as MessageKeys keeps it, in the same run.
# Writes its table to BENCH_OUTPUT (notification-service/target/ledger-memory.md); BENCH_MESSAGES (300000).
exec env JDK_JAVA_OPTIONS="-Dbench.messages=${BENCH_MESSAGES:-300000}" "$(dirname "$0")/micro-benchmark.sh" \
  notification-service org.hotline.notification.dispatch.ledger.LedgerMemoryBenchmark ledger-memory.md
