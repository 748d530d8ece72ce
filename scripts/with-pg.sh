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
# TEST_PG_RESTARTABLE_URL is a second cluster, and TEST_PG_RESTART a script that restarts it (for
# the test that the register survives a restart).
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
CLUSTERS=()
cleanup() {
  for data in "${CLUSTERS[@]}"; do
    as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$PGROOT"
}
trap cleanup EXIT
# A signal ends the script through `exit`, so the EXIT trap above stops the clusters.
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" = 0 ] && chown postgres "$PGROOT"

# start_cluster NAME: a cluster in $PGROOT/NAME on a free port; prints its URL.
start_cluster() {
  local dir="$PGROOT/$1" port
  port=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  if ! as_pg "$PGBIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$PGROOT/$1-initdb.log" 2>&1; then
    echo "with-pg.sh: initdb failed:" >&2
    cat "$PGROOT/$1-initdb.log" >&2
    exit 2
  fi
  CLUSTERS+=("$dir")
  local settings="-c listen_addresses=127.0.0.1 -p $port -k $PGROOT"
  if [ "${WITH_PG_DURABLE:-}" != 1 ]; then
    settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if ! as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$PGROOT/$1.log" -w -t 30 start -o "$settings" >/dev/null; then
    echo "with-pg.sh: PostgreSQL did not start; its log:" >&2
    cat "$PGROOT/$1.log" >&2 || true
    exit 2
  fi
  URL="postgres://postgres@127.0.0.1:$port/postgres"
}

start_cluster data
export TEST_PG_URL="$URL"
# A second, small cluster that one test restarts (the register must survive it by reconnecting),
# apart from the one every other test is using meanwhile; TEST_PG_RESTART restarts it.
start_cluster restartable
export TEST_PG_RESTARTABLE_URL="$URL"
cat >"$PGROOT/restart.sh" <<RESTART
#!/usr/bin/env bash
set -e
if [ "\$(id -u)" = 0 ]; then exec runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/restartable" -m fast -w -t 30 restart >/dev/null
else exec "$PGBIN/pg_ctl" -D "$PGROOT/restartable" -m fast -w -t 30 restart >/dev/null; fi
RESTART
chmod 755 "$PGROOT/restart.sh"
export TEST_PG_RESTART="$PGROOT/restart.sh"
set +e
"$@"
status=$?
set -e
exit "$status"
