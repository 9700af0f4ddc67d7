# Shared helpers of the scripts (sourced, not run).
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

# Builds ui/dist with vite, unless no input of the UI is newer than the last
# build: an unchanged UI then keeps its file dates and cargo does not re-embed it.
build_ui() {
  local stamp="$ROOT/ui/dist/index.html" inputs newer
  inputs=("$ROOT/ui/src" "$ROOT/ui/index.html" "$ROOT/ui/package-lock.json"
    "$ROOT/ui/vite.config.ts" "$ROOT/ui/svelte.config.js" "$ROOT/ui/tsconfig.json"
    "$ROOT/assets/fonts")
  [[ -d "$ROOT/ui/public" ]] && inputs+=("$ROOT/ui/public")
  if [[ -f "$stamp" ]]; then
    newer="$(find "${inputs[@]}" -type f -newer "$stamp" -print -quit)"
    if [[ -z "$newer" ]]; then
      printf 'ui: ui/dist est à jour\n'
      return 0
    fi
  fi
  printf 'ui: npm run build (vite) -> ui/dist\n'
  npm --prefix "$ROOT/ui" run build --silent
}
