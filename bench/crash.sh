#!/usr/bin/env bash
# Crash and restart: kill -9 the app server during uploads, restart it on the same store, verify, resume,
# and check that abandoned uploads expire without leaving chunks. Exits 1 if anything is lost or left over.
# Usage: bench/crash.sh [cycles, default 5] [MiB per upload, default 48]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
# Long enough for every cycle to resume its interrupted uploads after the restart, short enough to see the
# abandoned one expire at the end.
export MYDRIVE_DRIVE_UPLOAD_EXPIRY=PT120S
export MYDRIVE_DRIVE_SWEEP_INTERVAL=PT5S
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
java -Xmx2g -cp "$(cat target/bench/runtime-classpath.txt)" -Dcycles="${1:-5}" -Dmib="${2:-48}" \
    -Dexpiry.seconds=120 vn.mydrive.bench.CrashResumeCheck
