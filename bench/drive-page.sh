#!/usr/bin/env bash
# The drive page's server time with many files stored (default 10,000) in 500 folders of four owners.
# Usage: bench/drive-page.sh [files, default 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dfiles="${1:-10000}" vn.mydrive.bench.DrivePageBenchmark
