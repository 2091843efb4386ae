#!/usr/bin/env bash
# What rendering one email costs the notification service's sender: the MIME of a Russian authority notice as
# Jakarta Mail builds it from the texts (the floor, how the renderer did it before), the same MIME from texts
# encoded once (EncodedText), and the renderer's whole work (templates, link, MIME), in the same run.
# Writes its table to BENCH_OUTPUT (notification-service/target/rendering.md).
# Settings: see micro-benchmark.sh.
exec "$(dirname "$0")/micro-benchmark.sh" notification-service \
  org.hotline.notification.dispatch.mail.RenderingBenchmark rendering.md
