#!/usr/bin/env bash
# The embedded store under write load from the app and from outside at once, with the CPUs kept busy: app
# uploads and a GridFS writer on the store's port together, for several minutes per round, then every file is
# compared, readiness must be UP and the server log must hold no store failure. Exits 1 on any failure.
# How the pressure is made: two busy loops (`yes > /dev/null`, one per core of these 2-core machines) for the whole
# run; the server keeps the 512 MiB heap bench/server.sh gives it (the default of run-server.sh too).
# Usage: bench/store-load.sh [rounds, default 5] [minutes per round, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
PID=$(bench/server.sh start | tail -1)
busy=()
cleanup() {
    kill "${busy[@]}" 2>/dev/null || true
    bench/server.sh stop
}
trap cleanup EXIT
for _ in 1 2; do
    yes > /dev/null &
    busy+=($!)
done
java -Xmx2g -cp "$(cat target/bench/runtime-classpath.txt)" -Drounds="${1:-5}" -Dminutes="${2:-3}" \
    -Dserver.pid="$PID" vn.mydrive.bench.StoreLoadCheck
