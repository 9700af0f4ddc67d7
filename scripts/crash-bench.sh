#!/usr/bin/env bash
# Crash bench (issue 8): the real binary saves estimates in a loop and is
# killed with SIGKILL at random moments, N times (1 000 by default); after
# each kill every acknowledged save must be present and identical and
# `PRAGMA integrity_check` ok. Same harness as the test suite
# (tests/fiabilite_crash.rs, 50 cycles there), more cycles.
#
#   scripts/crash-bench.sh [CYCLES] [GRAINE]
#
# The test and the binary are built once, then copied to a private folder:
# a rebuild of the (shared) target folder during the run does not swap the
# binary being killed.
#
# Prints: cycles, acknowledged saves, losses (0), modified (0), duration.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
CYCLES="${1:-1000}"
if [[ -n "${2:-}" ]]; then export GUICHET_GRAINE_CRASH="$2"; fi
export GUICHET_CYCLES_CRASH="$CYCLES"

copie="$(mktemp -d)"
trap 'rm -rf "$copie"' EXIT
essai="$(cargo test --test fiabilite_crash --no-run --message-format=json 2>/dev/null \
  | grep -o '"executable":"[^"]*fiabilite_crash[^"]*"' | tail -1 | cut -d'"' -f4)"
cible="${CARGO_TARGET_DIR:-$ROOT/target}/debug/guichet"
[[ -x "$essai" && -x "$cible" ]] || { echo "crash-bench : construction impossible" >&2; exit 1; }
cp "$essai" "$copie/essai"
cp "$cible" "$copie/guichet"
export GUICHET_BINAIRE="$copie/guichet"

printf 'crash-bench: %s cycles SIGKILL\n' "$CYCLES"
"$copie/essai" --nocapture --test-threads=1 2>&1 \
  | grep -E '^(graine|mesure|un enregistrement|test result)|panicked|perdue|modifiée'
