#!/usr/bin/env bash
# Many clients at once (default 50 x 20 MiB up and back down) against one client alone, segment round trips.
# Usage: bench/clients.sh [clients, default 50] [MiB each, default 20]
# Builds the WAR, starts WildFly with it (bench/server.sh), runs vn.mydrive.bench.ConcurrentClientsBenchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
PID=$(bench/server.sh start | tail -1)
trap 'bench/server.sh stop' EXIT
java -Xmx3g -cp "$(cat target/bench/runtime-classpath.txt)" -Dclients="${1:-50}" -Dmib="${2:-20}" \
    vn.mydrive.bench.ConcurrentClientsBenchmark
