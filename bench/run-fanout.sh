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

exec bash "$BENCH_DIR/run-java.sh" FanoutBench "$@"
