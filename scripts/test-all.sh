#!/usr/bin/env bash
# Sets up the machine, then runs every check of Guichet in order, stopping at
# the first failure:
#   setup, rustfmt, UI (build, svelte-check, vitest), clippy, cargo test
#   (unit + integration), end-to-end (the real app under Xvfb, tauri-driver).
# The UI is built before clippy because the Rust build embeds ui/dist.
# Screenshots of the end-to-end run land in artifacts/e2e/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

TOTAL_START=$SECONDS
TIMINGS=()

# step NAME COMMAND...: runs COMMAND, prints its duration, stops everything on failure.
step() {
  local name="$1"; shift
  local start=$SECONDS rc=0
  printf '\n==> %s\n    $ %s\n' "$name" "$*"
  "$@" || rc=$?
  local took=$((SECONDS - start))
  if ((rc != 0)); then
    printf '\ntest-all: ÉCHEC à l’étape « %s » (code %d, après %d s)\n' "$name" "$rc" "$took" >&2
    printf 'test-all: pour la relancer seule : %s\n' "$*" >&2
    exit "$rc"
  fi
  TIMINGS+=("$(printf '%-28s %5d s' "$name" "$took")")
  printf '⏱  %s : %d s\n' "$name" "$took"
}

step "setup"                 scripts/setup.sh
step "rustfmt"               cargo fmt --all -- --check
step "ui: build"             build_ui
step "ui: svelte-check"      npm --prefix ui run check --silent
step "ui: vitest"            npm --prefix ui test --silent
step "clippy"                cargo clippy --all-targets --features e2e -- -D warnings
step "cargo test"            cargo test
step "e2e (Xvfb)"            cargo test --features e2e --test e2e -- --test-threads=1

printf '\n==> durées\n'
printf '    %s\n' "${TIMINGS[@]}"
printf 'test-all: tout est vert en %d s\n' "$((SECONDS - TOTAL_START))"
