#!/usr/bin/env bash
# Measures how long a fresh Vigie (empty data folder, demo workspace on) takes from `java -jar`
# until /login answers 200, and until the demo has items for each network.
# Usage: scripts/measure-startup.sh [port]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-18080}
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
start=$(date +%s%N)
VIGIE_DATA_DIR="$data" VIGIE_PORT=$port VIGIE_ADMIN_EMAIL=bench@example.org VIGIE_ADMIN_PASSWORD='bench password 1' \
  java -jar vigie/target/vigie.jar > "$data/vigie.log" 2>&1 &
pid=$!
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" | grep -q 200; do
  kill -0 $pid 2>/dev/null || { echo "Vigie exited:"; tail -20 "$data/vigie.log"; exit 1; }
  sleep 0.2
done
echo "login answered after $(( ($(date +%s%N) - start) / 1000000 )) ms"
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/tokens" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password 1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
for network in x mastodon bluesky rss facebook instagram youtube reddit; do
  until curl -s "http://127.0.0.1:$port/api/v1/items?network=$network&limit=1" -H "Authorization: Bearer $token" | grep -q '"externalId"'; do
    if (( ($(date +%s%N) - start) / 1000000000 > 180 )); then echo "$network: no item after 180 s"; continue 2; fi
    sleep 1
  done
  echo "$network: first item after $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
