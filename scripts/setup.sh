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
export PATH="$HOME/.cargo/bin:$PATH"
RUST_MIN="1.85"
command -v cargo >/dev/null || die "Rust est absent : installez Rust >= $RUST_MIN avec rustup (https://rustup.rs), puis relancez"
rust_version="$(rustc --version | awk '{print $2}')"
if [[ "$(printf '%s\n%s\n' "$RUST_MIN" "$rust_version" | sort -V | head -n1)" != "$RUST_MIN" ]]; then
  die "Rust $rust_version est trop ancien : il faut Rust >= $RUST_MIN (rustup update)"
fi
for c in rustfmt cargo-clippy; do
  command -v "$c" >/dev/null || die "$c est absent : rustup component add ${c#cargo-}"
done
say "rust: rustc $rust_version, rustfmt et clippy présents"

# --- Node.js and the UI packages ----------------------------------------------
NODE_MIN="20.19"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "node: absent, installation du paquet Debian nodejs + npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  apt_install nodejs npm
fi
node_version="$(node --version | sed 's/^v//')"
if [[ "$(printf '%s\n%s\n' "$NODE_MIN" "$node_version" | sort -V | head -n1)" != "$NODE_MIN" ]]; then
  die "Node.js $node_version est trop ancien pour Vite 7 : il faut Node.js >= $NODE_MIN"
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
  say "cargo install tauri-driver --version ^2 --locked (environ 1 min)"
  cargo install tauri-driver --version '^2' --locked
fi
command -v WebKitWebDriver >/dev/null || die "WebKitWebDriver absent (paquet webkit2gtk-driver)"

say "prêt"
