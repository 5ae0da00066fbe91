#!/usr/bin/env bash
# Upload through headless Chromium: the drive page against a bare WebSocket to a sink, same file, same run.
# Needs chromium and chromium-driver (Debian), as the tests do.
# Usage: bench/browser.sh [MiB, default 128] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
bench/sink.sh
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dmib="${1:-128}" -Drounds="${2:-3}" ${BENCH_OPTS:-} vn.mydrive.bench.BrowserTransferBenchmark
