#!/usr/bin/env bash
# Shared by the bench scripts: builds the node and the bench (compile only: no tests, no shading, no
# install) unless SKIP_BUILD=1, then runs vn.hanoi.cityops.bench.<MAIN> in its own JVM with the remaining
# arguments. BENCH_JFR=<file> adds a CPU profile (read with `jfr print --events jdk.ExecutionSample`).
#   bash bench/run-java.sh IngestBench --seconds 5
set -euo pipefail

MAIN="$1"
shift
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CP_FILE="$BENCH_DIR/target/bench-classpath.txt"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "[$MAIN] building verticles + bench (mvn compile, tests skipped)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl bench -am process-classes)
fi
if [[ ! -s "$CP_FILE" ]]; then
  echo "[$MAIN] missing $CP_FILE: run without SKIP_BUILD=1" >&2
  exit 2
fi

JFR=()
if [[ -n "${BENCH_JFR:-}" ]]; then
  JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR},settings=profile")
fi

cd "$ROOT"
exec java -Xmx2g -Xms1g "${JFR[@]}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory \
  -cp "$BENCH_DIR/target/classes:$(cat "$CP_FILE")" \
  "vn.hanoi.cityops.bench.$MAIN" --bench-dir "$BENCH_DIR" "$@"
