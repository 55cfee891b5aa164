#!/usr/bin/env bash
# The fan-out benchmark: builds the node and the bench (compile only: no tests, no shading, no install),
# then runs vn.hanoi.cityops.bench.FanoutBench in its own JVM (node + bare Vert.x server), which starts the
# clients' JVM itself. Extra arguments go to the bench, e.g.
#   bash bench/run-fanout.sh --sizes 1000 --seconds 10
# Set SKIP_BUILD=1 to reuse the last build. Report: bench/results/latest-fanout.md.
# Exit 1: the run is invalid (a connection missing or closed, a failed ingest request, no samples);
# 2: the node did not start; 3: the bench failed.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CP_FILE="$BENCH_DIR/target/bench-classpath.txt"

# 5,000 sockets on each side of the loopback in two JVMs, plus PostgreSQL: raise the open-files limit
# (the clients' JVM inherits it). Root may raise the hard limit too; others get what the hard limit allows.
WANT_FILES=65536
if [[ "$(ulimit -Hn)" != "unlimited" && "$(ulimit -Hn)" -lt "$WANT_FILES" ]]; then
  ulimit -Hn "$WANT_FILES" 2>/dev/null || true
fi
ulimit -Sn "$WANT_FILES" 2>/dev/null || ulimit -Sn "$(ulimit -Hn)"
echo "[run-fanout] open files limit: $(ulimit -Sn)" >&2
if [[ "$(ulimit -Sn)" != "unlimited" && "$(ulimit -Sn)" -lt 12000 ]]; then
  echo "[run-fanout] warning: fewer than 12,000 open files allowed; 5,000 sockets per JVM may fail" >&2
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "[run-fanout] building verticles + bench (mvn compile, tests skipped)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl bench -am process-classes)
fi
if [[ ! -s "$CP_FILE" ]]; then
  echo "[run-fanout] missing $CP_FILE: run without SKIP_BUILD=1" >&2
  exit 2
fi

JFR=()
if [[ -n "${BENCH_JFR:-}" ]]; then
  # a CPU profile of the server JVM (node + bare server): BENCH_JFR=bench/target/fanout.jfr
  JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR},settings=profile")
fi

cd "$ROOT"
exec java -Xmx2g -Xms1g "${JFR[@]}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory \
  -cp "$BENCH_DIR/target/classes:$(cat "$CP_FILE")" \
  vn.hanoi.cityops.bench.FanoutBench --bench-dir "$BENCH_DIR" "$@"
