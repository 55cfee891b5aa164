#!/usr/bin/env bash
# The ingest benchmark: builds the node and the bench (compile only: no tests, no shading, no install),
# then runs vn.hanoi.cityops.bench.IngestBench in its own JVM. Extra arguments go to the bench, e.g.
#   bash bench/run-ingest.sh --seconds 5 --warmup 1
# Set SKIP_BUILD=1 to reuse the last build. Report: bench/results/latest-ingest.md. Exit 1: some request failed.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CP_FILE="$BENCH_DIR/target/bench-classpath.txt"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "[run-ingest] building verticles + bench (mvn compile, tests skipped)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl bench -am process-classes)
fi
if [[ ! -s "$CP_FILE" ]]; then
  echo "[run-ingest] missing $CP_FILE: run without SKIP_BUILD=1" >&2
  exit 2
fi

JFR=()
if [[ -n "${BENCH_JFR:-}" ]]; then
  # a cheap CPU profile of the whole run: BENCH_JFR=bench/target/ingest.jfr, read with `jfr print --events jdk.ExecutionSample`
  JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR},settings=profile")
fi

cd "$ROOT"
exec java -Xmx2g -Xms1g "${JFR[@]}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory \
  -cp "$BENCH_DIR/target/classes:$(cat "$CP_FILE")" \
  vn.hanoi.cityops.bench.IngestBench --bench-dir "$BENCH_DIR" "$@"
