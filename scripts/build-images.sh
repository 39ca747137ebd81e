#!/usr/bin/env bash
# Builds the images MySQL and Redis run from in container mode, for machines where no registry can be reached:
# localhost/airline/redis:debian and localhost/airline/mariadb:debian, from the Debian packages of this machine's
# release (a debootstrap minbase root filesystem, cached, plus apt-get install in a chroot). An image is rebuilt only
# when its key changes: the Debian release, the package's version, or these scripts.
# Needs root (or sudo) for debootstrap and chroot; the images go to the caller's podman (or docker).
# --where-possible: where they cannot be built (no container runtime, no debootstrap, not root), say so and succeed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

cannot() {
  if [ "${1:-}" = --where-possible ]; then echo "MySQL and Redis images not built: $2."; exit 0; fi
  echo "error: $2." >&2; exit 1
}
if [ "$(id -u)" -eq 0 ]; then sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo)
else cannot "${1:-}" "debootstrap and chroot need root or passwordless sudo"
fi
if timeout 10 podman info >/dev/null 2>&1; then runtime=podman
elif timeout 10 docker info >/dev/null 2>&1; then runtime=docker
else cannot "${1:-}" "no container runtime answers (podman info, docker info): run scripts/install-prerequisites.sh"
fi
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] ||
  cannot "${1:-}" "debootstrap is missing: apt-get install -y debootstrap (or run scripts/install-prerequisites.sh)"

release="$(. /etc/os-release && echo "${VERSION_CODENAME:?not a Debian-like release}")"
mirror="$(grep -hoE '^(URIs: |deb )https?://[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
  | grep -v security | head -1 | sed -E 's/^(URIs: |deb )//' || true)"
mirror="${mirror:-http://deb.debian.org/debian}"
scripts_key="$(find "$here/build-images.sh" "$here/images" -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/airline/images"
mkdir -p "$cache"
exec 9>"$cache/lock"
flock 9

candidate() { apt-cache policy "$1" | awk '/Candidate:/ { print $2 }'; }
[ "$(candidate redis-server)" != "(none)" ] && [ -n "$(candidate redis-server)" ] || "${sudo[@]}" apt-get update -qq

base="$cache/debian-$release-minbase.tar"
if [ ! -s "$base" ]; then
  start=$SECONDS
  root="$(mktemp -d)"
  "${sudo[@]}" debootstrap --variant=minbase "$release" "$root" "$mirror" >/dev/null
  "${sudo[@]}" tar -C "$root" --numeric-owner -cf "$base.partial" .
  "${sudo[@]}" rm -rf "$root"
  mv "$base.partial" "$base"
  echo "Debian $release root filesystem (debootstrap minbase): $((SECONDS - start)) s"
fi

# build NAME PACKAGE PREPARE IMPORT-CHANGES...: localhost/airline/NAME:debian, a copy of the base with PACKAGE installed,
# the files of images/NAME/ added and PREPARE run in it.
build() {
  local image="localhost/airline/$1:debian" overlay="$here/images/$1" package="$2" prepare="$3"; shift 3
  local version key current
  version="$(candidate "$package")"
  key="$release $package=$version $scripts_key"
  current="$($runtime image inspect --format '{{index .Config.Labels "airline.image-key"}}' "$image" 2>/dev/null || true)"
  if [ "$current" = "$key" ]; then
    echo "$image is up to date ($package $version, Debian $release)."
    return
  fi

  local start=$SECONDS root old
  root="$(mktemp -d)"
  trap '"${sudo[@]}" rm -rf "$root"' RETURN
  "${sudo[@]}" tar -C "$root" -xf "$base"
  # The packages this machine would install: its own sources and download settings (proxies, snapshot validity).
  "${sudo[@]}" rm -f "$root/etc/apt/sources.list"
  "${sudo[@]}" cp -r /etc/apt/sources.list.d "$root/etc/apt/"
  "${sudo[@]}" cp /etc/resolv.conf "$root/etc/resolv.conf"
  [ -e /etc/apt/sources.list ] && "${sudo[@]}" cp /etc/apt/sources.list "$root/etc/apt/sources.list"
  grep -l '^Acquire' /etc/apt/apt.conf.d/* 2>/dev/null | xargs -r "${sudo[@]}" cp -t "$root/etc/apt/apt.conf.d/"
  # Services must not start inside the chroot.
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$root/usr/sbin/policy-rc.d" >/dev/null
  "${sudo[@]}" chmod +x "$root/usr/sbin/policy-rc.d"
  local log="$cache/$1.log"
  if ! { "${sudo[@]}" chroot "$root" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive chroot "$root" \
      apt-get install -y -qq --no-install-recommends "$package=$version"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "error: apt-get install $package=$version failed in the image's chroot (above)." >&2
    return 1
  fi
  [ ! -d "$overlay" ] || "${sudo[@]}" cp -r "$overlay/." "$root/"
  "${sudo[@]}" chroot "$root" sh -c "$prepare"
  "${sudo[@]}" chroot "$root" sh -c 'apt-get clean; rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* /usr/sbin/policy-rc.d /etc/resolv.conf'

  old="$($runtime image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
  "${sudo[@]}" tar -C "$root" --numeric-owner -c . \
    | $runtime import "$@" --change "LABEL airline.image-key=\"$key\"" - "$image" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  [ -z "$old" ] || $runtime rmi "$old" >/dev/null 2>&1 || true
  echo "$image: $package $version (Debian $release), $($runtime image inspect --format '{{.Size}}' "$image" | awk '{ printf "%d MB", $1 / 1e6 }'), built in $((SECONDS - start)) s."
}

# Aspire's AddRedis runs `/bin/sh -c "redis-server ..."`: as PID 1, dash ignores SIGTERM, bash execs the server.
build redis redis-server 'ln -sf bash /bin/sh && mkdir -p /data' \
  --change 'WORKDIR /data' --change 'EXPOSE 6379' --change 'CMD ["redis-server"]'

# The entrypoint initialises an empty data folder (a new volume) itself.
build mariadb mariadb-server 'rm -rf /var/lib/mysql/*' \
  --change 'ENTRYPOINT ["/usr/local/bin/airline-mariadb-entrypoint"]' --change 'EXPOSE 3306'
