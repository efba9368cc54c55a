#!/usr/bin/env bash
# The inbox benchmark (issue 6): first page with one filter, and with free text, under 20 concurrent
# users, on 1,000,000 stored items. Data (and, for PostgreSQL, the cluster) is generated on the first
# run and kept in --dir (default target/inbox-bench-<db>).
#   vigie-bench/inbox-bench.sh --db sqlite   --items 1000000 --users 20
#   vigie-bench/inbox-bench.sh --db postgres --items 1000000 --users 20   (runs its own PostgreSQL in --dir)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl vigie,vigie-bench -Dmaven.test.skip=true package dependency:build-classpath \
  -Dmdep.outputFile=target/inbox-classpath.txt -Dmdep.includeScope=runtime
# Run from a copy, so that rebuilding the project meanwhile cannot pull classes from under the run.
run=$(mktemp -d -t inbox-bench-XXXXXX)
trap 'rm -rf "$run"' EXIT
cp vigie/target/vigie-lib.jar "$run/"
cp -r vigie-bench/target/classes "$run/bench"
cp_line=$(sed "s#$(pwd)/vigie/target/vigie-lib.jar#$run/vigie-lib.jar#" vigie-bench/target/inbox-classpath.txt)
java -Xmx6g -cp "$run/bench:$cp_line" org.vigie.bench.inbox.InboxHarness "$@"
