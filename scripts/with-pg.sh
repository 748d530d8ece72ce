#!/usr/bin/env bash
# Runs a command beside a private, throwaway PostgreSQL cluster:
#
#   bash scripts/with-pg.sh npm test
#   bash scripts/with-pg.sh npx vitest run --project integration test/integration/pg-schema.test.ts
#
# The cluster lives in a fresh temp folder, listens on 127.0.0.1 on a free port, trusts local
# connections, and runs with fsync=off (a test cluster only: a crash may corrupt it, which does not
# matter because it is thrown away). The command sees
# TEST_PG_URL=postgres://postgres@127.0.0.1:PORT/postgres; the cluster is stopped and its folder
# removed however the command ends, and the command's exit code is this script's.
# If TEST_PG_URL is already set (a PostgreSQL of your own), the command just runs against it.
# WITH_PG_DURABLE=1 keeps PostgreSQL's durable defaults instead (fsync, synchronous_commit and
# full_page_writes on): the benchmark times commits that reach the disk.
# WITH_PG_OPTIONAL=1 runs the command without TEST_PG_URL when PostgreSQL is not installed (the
# benchmark then says it skipped its PostgreSQL figures) rather than failing.
# To use the URL in the command's own arguments, let a shell inside expand it (your shell would
# expand it before the cluster exists):
#
#   bash scripts/with-pg.sh bash -c 'psql "$TEST_PG_URL" -c "select 1"'
# Recipe: ../shared/docs/toolchain.md, "PostgreSQL for the unit register".
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-pg.sh COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -n "${TEST_PG_URL:-}" ]; then
  exec "$@"
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ "${WITH_PG_OPTIONAL:-}" = 1 ]; then
    echo "with-pg.sh: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); running without it" >&2
    exec "$@"
  fi
  echo "with-pg.sh: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian's package: apt-get install -y postgresql" >&2
  exit 2
fi

# initdb refuses to run as root: as root, run the server as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PGROOT=$(mktemp -d "${TMPDIR:-/tmp}/cpreg-pg.XXXXXX")
started=0
cleanup() {
  if [ "$started" = 1 ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}
trap cleanup EXIT
# A signal ends the script through `exit`, so the EXIT trap above stops the cluster.
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" = 0 ] && chown postgres "$PGROOT"

PGPORT=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
if ! as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$PGROOT/initdb.log" 2>&1; then
  echo "with-pg.sh: initdb failed:" >&2
  cat "$PGROOT/initdb.log" >&2
  exit 2
fi
started=1
SETTINGS="-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT"
if [ "${WITH_PG_DURABLE:-}" != 1 ]; then
  SETTINGS="$SETTINGS -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w -t 30 start -o "$SETTINGS" >/dev/null; then
  echo "with-pg.sh: PostgreSQL did not start; its log:" >&2
  cat "$PGROOT/log" >&2 || true
  exit 2
fi

export TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
set +e
"$@"
status=$?
set -e
exit "$status"
