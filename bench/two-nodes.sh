#!/usr/bin/env bash
# Two app servers on this machine sharing one store: node A (port 8080) runs the embedded store on a fixed
# port; node B (port 8180, a copy of the provisioned WildFly with a port offset) uses it as its MongoDB.
# Both sign tokens with A's key. Runs vn.mydrive.bench.TwoNodesCheck against both; exits 1 on failure.
# Usage: bench/two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
export MYDRIVE_ADMIN_USERNAME=admin
export MYDRIVE_ADMIN_PASSWORD=two-nodes-steady-lantern
bench/server.sh start > /dev/null
NODE_B=target/bench/server-b
cleanup() {
    pkill -f "jboss.server.base.dir=$PWD/$NODE_B" || true
    bench/server.sh stop
}
trap cleanup EXIT
rm -rf "$NODE_B" target/bench/server-b-data
cp -r target/server "$NODE_B"
rm -rf "$NODE_B"/standalone/{data,log,tmp} "$NODE_B"/standalone/deployments/mydrive.war*
cp target/mydrive.war "$NODE_B"/standalone/deployments/
(
    MYDRIVE_MONGODB_URI="$(cat target/bench/server-data/store/connection-string)"
    export MYDRIVE_MONGODB_URI
    export MYDRIVE_JWT_KEY_DIR="$PWD/target/bench/server-data/keys"
    export MYDRIVE_DATA_DIR="$PWD/target/bench/server-b-data"
    export JAVA_OPTS="-Xms512m -Xmx512m -Djava.net.preferIPv4Stack=true"
    nohup "$NODE_B"/bin/standalone.sh -Djboss.socket.binding.port-offset=100 \
        -Djboss.server.base.dir="$PWD/$NODE_B/standalone" > target/bench/server-b.log 2>&1 &
)
for _ in $(seq 1 120); do
    if curl -sf -o /dev/null http://127.0.0.1:8180/mydrive/login.xhtml; then break; fi
    sleep 1
done
java -cp "$(cat target/bench/runtime-classpath.txt)" -Dnode.a=http://127.0.0.1:8080/mydrive/ \
    -Dnode.b=http://127.0.0.1:8180/mydrive/ -Dadmin.password="$MYDRIVE_ADMIN_PASSWORD" vn.mydrive.bench.TwoNodesCheck
