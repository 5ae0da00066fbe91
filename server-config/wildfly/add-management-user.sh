#!/usr/bin/env bash
# Creates a management user on the provisioned WildFly (target/server), for the HAL admin console
# (http://localhost:9990/console) and the metrics endpoint (http://localhost:9990/metrics).
# Usage: server-config/wildfly/add-management-user.sh <user>      (asks for the password)
# Run it after `mvn package` (every build provisions a fresh server) and before `mvn wildfly:run`.
# The password is never written anywhere but WildFly's own hashed mgmt-users.properties.
set -euo pipefail
cd "$(dirname "$0")/../.."
USER_NAME="${1:?usage: $0 <user>}"
if [ -z "${MYDRIVE_MANAGEMENT_PASSWORD:-}" ]; then
    read -r -s -p "Password for $USER_NAME: " MYDRIVE_MANAGEMENT_PASSWORD
    echo
fi
target/server/bin/add-user.sh --silent -u "$USER_NAME" -p "$MYDRIVE_MANAGEMENT_PASSWORD" -r ManagementRealm
echo "Management user $USER_NAME added. Console: http://localhost:9990/console  Metrics: http://localhost:9990/metrics"
