#!/usr/bin/env bash
# Starts the packaged Vigie on the demo workspace in a throw-away data folder and measures how long
# until `GET /api/v1/items?network=…` returns items for each of the eight networks, and how many
# Facebook/Instagram webhook deliveries the simulator pushed meanwhile. Build first:
#   ./mvnw -q -o -pl vigie -DskipTests package
# Usage: scripts/demo-networks.sh [port]   (limit: 120 s). Fans are quiet at night (0.3 × 0.08 posts a
# minute per show): VIGIE_SIMULATOR_PERMINUTE=3 scripts/demo-networks.sh makes live activity, hence pushes, visible.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18087}"
data="$(mktemp -d /tmp/vigie-demo-XXXXXX)"
email="demo-check@vigie.local"
password="une phrase de passe de démonstration"
VIGIE_DATA_DIR="$data" VIGIE_PORT="$port" VIGIE_ADMIN_EMAIL="$email" VIGIE_ADMIN_PASSWORD="$password" \
  java -jar vigie/target/vigie.jar >"$data/vigie.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
start=$(date +%s)
until curl -sf "localhost:$port/actuator/health" >/dev/null; do
  sleep 1
  if [ $(( $(date +%s) - start )) -gt 120 ]; then echo "not up after 120 s"; tail -50 "$data/vigie.log"; exit 1; fi
done
echo "up after $(( $(date +%s) - start )) s"
token=$(curl -sf -X POST "localhost:$port/api/v1/tokens" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -E 's/.*"(secret|token)":"([^"]+)".*/\2/')
declare -A seen
networks="x facebook instagram mastodon bluesky youtube reddit rss"
while :; do
  elapsed=$(( $(date +%s) - start ))
  missing=""
  for n in $networks; do
    [ -n "${seen[$n]:-}" ] && continue
    count=$(curl -sf "localhost:$port/api/v1/items?network=$n&limit=100" -H "Authorization: Bearer $token" \
      | grep -o '"id"' | wc -l || true)
    if [ "${count:-0}" -gt 0 ]; then seen[$n]="$elapsed s (non-empty answer)"; else missing="$missing $n"; fi
  done
  if [ -z "$missing" ] || [ "$elapsed" -gt 120 ]; then break; fi
  sleep 3
done
for n in $networks; do echo "$n: ${seen[$n]:-NONE within 120 s}"; done
until [ "$(sqlite3 "$data/vigie.db" 'SELECT COUNT(*) FROM webhook_deliveries' 2>/dev/null || echo 0)" -gt 0 ] \
    || [ $(( $(date +%s) - start )) -gt 120 ]; do sleep 2; done
echo "first simulated webhook delivery stored after $(( $(date +%s) - start )) s"
sleep 10
echo "webhook deliveries refused (log): $(grep -c 'Refused a' "$data/vigie.log" || true)"
echo "simulated webhook deliveries received (network|status|deliveries|events):"
sqlite3 "$data/vigie.db" 'SELECT network, status, COUNT(*), SUM(events) FROM webhook_deliveries GROUP BY network, status' || true
echo "load: $(uptime)"
[ -z "$missing" ]
