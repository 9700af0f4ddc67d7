#!/usr/bin/env bash
# Crash bench (issue 8): the real binary saves estimates in a loop and is
# killed with SIGKILL at random moments, N times (1 000 by default); after
# each kill every acknowledged save must be present and identical and
# `PRAGMA integrity_check` ok. Same harness as the test suite
# (tests/fiabilite_crash.rs, 50 cycles there), more cycles.
#
#   scripts/crash-bench.sh [CYCLES] [GRAINE]
#
# Prints: cycles, acknowledged saves, losses (0), modified (0), duration.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CYCLES="${1:-1000}"
if [[ -n "${2:-}" ]]; then export GUICHET_GRAINE_CRASH="$2"; fi
export GUICHET_CYCLES_CRASH="$CYCLES"
printf 'crash-bench: %s cycles SIGKILL\n' "$CYCLES"
cargo test --test fiabilite_crash -- --nocapture --test-threads=1 2>&1 \
  | grep -E '^(graine|mesure|test result)|panicked|perdue|modifiée' 
