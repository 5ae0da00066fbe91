#!/usr/bin/env bash
# Issue 17's cost table: where the server's CPU (or its allocations) go while bench/transfer.sh's benchmark writes a
# file through the driver, reads it back, sends it to a bare WebSocket sink, uploads it through MyDrive and downloads
# it again; one profile per phase and per process (server, and the benchmark's client), summed by stage.
# async-profiler comes from Maven Central (tools.profiler:async-profiler) and is attached to the running server
# for each phase (bench/java/.../ServerProfiler.java); nothing is downloaded from elsewhere.
# Two rounds: each phase's profile is kept from the second, once the server is warm (the first's JIT work aside).
# Usage: bench/profile.sh [cpu|alloc] [MiB, default 1024]
# Output: target/bench/profiles/<phase>[-client]-<event>.collapsed (folded stacks: flame graphs' input), the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENT="${1:-cpu}"
SIZE="${2:-1024}"
VERSION=4.2
bench/build.sh
mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$VERSION -DoutputDirectory=target/bench/profiler
(cd target/bench/profiler && unzip -o -q async-profiler-$VERSION.jar 'linux-x64/*')
LIB="$PWD/target/bench/profiler/linux-x64/libasyncProfiler.so"
PID=$(bench/server.sh start | tail -1)
trap 'bench/server.sh stop' EXIT
bench/sink.sh
java -Xmx1g -Djdk.attach.allowAttachSelf=true -cp "$(cat target/bench/runtime-classpath.txt)" \
    -Dsizes="$SIZE" -Drounds=2 -Dserver.pid="$PID" -Dsink=true -Dwork.dir=target/bench \
    -Dprofile.lib="$LIB" -Dprofile.event="$EVENT" -Dprofile.dir=target/bench/profiles \
    vn.mydrive.bench.TransferBenchmark
for phase in driver-write driver-read bare-socket app-upload app-download; do
    for side in "" -client; do
        java -cp target/test-classes vn.mydrive.bench.ProfileStages "target/bench/profiles/$phase$side-$EVENT.collapsed" \
            "$SIZE" "$EVENT"
    done
done
