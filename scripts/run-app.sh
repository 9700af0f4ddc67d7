#!/usr/bin/env bash
# Sets up the machine, builds the UI and the app, and opens the Guichet window.
# The database is created and migrated on first start; extra arguments go to
# guichet (e.g. `scripts/run-app.sh --db /tmp/essai.db`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
build_ui
printf 'run-app: cargo build\n'
cargo build
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/guichet"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  printf 'run-app: pas d’écran (DISPLAY vide) : la fenêtre s’ouvre sur un écran virtuel Xvfb 1366x768\n'
  exec xvfb-run -a -s "-screen 0 1366x768x24" "$BIN" "$@"
fi
printf 'run-app: %s %s\n' "$BIN" "$*"
exec "$BIN" "$@"
