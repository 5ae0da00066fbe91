#!/usr/bin/env bash
# Upload through headless Chromium: the drive page against a bare WebSocket to a sink, same file, same run.
# Needs chromium and chromium-driver (Debian), as the tests do.
# Usage: bench/browser.sh [MiB, default 128] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
rm -rf target/bench/sink-war && mkdir -p target/bench/sink-war/WEB-INF/classes
javac -d target/bench/sink-war/WEB-INF/classes -cp "$(cat target/bench/runtime-classpath.txt)" bench/browser/SinkEndpoint.java
cp bench/browser/sink.html target/bench/sink-war/
(cd target/bench/sink-war && jar cf ../sink.war .)
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
bench/server.sh deploy target/bench/sink.war
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dmib="${1:-128}" -Drounds="${2:-3}" ${BENCH_OPTS:-} vn.mydrive.bench.BrowserTransferBenchmark
