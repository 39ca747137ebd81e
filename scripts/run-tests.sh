#!/usr/bin/env bash
# Runs every test project of the solution (already built) and, when any fails, ends with a summary of the failed
# tests, crashed test hosts and aborted runs, so the reason is in the last lines of a long log, and the names of the
# failed tests last of all.
set -uo pipefail
configuration="${1:-Debug}"
log="$(mktemp -t airline-tests.XXXXXX.log)"

dotnet test Airline.sln -c "$configuration" --no-build --blame --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ "$status" -ne 0 ]; then
  echo
  echo "==== make test failed (dotnet test exit code $status); what failed: ===="
  grep -E -A12 '^\s+Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+' "$log" | cut -c1-300
  grep -E -B2 -A6 'Test host process crashed|test run was aborted|Test Run Aborted|blame|Sequence_|error MSB|: error ' "$log" | cut -c1-300
  grep -E '^(Failed!|Test Run Failed|Total tests|     (Passed|Failed):)' "$log"
  echo "==== failed tests, each with the first line of its error:"
  awk '/^ +Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+/ { name = $2; next }
       name != "" && /^ +Error Message:/ { getline; sub(/^ +/, ""); print name ": " substr($0, 1, 200); name = "" }' "$log"
fi
rm -f "$log"
exit "$status"
