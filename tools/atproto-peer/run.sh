#!/usr/bin/env bash
# Runs a real local AT Protocol network for Vigie's Bluesky real-peer test, on loopback only:
# a throw-away PostgreSQL 15 cluster plus @atproto/dev-env (see peer.js). Prints `READY {json}`
# when the network answers; stops everything on SIGTERM/SIGINT or when standard input closes.
# Needs `npm ci` in this folder first, Node 20, and PostgreSQL 15's binaries.
# Ports: PEER_PG_PORT for PostgreSQL (default 5433), PEER_*_PORT for the services (see peer.js);
# PEER_SCRATCH: an empty folder for PostgreSQL's data (default: a new one under /tmp), removed at exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# PostgreSQL 15 is what the recipe was tested with; any newer installed major works too.
if [ -z "${PG_BIN:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then PG_BIN=/usr/lib/postgresql/15/bin
  else PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"; fi
fi
pg_bin="$PG_BIN"
pg_port="${PEER_PG_PORT:-5433}"
scratch="${PEER_SCRATCH:-$(mktemp -d /tmp/vigie-atproto-peer.XXXXXX)}"
chmod 755 "$scratch"
node_pid=""
pg_pid=""

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# PostgreSQL and node run as this script's own children, never daemonised (pg_ctl start would
# detach the postmaster into its own session), and setpriv's parent-death signal stops each of
# them when this script ends, even when it is killed outright.
pg_user=()
if [ "$(id -u)" = 0 ]; then pg_user=(--reuid=postgres --regid=postgres --init-groups); fi

cleanup() {
  trap - EXIT TERM INT
  if [ -n "$node_pid" ]; then kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; fi
  # SIGQUIT is PostgreSQL's immediate shutdown: the cluster is thrown away, nothing to checkpoint.
  if [ -n "$pg_pid" ]; then kill -QUIT "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 0' TERM INT

if [ "$(id -u)" = 0 ]; then chown postgres "$scratch"; fi
as_pg mkdir -p "$scratch/pg" "$scratch/sock"
as_pg "$pg_bin/initdb" -D "$scratch/pg" -U pg --auth=trust >"$scratch/initdb.log" 2>&1
setpriv "${pg_user[@]}" --pdeathsig QUIT -- "$pg_bin/postgres" -D "$scratch/pg" -c listen_addresses=127.0.0.1 \
  -p "$pg_port" -k "$scratch/sock" -c fsync=off -c synchronous_commit=off </dev/null >"$scratch/pg.log" 2>&1 &
pg_pid=$!
until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; do
  if ! kill -0 "$pg_pid" 2>/dev/null; then
    echo "PostgreSQL did not start on port $pg_port:" >&2; cat "$scratch/pg.log" >&2; exit 1
  fi
  sleep 0.1
done
as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U pg atp

mkdir -p "$scratch/tmp"
cd "$here"
DB_POSTGRES_URL="postgresql://pg@127.0.0.1:$pg_port/atp" DB_POSTGRES_SCHEMA=dev REDIS_HOST=127.0.0.1:6379 \
  LOG_ENABLED=false TMPDIR="$scratch/tmp" \
  setpriv --pdeathsig TERM -- node -r ./loopback.js peer.js < <(cat) &
node_pid=$!
wait "$node_pid"
