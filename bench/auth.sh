#!/usr/bin/env bash
# Sign-ins per second and token checks per second.
# Usage: bench/auth.sh [callers, default 4] [seconds per figure, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dthreads="${1:-4}" -Dseconds="${2:-20}" vn.mydrive.bench.AuthBenchmark
