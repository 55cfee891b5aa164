#!/usr/bin/env bash
# The ingest benchmark: builds the node and the bench (compile only: no tests, no shading, no install),
# then runs vn.hanoi.cityops.bench.IngestBench in its own JVM. Extra arguments go to the bench, e.g.
#   bash bench/run-ingest.sh --seconds 5 --warmup 1
# Set SKIP_BUILD=1 to reuse the last build. Report: bench/results/latest-ingest.md. Exit 1: some request failed.
set -euo pipefail

exec bash "$(dirname "${BASH_SOURCE[0]}")/run-java.sh" IngestBench "$@"
