#!/usr/bin/env bash
# Benchmarks, run after `make build`: figures are printed, not asserted (tests stay deterministic).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== AppHost: start to every resource healthy, DisposeAsync to every process gone"
dotnet run --project bench/AppHostStartup -c "${CONFIGURATION:-Debug}" --no-build -- "${RUNS:-5}"
