#!/usr/bin/env bash
# The inbox benchmark (issue 6): first page with one filter, and with free text, under 20 concurrent
# users, on 1,000,000 stored items. Data is generated on the first run and kept in --dir.
#   vigie-bench/inbox-bench.sh --db sqlite   --items 1000000 --users 20
#   vigie-bench/inbox-bench.sh --db postgres --items 1000000 --users 20   (starts a throwaway PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl vigie,vigie-bench -Dmaven.test.skip=true package dependency:build-classpath \
  -Dmdep.outputFile=target/inbox-classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx6g -cp "vigie-bench/target/classes:$(cat vigie-bench/target/inbox-classpath.txt)" \
  org.vigie.bench.inbox.InboxHarness "$@"
