#!/usr/bin/env bash
# The drive page's JavaScript memory during downloads of different sizes (default 64 MiB and 2 GiB) through
# headless Chromium: the peak must stay under the same bound (window x segment + margin) for every size.
# Needs chromium and chromium-driver (Debian), as the tests do, and twice the largest size free on disk.
# Usage: bench/page-memory.sh [MiB ...]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
sizes="${*:-64 2048}"
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dsizes="${sizes// /,}" vn.mydrive.bench.PageMemoryBenchmark
