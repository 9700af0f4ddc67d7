#!/usr/bin/env bash
# Builds the Debian package of Guichet (release build, UI embedded):
#   target/release/bundle/deb/Guichet_<version>_amd64.deb
# Install it with `sudo apt install ./target/release/bundle/deb/Guichet_*.deb`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
# The Tauri CLI comes from ui/node_modules (npm ci). It finds tauri.conf.json
# at the repository root, next to Cargo.toml, and runs its beforeBuildCommand
# (the UI build) from ui/, where package.json is.
printf 'build-deb: tauri build --bundles deb\n'
"$ROOT/ui/node_modules/.bin/tauri" build --ci --bundles deb

DEB_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/release/bundle/deb"
deb="$(ls -t "$DEB_DIR"/*.deb | head -n1)"
printf 'build-deb: %s (%s)\n' "$deb" "$(du -h "$deb" | cut -f1)"
