#!/usr/bin/env bash
# Installs what Airline needs on a Debian/Ubuntu machine and is missing: the .NET SDK is checked, MariaDB
# and Redis server binaries are installed from the distribution (local mode runs them as its own processes;
# no system service is started or needed). Where no container runtime answers and we are root (or have sudo),
# podman is installed and configured, so MySQL and Redis can run as containers (scripts/build-images.sh makes
# their images). With --tests, also what the tests need: Chromium (dashboard browser test), Node.js and npm
# (browser driver, Kubernetes schema validation), kubectl.
# Usage: install-prerequisites.sh [--tests] [--runtime auto|container|local]   (auto, the default, = container where possible)
set -euo pipefail

tests=false
runtime=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --tests) tests=true ;;
    --runtime) runtime="$2"; shift ;;
    *) echo "error: unknown option $1 (--tests, --runtime auto|container|local)" >&2; exit 2 ;;
  esac
  shift
done

missing=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
answers() { have "$1" && timeout 10 "$1" info >/dev/null 2>&1; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK 10 is missing: install it from https://dot.net (dotnet-sdk-10.0)." >&2
  exit 1
fi
have mariadbd || have mysqld || missing+=(mariadb-server)
have redis-server || missing+=(redis-server)
if $tests; then
  have chromium || missing+=(chromium)
  have node || missing+=(nodejs)
  have npm || missing+=(npm)
  if ! have kubectl; then
    echo "error: kubectl (1.21 or newer) is missing: the Kubernetes publishing tests render manifests with 'kubectl kustomize'." >&2
    echo "       Install it from https://kubernetes.io/docs/tasks/tools/ (Debian's kubernetes-client is too old)." >&2
    exit 1
  fi
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  sudo=(false)
fi

# Containers (unless told --runtime local): podman, where Docker does not answer; debootstrap builds the images.
podman_wanted=false
if [ "$runtime" != local ] && ! answers docker; then
  if [ "${sudo[*]}" != false ] && command -v apt-get >/dev/null 2>&1; then
    podman_wanted=true
    have podman || missing+=(podman)
    have runc || missing+=(runc)
    have debootstrap || missing+=(debootstrap)
  elif ! answers podman; then
    [ "$runtime" = container ] && { echo "error: no container runtime answers and podman cannot be installed here (not root, no sudo, or no apt-get)." >&2; exit 1; }
    echo "No container runtime answers and podman cannot be installed here (not root): MySQL and Redis run as local processes."
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "${sudo[*]}" = false ]; then
    echo "error: ${missing[*]} missing and not root: run 'apt-get install -y ${missing[*]}' as root." >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: ${missing[*]} missing: install MariaDB (mariadbd) and Redis (redis-server) with your package manager." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} (Debian packages) ..."
  "${sudo[@]}" apt-get update -qq
  # Debian starts installed services unless told not to; Airline runs its own private servers instead.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "Installed ${missing[*]}."
fi

# `podman info` answers on machines like this one, yet no container starts without two settings: the sandbox refuses
# setrlimit (podman sets ulimits by default) and crun refuses the hybrid cgroup layout (runc copes). Both are harmless
# elsewhere; a containers.conf of the machine's own is left alone.
conf=/etc/containers/containers.conf
if $podman_wanted && [ ! -e "$conf" ]; then
  echo "Writing $conf ([containers] default_ulimits = [], [engine] runtime = \"runc\") so podman runs containers here."
  printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' | "${sudo[@]}" tee "$conf" >/dev/null
fi
if $podman_wanted && ! answers podman; then
  echo "error: podman is installed but 'podman info' fails." >&2
  exit 1
fi
