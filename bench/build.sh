#!/usr/bin/env bash
# Builds the WAR and the benchmark classes, and writes the classpath the benchmarks run with to
# target/bench/runtime-classpath.txt. Used by the other bench/ scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -B -q -DskipTests package test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
echo "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" > target/bench/runtime-classpath.txt
