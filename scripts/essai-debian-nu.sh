#!/usr/bin/env bash
# Proves that the README's two commands set up a bare Debian 12 (bookworm)
# with neither Rust nor Node.js: debootstraps a clean bookworm into a chroot,
# clones the committed HEAD of this repository into it, and runs there
# `scripts/setup.sh` then `nice -n 10 scripts/test-all.sh`, as root.
#
#   scripts/essai-debian-nu.sh [CHROOT_DIR]    (default /var/tmp/guichet-bookworm)
#
# Needs root on a Debian-like host (debootstrap is installed if absent) and the
# Debian mirror. A CHROOT_DIR that already holds a debootstrapped bookworm is
# reused as it is (only the clone is laid anew); remove it for a fresh start.
# The logs are CHROOT_DIR/root/setup.log and CHROOT_DIR/root/test-all.log;
# test-all prints the duration of each step at its end. Long: from a bare
# system, about 1 h on 2 cores (every crate compiled twice: test and clippy).
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/var/tmp/guichet-bookworm}"
MIRROR="http://deb.debian.org/debian"
say() { printf 'essai-debian-nu: %s\n' "$*"; }

[[ $EUID -eq 0 ]] || { say "à lancer en root (debootstrap, chroot, mount)" >&2; exit 1; }

# 1. A bare bookworm: debootstrap's default set (no Rust, no Node.js).
if [[ ! -f "$DIR/etc/debian_version" ]]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  }
  say "debootstrap bookworm -> $DIR"
  debootstrap bookworm "$DIR" "$MIRROR"
fi

# 2. The sources an installed Debian 12 has: debootstrap writes only
#    bookworm main; the installer adds bookworm-updates and bookworm-security
#    (Rust 1.96 comes from the latter).
cat >"$DIR/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$DIR/etc/resolv.conf"
# The host's own certificate authorities (such as a TLS proxy in front of the
# registries) are trusted in the chroot as on the host: without them npm and
# cargo fail there with SELF_SIGNED_CERT_IN_CHAIN. ca-certificates (installed
# by setup.sh) reads this folder.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  mkdir -p "$DIR/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$DIR/usr/local/share/ca-certificates/"
  [[ -x "$DIR/usr/sbin/update-ca-certificates" ]] \
    && chroot "$DIR" /usr/sbin/update-ca-certificates >/dev/null
fi

# 3. The kernel file systems the build and the e2e suite (Xvfb, WebKitGTK) use;
#    unmounted on exit, whatever happens.
MOUNTS=(proc sys dev dev/pts dev/shm)
cleanup() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    mountpoint -q "$DIR/${MOUNTS[i]}" && umount -l "$DIR/${MOUNTS[i]}"
  done
  return 0
}
trap cleanup EXIT
mountpoint -q "$DIR/proc" || mount -t proc proc "$DIR/proc"
mountpoint -q "$DIR/sys" || mount -t sysfs sysfs "$DIR/sys"
if ! mountpoint -q "$DIR/dev"; then
  mount --bind /dev "$DIR/dev"
  mount --make-rslave "$DIR/dev" # what is mounted below stays out of the host's /dev
fi
mountpoint -q "$DIR/dev/pts" || mount --bind /dev/pts "$DIR/dev/pts"
mountpoint -q "$DIR/dev/shm" || mount -t tmpfs shm "$DIR/dev/shm"

# 4. A fresh clone of the committed HEAD (no target/, no node_modules).
rm -rf "$DIR/root/guichet"
git clone --quiet --no-hardlinks "$SRC" "$DIR/root/guichet"
git -C "$DIR/root/guichet" checkout --quiet "$(git -C "$SRC" rev-parse HEAD)"
say "clone de $(git -C "$SRC" rev-parse --short HEAD) dans $DIR/root/guichet"

# 5. The README's commands, in a clean environment (nothing of the host's PATH,
#    no ~/.cargo). The shared seeds, when the host has them beside the
#    repository, are copied beside the clone as CI lays them.
if [[ -d "$SRC/../shared" ]]; then
  rm -rf "$DIR/root/shared"
  cp -a "$SRC/../shared" "$DIR/root/shared"
fi
in_chroot() {
  chroot "$DIR" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "cd /root/guichet && $1"
}
say "rustc/node avant setup : $(in_chroot 'command -v rustc cargo node npm || echo aucun' | tr '\n' ' ')"
say "scripts/setup.sh (journal : $DIR/root/setup.log)"
start=$SECONDS
in_chroot 'scripts/setup.sh' 2>&1 | tee "$DIR/root/setup.log"
say "setup : $((SECONDS - start)) s"
say "versions : $(in_chroot 'rustc --version; cargo --version; node --version; npm --version; tauri-driver --version 2>/dev/null || true' | tr '\n' ' ')"
say "nice -n 10 scripts/test-all.sh (journal : $DIR/root/test-all.log)"
start=$SECONDS
in_chroot 'nice -n 10 scripts/test-all.sh' 2>&1 | tee "$DIR/root/test-all.log"
say "test-all : $((SECONDS - start)) s"
