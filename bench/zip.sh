#!/usr/bin/env bash
# One zip of several large files through GET /api/files/archive, past 4 GiB (ZIP64), read back as it streams and
# every entry checked against its stored SHA-256, with the server's heap sampled.
# Usage: bench/zip.sh [files, default 3] [MiB each, default 1800]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
PID=$(bench/server.sh start | tail -1)
trap 'bench/server.sh stop' EXIT
java -Xmx1g -cp "$(cat target/bench/runtime-classpath.txt)" \
    -Dfiles="${1:-3}" -Dsize="${2:-1800}" -Dserver.pid="$PID" -Dwork.dir=target/bench \
    vn.mydrive.bench.ZipBenchmark
