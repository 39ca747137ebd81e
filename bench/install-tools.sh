#!/usr/bin/env bash
# Installs the load tools the public-path benchmark drives and compares against, from Debian packages:
# wrk (load), nginx-light (the reverse-proxy baseline), redis-tools (redis-benchmark, redis-cli),
# mariadb-client (mariadb-slap). No system service is started: the benchmark runs its own nginx.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
missing=()
have wrk || missing+=(wrk)
have nginx || missing+=(nginx-light)
have redis-benchmark || missing+=(redis-tools)
have mariadb-slap || missing+=(mariadb-client)
[ ${#missing[@]} -eq 0 ] && exit 0

fail() {
  echo "" >&2
  echo "######################################################################" >&2
  echo "error: the benchmark needs ${missing[*]} and cannot install them: $1" >&2
  echo "       install them yourself: apt-get install -y ${missing[*]}" >&2
  echo "######################################################################" >&2
  exit 1
}

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  fail "not root and no sudo"
fi
command -v apt-get >/dev/null 2>&1 || fail "no apt-get on this machine"

echo "Installing ${missing[*]} (Debian packages) for the benchmark ..."
"${sudo[@]}" apt-get update -qq || fail "apt-get update failed"
# RUNLEVEL=1 keeps Debian from starting nginx as a system service on install.
DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || fail "apt-get install failed"
echo "Installed ${missing[*]}."
