#!/usr/bin/env bash
# What reading one complaint costs the intake (JSON parse, shape against the published schema, binding, validation),
# beside Jackson's bare parse of the same body in the same run. Writes its table to BENCH_OUTPUT
# (intake-service/target/request-reading.md). Settings: see micro-benchmark.sh.
exec "$(dirname "$0")/micro-benchmark.sh" intake-service \
  org.hotline.intake.complaint.web.RequestReadingBenchmark request-reading.md
