#!/usr/bin/env bash
# Installs what Airline needs on a Debian/Ubuntu machine and is missing: the .NET SDK is checked, MariaDB
# and Redis server binaries are installed from the distribution (the system runs them as its own local
# processes; no system service is started or needed). With --tests, also what the tests need: Chromium
# (dashboard browser test), Node.js and npm (browser driver, Kubernetes schema validation), kubectl.
set -euo pipefail

missing=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK 10 is missing: install it from https://dot.net (dotnet-sdk-10.0)." >&2
  exit 1
fi
have mariadbd || have mysqld || missing+=(mariadb-server)
have redis-server || missing+=(redis-server)
if [ "${1:-}" = "--tests" ]; then
  have chromium || missing+=(chromium)
  have node || missing+=(nodejs)
  have npm || missing+=(npm)
  if ! have kubectl; then
    echo "error: kubectl (1.21 or newer) is missing: the Kubernetes publishing tests render manifests with 'kubectl kustomize'." >&2
    echo "       Install it from https://kubernetes.io/docs/tasks/tools/ (Debian's kubernetes-client is too old)." >&2
    exit 1
  fi
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} (Debian packages) ..."
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: ${missing[*]} missing and not root: run 'apt-get install -y ${missing[*]}' as root." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing: install MariaDB (mariadbd) and Redis (redis-server) with your package manager." >&2
  exit 1
fi
"${sudo[@]}" apt-get update -qq
# Debian starts installed services unless told not to; Airline runs its own private servers instead.
DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}."
