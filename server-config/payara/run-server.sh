#!/usr/bin/env bash
# Runs MyDrive on Payara Server 6 (full): fetches it from Maven Central, starts its domain1 with monitoring on,
# deploys the WAR, and prints where the admin console, the app, health and metrics are.
# Usage: server-config/payara/run-server.sh [start|stop]
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=6.2025.10
HOME_DIR=target/payara-server
ASADMIN="$HOME_DIR/payara6/bin/asadmin"
case "${1:-start}" in
start)
    mvn -B -q -DskipTests package -P '!wildfly'
    if [ ! -x "$ASADMIN" ]; then
        mvn -B -q dependency:copy -Dartifact="fish.payara.distributions:payara:$VERSION:zip" \
            -DoutputDirectory=target/payara-dist
        unzip -q -o "target/payara-dist/payara-$VERSION.zip" -d "$HOME_DIR"
    fi
    "$ASADMIN" start-domain domain1
    # SameSite for the HTTP session cookie (Payara 6 does not take it from web.xml); the test domain gets the same
    # from the pom's payara profile.
    "$ASADMIN" set server-config.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-enabled=true
    "$ASADMIN" set server-config.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-value=Lax
    # Monitoring for the admin console (Monitoring Data) and `asadmin get -m`.
    "$ASADMIN" enable-monitoring --modules "web-container=HIGH:jersey=HIGH:ejb-container=HIGH:jvm=HIGH:thread-pool=HIGH"
    "$ASADMIN" deploy --force=true --contextroot mydrive --name mydrive target/mydrive.war
    for _ in $(seq 1 120); do
        curl -sf -o /dev/null http://localhost:8080/mydrive/login.xhtml && break
        sleep 1
    done
    echo
    echo "MyDrive:        http://localhost:8080/mydrive/"
    echo "Admin console:  http://localhost:4848  (Monitoring > Application / Server)"
    echo "Health:         http://localhost:8080/health/ready"
    echo "Metrics:        http://localhost:8080/metrics (server), http://localhost:8080/mydrive/api/admin/metrics (app, admin token)"
    echo "Stop with:      $0 stop"
    ;;
stop)
    "$ASADMIN" stop-domain domain1
    ;;
esac
