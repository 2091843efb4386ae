#!/usr/bin/env bash
# What writing one ComplaintRouted costs routing (the bodies, their reasons in three languages, their deadlines, the
# complaint's parts), beside Jackson writing the same event from a tree in the same run. Writes its table to
# BENCH_OUTPUT (routing-service/target/event-writing.md). Settings: see micro-benchmark.sh.
exec "$(dirname "$0")/micro-benchmark.sh" routing-service \
  org.hotline.routing.complaint.messaging.EventWritingBenchmark event-writing.md
