#!/usr/bin/env bash
# MyDrive's upload into its store against a reference resumable-upload server in the same run:
# tus-java-server (deployed next to MyDrive on the same WildFly, writing to plain disk) fed by tus-java-client.
# Usage: bench/tus.sh [MiB, default 1024] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
LIB=target/bench/tus-lib
rm -rf "$LIB" target/bench/tus-classes target/bench/tus-war
mvn -B -q -f bench/tus/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$LIB"
mkdir -p target/bench/tus-classes target/bench/tus-war/WEB-INF/lib
javac -d target/bench/tus-classes -cp "$LIB/*:$(cat target/bench/runtime-classpath.txt)" bench/tus/*.java
cp -r target/bench/tus-classes target/bench/tus-war/WEB-INF/classes
rm -rf target/bench/tus-war/WEB-INF/classes/vn/mydrive/bench/tus/TusBenchmark.class
# The server's own servlet API and SLF4J are used; the tus client is not needed on the server.
find "$LIB" -name '*.jar' ! -name 'jakarta.servlet-api*' ! -name 'slf4j-*' ! -name 'tus-java-client*' \
    ! -name 'annotations*' -exec cp {} target/bench/tus-war/WEB-INF/lib/ \;
(cd target/bench/tus-war && jar cf ../tus.war .)
bench/server.sh start > /dev/null
trap 'bench/server.sh stop; rm -rf /tmp/tus-bench' EXIT
bench/server.sh deploy target/bench/tus.war
java -Xmx1g -cp "target/bench/tus-classes:$LIB/*:$(cat target/bench/runtime-classpath.txt)" \
    -Dmib="${1:-1024}" -Drounds="${2:-3}" vn.mydrive.bench.tus.TusBenchmark
