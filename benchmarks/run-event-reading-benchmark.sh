#!/usr/bin/env bash
# What reading one ComplaintReceived costs routing (parse, checks against the published schema, binding, the parts'
# raw text), beside Jackson's bare parse of the same record in the same run. Writes its table to BENCH_OUTPUT
# (routing-service/target/event-reading.md). Settings: see micro-benchmark.sh.
exec "$(dirname "$0")/micro-benchmark.sh" routing-service \
  org.hotline.routing.complaint.messaging.EventReadingBenchmark event-reading.md
