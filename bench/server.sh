#!/usr/bin/env bash
# Starts the provisioned WildFly with the built WAR for benchmarks, on a fresh embedded H2 store whose port
# is fixed so the benchmark's own driver can reach the same store. Prints the server's pid.
# Usage: bench/server.sh start|stop     (KEEP_DATA=1 starts on the store left by the last run)
#        bench/server.sh deploy <war>     (a bench-only WAR next to MyDrive; waits until it is deployed)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=target/bench/server-data
case "${1:-start}" in
start)
    if [ -z "${KEEP_DATA:-}" ]; then rm -rf "$DATA"; fi
    rm -rf target/server/standalone/deployments/mydrive.war*
    mkdir -p target/bench
    export MYDRIVE_DATA_DIR="$PWD/$DATA"
    export MYDRIVE_STORE_EMBEDDED_BACKEND=h2
    export MYDRIVE_STORE_EMBEDDED_PORT=27018
    export MYDRIVE_DRIVE_MAX_FILE_SIZE=$((16 * 1024 * 1024 * 1024))
    export MYDRIVE_DRIVE_QUOTA_PER_USER=$((64 * 1024 * 1024 * 1024))
    export MYDRIVE_LOGIN_FAILURES_PER_ADDRESS=100000
    export MYDRIVE_SIGNUP_PER_ADDRESS=100000
    # The embedded H2 store reads documents back with Java serialization; WildFly's default filter refuses
    # arrays above 100,000 elements (docs/configuration.md).
    export JDK_SERIAL_FILTER='maxbytes=33554432;maxdepth=128;maxarray=16777216;maxrefs=300000'
    export JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:G1HeapRegionSize=8m} -Djava.net.preferIPv4Stack=true"
    cp target/mydrive.war target/server/standalone/deployments/
    nohup target/server/bin/standalone.sh > target/bench/server.log 2>&1 &
    for _ in $(seq 1 120); do
        if curl -sf -o /dev/null http://127.0.0.1:8080/mydrive/login.xhtml; then break; fi
        sleep 1
    done
    curl -sf -o /dev/null http://127.0.0.1:8080/mydrive/login.xhtml
    pgrep -f 'jboss-modules.jar' | head -1
    ;;
deploy)
    name=$(basename "$2")
    cp "$2" target/server/standalone/deployments/
    for _ in $(seq 1 60); do
        if [ -f "target/server/standalone/deployments/$name.deployed" ]; then exit 0; fi
        if [ -f "target/server/standalone/deployments/$name.failed" ]; then
            cat "target/server/standalone/deployments/$name.failed"; exit 1
        fi
        sleep 1
    done
    echo "$name was not deployed within 60 s"; exit 1
    ;;
stop)
    pkill -f 'jboss-modules.jar' || true
    sleep 3
    rm -f target/server/standalone/deployments/*.war*
    ;;
esac
