#!/usr/bin/env bash
# Measures the running app: time from process start to the first painted
# frame (the page calls `ui_ready`; with GUICHET_MESURES=1 the app prints
# "mesure: premier affichage N ms"), time from process start to an
# interactive Estimation form (catalogue loaded and painted: "mesure:
# formulaire interactif N ms"), and the memory of the idle app 5 s after
# start (the main process and its WebKit processes: RSS and PSS).
#   scripts/mesures.sh [BINARY] [RUNS]   (default: the debug build, 5 runs)
# Runs under its own Xvfb display; each run uses a fresh temporary database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BIN="${1:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/guichet}"
RUNS="${2:-5}"
[[ -x "$BIN" ]] || { echo "mesures: $BIN introuvable (cargo build d'abord)" >&2; exit 1; }

WORK="$(mktemp -d /tmp/guichet-mesures.XXXXXX)"
XVFB_PID=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB_PID" ]] && kill -TERM "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free display number, and Xvfb on it.
for n in $(seq 110 200); do
  [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] || break
done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.05; done
export DISPLAY=":$n" GDK_BACKEND=x11
unset WAYLAND_DISPLAY GUICHET_DB

# Sum of a field of /proc/PID/{status,smaps_rollup} over a process and its descendants.
tree_pids() {
  local pid=$1
  echo "$pid"
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree_pids "$c"; done
}
kib() { awk -v k="$2:" '$1 == k { print $2 }' "$1" 2>/dev/null || true; }

paints=()
forms=()
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/run" && mkdir -p "$WORK/run"
  XDG_DATA_HOME="$WORK/run/data" XDG_CACHE_HOME="$WORK/run/cache" XDG_CONFIG_HOME="$WORK/run/config" \
    GUICHET_MESURES=1 "$BIN" --db "$WORK/run/guichet.db" 2>"$WORK/run/stderr" &
  APP_PID=$!
  sleep 5
  if [[ $i -eq 1 ]]; then
    printf 'mémoire 5 s après le démarrage (run 1) :\n'
    total_rss=0; total_pss=0
    for p in $(tree_pids "$APP_PID"); do
      name="$(cat /proc/"$p"/comm 2>/dev/null || echo '?')"
      rss="$(kib /proc/"$p"/status VmRSS)"; pss="$(kib /proc/"$p"/smaps_rollup Pss)"
      printf '  %-22s RSS %7s kB   PSS %7s kB\n' "$name" "${rss:-0}" "${pss:-0}"
      total_rss=$((total_rss + ${rss:-0})); total_pss=$((total_pss + ${pss:-0}))
    done
    printf '  %-22s RSS %7d kB   PSS %7d kB  (%d MiB / %d MiB)\n' "total" "$total_rss" "$total_pss" \
      $((total_rss / 1024)) $((total_pss / 1024))
  fi
  # The markers, if they took longer than 5 s (loaded machine).
  for _ in $(seq 250); do
    grep -q 'formulaire interactif' "$WORK/run/stderr" && break
    sleep 0.1
  done
  ms="$(grep -o 'premier affichage [0-9]*' "$WORK/run/stderr" | grep -o '[0-9]*$' || true)"
  paints+=("${ms:-?}")
  ms="$(grep -o 'formulaire interactif [0-9]*' "$WORK/run/stderr" | grep -o '[0-9]*$' || true)"
  forms+=("${ms:-?}")
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
done
mediane() { printf '%s\n' "$@" | { grep -v '?' || true; } | sort -n | awk '{a[NR]=$1} END {if (NR) printf "médiane : %d ms\n", a[int((NR+1)/2)]}'; }
printf 'premier affichage (ms, %d lancements) : %s\n' "$RUNS" "${paints[*]}"
mediane "${paints[@]}"
printf 'formulaire d'"'"'estimation interactif (ms, %d lancements) : %s\n' "$RUNS" "${forms[*]}"
mediane "${forms[@]}"
printf 'binaire : %s (%s octets)\n' "$BIN" "$(stat -c %s "$BIN")"
