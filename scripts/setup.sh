#!/usr/bin/env bash
# Installs everything Guichet needs to build, run and test on Debian 12 /
# Ubuntu: system packages (apt), the UI's npm packages (npm ci from the
# committed lock file) and tauri-driver (for the end-to-end tests).
# Idempotent: when everything is present it only checks, in about a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERREUR : %s\n' "$*" >&2; exit 1; }
# Runs apt as root (directly, or through sudo for a normal user).
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "il faut être root (ou avoir sudo) pour : $*"
  fi
}
apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- System packages --------------------------------------------------------
APT_PACKAGES=(
  # build: Tauri 2 on Linux (WebKitGTK 4.1), C toolchain, TLS
  build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev curl file ca-certificates git
  # run and test headless: X virtual framebuffer, WebDriver for WebKitGTK,
  # screenshots, PDF text extraction, syscall tracing (offline test), the
  # font the PDFs embed
  xvfb xauth webkit2gtk-driver imagemagick xdotool poppler-utils strace iproute2
  fonts-dejavu-core
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  say "apt: paquets manquants : ${missing[*]}"
  say "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  say "apt-get install ${missing[*]}"
  apt_install "${missing[@]}"
else
  say "apt: les ${#APT_PACKAGES[@]} paquets système sont présents"
fi

# --- Rust ---------------------------------------------------------------------
# A rustup toolchain (~/.cargo/bin) is used when present; otherwise, when no
# suitable Rust is found, Debian's own packages are installed: rustc-web,
# cargo-web, rustfmt-web, rust-web-clippy (Rust 1.96 in bookworm-security;
# they install /usr/bin/cargo, rustc, rustfmt, cargo-fmt, cargo-clippy).
# RUST_MIN: the highest rust-version among the locked dependencies (tauri 2.12
# and its crates); bookworm's own 1.85 is too old for them.
export PATH="$HOME/.cargo/bin:$PATH"
RUST_MIN="1.90"
RUST_DEBIAN=(rustc-web cargo-web rustfmt-web rust-web-clippy)
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }
rust_version() { rustc --version 2>/dev/null | awk '{print $2}'; }
rust_ready() {
  command -v cargo >/dev/null && command -v rustc >/dev/null \
    && version_ge "$(rust_version)" "$RUST_MIN" \
    && command -v rustfmt >/dev/null && command -v cargo-clippy >/dev/null
}
# Installs Debian's Rust packages, after checking the version apt would bring.
install_debian_rust() {
  say "rust: pas de Rust >= $RUST_MIN, installation des paquets Debian ${RUST_DEBIAN[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  local candidate
  candidate="$(apt-cache policy rustc-web 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
    die "le paquet rustc-web est introuvable dans les sources apt : installez Rust >= $RUST_MIN avec rustup (https://rustup.rs), puis relancez"
  fi
  if ! version_ge "${candidate%%+*}" "$RUST_MIN"; then
    die "apt propose rustc-web $candidate, trop ancien (il faut >= $RUST_MIN) : ajoutez « deb http://deb.debian.org/debian-security bookworm-security main » aux sources apt (ou installez Rust avec rustup), puis relancez"
  fi
  apt_install "${RUST_DEBIAN[@]}"
}

if ! rust_ready; then
  if [[ "$(command -v cargo || true)" == "$HOME/.cargo/bin/"* ]]; then
    # A rustup toolchain is there: update it rather than hide it.
    version_ge "$(rust_version)" "$RUST_MIN" \
      || die "Rust $(rust_version) (rustup) est trop ancien : il faut Rust >= $RUST_MIN (rustup update)"
    for c in rustfmt cargo-clippy; do
      command -v "$c" >/dev/null || die "$c est absent : rustup component add ${c#cargo-}"
    done
  fi
  install_debian_rust
  hash -r
  rust_ready || die "Rust >= $RUST_MIN avec rustfmt et clippy reste introuvable après l’installation (rustc : $(rust_version), $(command -v cargo || echo 'cargo absent'))"
fi
say "rust: rustc $(rust_version) ($(command -v rustc)), rustfmt et clippy présents"

# --- Node.js and the UI packages ----------------------------------------------
# NODE_MIN: every locked package accepts Node 18 (Vite 6, vitest 3, jsdom 26);
# 18.20 is Debian 12's nodejs, where the whole UI chain is tested, 18.19
# Ubuntu 24.04's.
NODE_MIN="18.19"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "node: absent, installation du paquet Debian nodejs + npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  apt_install nodejs npm
fi
node_version="$(node --version | sed 's/^v//')"
if ! version_ge "$node_version" "$NODE_MIN"; then
  die "Node.js $node_version est trop ancien pour Vite 6 : il faut Node.js >= $NODE_MIN"
fi

LOCK="$ROOT/ui/package-lock.json"
STAMP="$ROOT/ui/node_modules/.guichet-lock.sha256"
want="$(sha256sum "$LOCK" | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" && -x "$ROOT/ui/node_modules/.bin/vite" ]]; then
  say "npm: ui/node_modules à jour (node $node_version, npm $(npm --version))"
else
  say "npm ci dans ui/ (lock file modifié ou node_modules absent)"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
  printf '%s\n' "$want" >"$STAMP"
fi
# The packages whose install scripts matter: esbuild (vite) and the Tauri CLI
# ship native binaries; check they run.
"$ROOT/ui/node_modules/.bin/esbuild" --version >/dev/null \
  || die "esbuild ne fonctionne pas : supprimez ui/node_modules et relancez"
"$ROOT/ui/node_modules/.bin/tauri" --version >/dev/null \
  || die "@tauri-apps/cli ne fonctionne pas : supprimez ui/node_modules et relancez"

# --- tauri-driver (end-to-end tests) -----------------------------------------
if command -v tauri-driver >/dev/null; then
  say "tauri-driver présent ($(command -v tauri-driver))"
else
  say "cargo install tauri-driver --version ^2 --locked (1 à 8 min selon la charge)"
  cargo install tauri-driver --version '^2' --locked
fi
command -v WebKitWebDriver >/dev/null || die "WebKitWebDriver absent (paquet webkit2gtk-driver)"

say "prêt"
