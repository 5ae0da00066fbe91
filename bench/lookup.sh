#!/usr/bin/env bash
# COVID lookup API, then the dashboard's endpoints (day ranking, period series), under load with wrk (Debian
# package): latency at a fixed offered rate of ~1000 requests/s, then the most it serves. Starts WildFly with the
# built WAR (bench/server.sh) and stops it afterwards.
# Usage: bench/lookup.sh [seconds per run, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-30}"
BASE=http://127.0.0.1:8080
mvn -B -q -DskipTests package
bench/server.sh start > /dev/null
trap 'bench/server.sh stop' EXIT
USER_JSON='{"username":"lookup-bench","password":"amber-kettle-under-9-pines"}'
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d "$USER_JSON" "$BASE/mydrive/api/auth/register" \
    || { echo "registering the bench user failed" >&2; exit 1; }
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d "$USER_JSON" "$BASE/mydrive/api/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
export TOKEN
# The bundled data is loaded by the first refresh, shortly after start-up.
until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/mydrive/api/covid/lookup?province=ha%20noi"; do sleep 1; done
echo "MyDrive COVID lookup API, WildFly 39, $(nproc) cores shared by server and wrk; $(date -u +%F)"
echo "warm-up: 15 s"
DELAY_MS=0 wrk -t2 -c20 -d15s -s bench/lookup.lua "$BASE" > /dev/null
echo
echo "== fixed rate: 12 connections, each pausing 10 ms between requests (about 1000 requests/s offered)"
DELAY_MS=10 wrk -t2 -c12 -d"${SECONDS_PER_RUN}s" --latency -s bench/lookup.lua "$BASE"
echo
echo "== throughput: 50 connections, no pause"
DELAY_MS=0 wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency -s bench/lookup.lua "$BASE"
echo
echo "== dashboard (a day's ranking of 63 provinces, a province's series over a period), warm-up 15 s"
ENDPOINTS=dashboard DELAY_MS=0 wrk -t2 -c20 -d15s -s bench/lookup.lua "$BASE" > /dev/null
echo "== dashboard, fixed rate: 12 connections, each pausing 10 ms between requests (about 1000 requests/s offered)"
ENDPOINTS=dashboard DELAY_MS=10 wrk -t2 -c12 -d"${SECONDS_PER_RUN}s" --latency -s bench/lookup.lua "$BASE"
echo
echo "== dashboard, throughput: 50 connections, no pause"
ENDPOINTS=dashboard DELAY_MS=0 wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" --latency -s bench/lookup.lua "$BASE"
