#!/usr/bin/env bash
# Fuzzing (issue 8): runs each fuzz target for a set time and prints, per
# target, the cases run and the panics and failures found (0 expected).
#
#   scripts/fuzz.sh [SECONDES] [FICHIER…]   # 300 s by default, per target;
#                                          # files: fuzz_situation fuzz_tarifs fuzz_fiches
#
# The targets are proptest runners (tests/fuzz_*.rs, see tests/fuzz_commun):
# cargo-fuzz would need a nightly toolchain and sanitizer builds of Tauri.
# Each file's targets run side by side (one thread each) for SECONDES; the
# files run one after the other. A failure prints its minimal input.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SECONDES="${1:-300}"
shift || true
CIBLES=("$@")
[[ ${#CIBLES[@]} -gt 0 ]] || CIBLES=(fuzz_situation fuzz_tarifs fuzz_fiches)
export GUICHET_FUZZ_SECONDES="$SECONDES"
export RUST_BACKTRACE=0
rc=0
for cible in "${CIBLES[@]}"; do
  printf '==> %s (%s s par cible)\n' "$cible" "$SECONDES"
  journal="$(mktemp)"
  if ! cargo test --quiet --test "$cible" -- --nocapture --test-threads=8 >"$journal" 2>&1; then
    rc=1
  fi
  grep -oE 'fuzz [a-z_]+ : [0-9]+ cas.*|^test result.*|entrée minimale.*|PANIQUE.*|^error.*|^échec.*' "$journal" || true
  rm -f "$journal"
done
exit "$rc"
