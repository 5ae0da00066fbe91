#!/usr/bin/env bash
# Builds the bare WebSocket sink (bench/browser/SinkEndpoint.java: counts the bytes it is sent, keeps nothing) as a
# bench-only WAR and deploys it next to MyDrive on the server bench/server.sh started. Used by bench/browser.sh
# (the browser's ceiling) and bench/transfer.sh, bench/profile.sh (the server's cost of only receiving a file).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/bench/sink-war && mkdir -p target/bench/sink-war/WEB-INF/classes
javac -d target/bench/sink-war/WEB-INF/classes -cp "$(cat target/bench/runtime-classpath.txt)" bench/browser/SinkEndpoint.java
cp bench/browser/sink.html target/bench/sink-war/
(cd target/bench/sink-war && jar cf ../sink.war .)
bench/server.sh deploy target/bench/sink.war
