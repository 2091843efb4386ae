#!/usr/bin/env bash
# What reading Kafka responses of 256 KiB to 16 MiB from a socket costs the reading thread (SocketReadBenchmark.java),
# under each setting the services' image could run with: the JDK's cached socket buffers bounded at 256 KiB
# (-Djdk.nio.maxCachedBufferSize=262144, the image's) or not, and glibc's mmap threshold left dynamic or fixed at
# 128 KiB (MALLOC_MMAP_THRESHOLD_=131072), all with MALLOC_ARENA_MAX=2 as in the image. One JVM each, in the same
# run, with the `java` on the PATH (the image runs Java 17). Writes its table to BENCH_OUTPUT
# (benchmarks/socket-read/results.md). BENCH_BYTES: bytes read for each (1 GiB); the bounded buffers with the fixed
# threshold read a sixteenth of it for responses of 4 MiB and a quarter for 16 MiB (they are that slow).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)/socket-read"
output="${BENCH_OUTPUT:-$here/results.md}"
bytes="${BENCH_BYTES:-1073741824}"
rows=()
for size in 262144 1048576 4194304 16777216; do
  # name | JVM option | glibc's threshold | slow: reads a sixteenth of the bytes at 4 MiB, a quarter at 16 MiB
  for setting in "bounded, threshold dynamic|-Djdk.nio.maxCachedBufferSize=262144||" \
      "bounded, threshold fixed|-Djdk.nio.maxCachedBufferSize=262144|131072|slow" \
      "unbounded, threshold dynamic|||" "unbounded, threshold fixed||131072|"; do
    IFS='|' read -r name option threshold slow <<<"$setting"
    total=$bytes
    if [[ -n $slow ]] && ((size == 4194304)); then
      total=$((bytes / 16))
    elif [[ -n $slow ]] && ((size == 16777216)); then
      total=$((bytes / 4))
    fi
    environment=(MALLOC_ARENA_MAX=2)
    if [[ -n $threshold ]]; then environment+=("MALLOC_MMAP_THRESHOLD_=$threshold"); fi
    # Nothing of the caller's environment may change a setting measured here.
    line=$(env -u MALLOC_MMAP_THRESHOLD_ -u MALLOC_TRIM_THRESHOLD_ -u JDK_JAVA_OPTIONS -u JAVA_TOOL_OPTIONS \
      "${environment[@]}" java -Xmx1g ${option:+"$option"} "$here/SocketReadBenchmark.java" "$size" "$total")
    echo "$name: $line"
    rows+=("| $name | $line |")
  done
done
{
  echo "# Reading Kafka responses from a socket"
  echo
  echo "Run at $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(java -version 2>&1 | head -1)," \
    "benchmarks/run-socket-read-benchmark.sh, $bytes bytes read for each setting (a sixteenth for the bounded buffers" \
    "with the fixed threshold at 4 MiB, a quarter at 16 MiB). The reading thread's CPU and wall time per MiB read." \
    "No read of a 256 KiB response goes over the bound: those rows differ only by the machine's noise."
  echo
  echo "| socket buffers, glibc's mmap threshold | response KiB | responses | reads | CPU ms a MiB | wall ms a MiB |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$output"
echo "written to $output"
