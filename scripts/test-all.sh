#!/usr/bin/env bash
# `npm test`: every suite CI runs, in two rounds of suites run side by side.
#
#   1. typecheck, lint, and the build followed by the unit tests;
#   2. (once the build has passed) the integration tests and the end-to-end tests.
#
# Typecheck and lint are single-threaded and CPU-bound, so on two CPUs they overlap well; the
# integration and end-to-end suites spend most of their time waiting (child processes,
# PostgreSQL, the disk, the browser), so they overlap well too. Each suite's output goes to its
# own log, printed whole when it ends, with how long it took; the command fails if any suite
# fails, after every suite that could run has run. Run one suite alone with its own script
# (`npm run typecheck`, `npm run lint`, `npm run test:unit`, `npm run test:integration`,
# `npm run test:e2e`).
set -uo pipefail
cd "$(dirname "$0")/.."

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/cpreg-test.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
failed=()

# Starts a suite in the background; its exit code and seconds go to $LOGS/<name>.end.
start() {
  local name=$1
  shift
  echo "▶ $name: $*"
  (
    begun=$(date +%s)
    "$@" >"$LOGS/$name.log" 2>&1
    rc=$?
    echo "$rc $(($(date +%s) - begun))" >"$LOGS/$name.end"
  ) &
}

# Waits for the named suites, printing each one's log as it ends (in the order they end).
finish() {
  local waiting=("$@")
  while [ "${#waiting[@]}" -gt 0 ]; do
    local still=()
    for name in "${waiting[@]}"; do
      if [ -f "$LOGS/$name.end" ]; then
        read -r rc seconds <"$LOGS/$name.end"
        echo
        echo "━━━ $name ($seconds s) ━━━"
        cat "$LOGS/$name.log"
        if [ "$rc" = 0 ]; then
          echo "✔ $name passed in $seconds s"
        else
          echo "✘ $name failed (exit $rc) in $seconds s"
          failed+=("$name")
        fi
      else
        still+=("$name")
      fi
    done
    waiting=("${still[@]+"${still[@]}"}")
    [ "${#waiting[@]}" -gt 0 ] && sleep 1
  done
}

begun=$(date +%s)
start typecheck npm run --silent typecheck
start lint npm run --silent lint
start build-and-unit bash -c 'npm run --silent build && touch "$1" && npm run --silent test:unit' build "$LOGS/built"
finish typecheck lint build-and-unit

if [ ! -f "$LOGS/built" ]; then
  echo "The build failed: the integration and end-to-end tests need it, so they were not run."
else
  start integration npm run --silent test:integration
  start e2e npm run --silent test:e2e
  finish integration e2e
fi

echo
echo "npm test took $(($(date +%s) - begun)) s"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "Failed: ${failed[*]}"
  exit 1
fi
echo "Every suite passed."
