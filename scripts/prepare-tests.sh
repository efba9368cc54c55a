#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, once: Debian's Chromium and its driver
# (browser tests), PostgreSQL's binaries (tests start their own throwaway servers), and the npm
# packages of the local AT Protocol network (Bluesky real-peer test). Run by `./mvnw verify`
# before the integration tests; idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "prepare-tests: installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "prepare-tests: missing ${missing[*]}; install them (Debian: sudo apt-get install ${missing[*]})" >&2
  fi
fi

# npm packages for test harnesses that run real peers (each folder has its own package-lock.json).
for dir in tools/*/ vigie/src/test/node/*/; do
  [ -f "$dir/package.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    echo "prepare-tests: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
