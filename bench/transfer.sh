#!/usr/bin/env bash
# Upload/download throughput of MyDrive against the MongoDB driver into the same store, and server heap; also the
# same file sent to a bare WebSocket sink (the server's cost of only receiving it); CPU seconds per GiB of each.
# Usage: bench/transfer.sh [sizes-in-MiB, default 1024] [rounds, default 3]
# Builds the WAR, starts WildFly with it (bench/server.sh), runs vn.mydrive.bench.TransferBenchmark, stops.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-1024}"
ROUNDS="${2:-3}"
bench/build.sh
PID=$(bench/server.sh start | tail -1)
trap 'bench/server.sh stop' EXIT
bench/sink.sh
java -Xmx1g -cp "$(cat target/bench/runtime-classpath.txt)" \
    -Dsizes="$SIZES" -Drounds="$ROUNDS" -Dserver.pid="$PID" -Dsink=true -Dwork.dir=target/bench \
    vn.mydrive.bench.TransferBenchmark
