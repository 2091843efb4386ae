#!/usr/bin/env bash
# What reading one ComplaintRouted record costs the notification service (JSON parse, checks against the published
# schema, binding, opening its two sealed values), beside Jackson's bare parse of the same record in the same run.
# Writes its table to BENCH_OUTPUT (notification-service/target/routed-reading.md).
# Settings: see micro-benchmark.sh.
exec "$(dirname "$0")/micro-benchmark.sh" notification-service \
  org.hotline.notification.dispatch.messaging.RoutedReadingBenchmark routed-reading.md
