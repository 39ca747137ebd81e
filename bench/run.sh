#!/usr/bin/env bash
# Benchmarks: figures are printed, not asserted (tests stay deterministic).
#   bench/run.sh            the public paths (issue 8): one table, same-run baselines, ratio targets, bench/results/latest.json
#   bench/run.sh hold       starts the same system and keeps it up (for profiling), printing URLs and process ids
#   bench/run.sh startup    the AppHost's start-up and shut-down
# The machine's other work shows in the figures: compare ratios of one run, not figures across runs.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-paths}" in
  paths|hold)
    bench/install-tools.sh
    scripts/install-prerequisites.sh
    dotnet build bench/PublicPaths -c Release -warnaserror -nologo -v quiet
    dotnet run --project bench/PublicPaths -c Release --no-build -- "$PWD" "${1:-paths}"
    ;;
  startup)
    dotnet build bench/AppHostStartup -c Release -warnaserror -nologo -v quiet
    dotnet run --project bench/AppHostStartup -c Release --no-build -- "${RUNS:-5}"
    ;;
  *)
    echo "usage: bench/run.sh [paths|hold|startup]" >&2
    exit 2
    ;;
esac
