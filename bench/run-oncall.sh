#!/usr/bin/env bash
# The on-call benchmark: builds the node and the bench (compile only: no tests, no shading, no install), then runs
# vn.hanoi.cityops.bench.OnCallBench in its own JVM (node + GreenMail SMTP server), which starts the load
# generator's JVM itself. Extra arguments go to the bench, e.g.
#   bash bench/run-oncall.sh --outages 240 --gap-ms 200
# Set SKIP_BUILD=1 to reuse the last build. Report: bench/results/latest-oncall.md.
# Exit 1: the run is invalid (an outage without its page, a page twice, a failed request); 2: the node did not start.
set -euo pipefail

exec bash "$(dirname "${BASH_SOURCE[0]}")/run-java.sh" OnCallBench "$@"
