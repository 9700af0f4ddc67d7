#!/usr/bin/env bash
# Measures Guichet against a bare Tauri 2 app (benches/tauri-minimal: same
# Tauri version, lock file, target directory and release profile), both in
# release builds, in alternated runs under one Xvfb display:
#   - first paint: process start -> first frame on screen (both pages call
#     `ui_ready` two animation frames after mounting; with GUICHET_MESURES=1
#     the apps print "mesure: premier affichage N ms");
#   - interactive Estimation form (Guichet): catalogue loaded and painted;
#   - PSS of the process and its WebKit processes 5 s after start;
#   - release binary and .deb sizes;
# medians over the runs, each as a Guichet / minimal ratio, beside the budgets
# of issue 15. Both marks are the browser's record of a paint (Paint Timing,
# first-contentful-paint; the form's, its first frame once the catalogue is
# in), placed on the process's clock: they do not depend on an animation
# frame or on the delay of the IPC call that reports them.
# Guichet starts on an existing database (a copy, per run, of one made by a
# first start) and each app on its own cache folder, kept from run to run
# after one unmeasured start: the everyday case of a workstation, where
# WebKit's and Mesa's caches (compiled shaders: without a GPU, as under Xvfb,
# the first frame of a new cache is seconds of shader compiling) outlive a
# launch. Last series: the very first start of each app (empty caches;
# for Guichet, a new database: migrations and shipped barèmes written).
#   scripts/mesures.sh [RUNS]          (default 5)
#   MESURES_SANS_CONSTRUCTION=1 scripts/mesures.sh   measures the binaries as built
#   MESURES_PROFIL=debug scripts/mesures.sh          the debug builds (no .deb):
#     quicker to build, to find where the time goes; the budgets are for release
# Every run uses its own temporary data and config directories.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-5}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
PROFIL="${MESURES_PROFIL:-release}"
GUICHET="$TARGET/$PROFIL/guichet"
MINIMAL="$TARGET/$PROFIL/tauri-minimal"
DEBS="$TARGET/release/bundle/deb"

if [[ -z "${MESURES_SANS_CONSTRUCTION:-}" ]]; then
  build_ui
  # Both in one cargo call: the shared dependencies get the same features,
  # so they are compiled once for the two apps.
  option=()
  [[ "$PROFIL" == release ]] && option=(--release)
  printf 'mesures: cargo build %s -p guichet -p tauri-minimal\n' "${option[*]}"
  (cd "$ROOT" && nice -n 10 cargo build "${option[@]}" -p guichet -p tauri-minimal)
  if [[ "$PROFIL" == release ]]; then
    printf 'mesures: paquets .deb (tauri bundle)\n'
    rm -f "$DEBS"/*.deb
    (cd "$ROOT" && "$ROOT/ui/node_modules/.bin/tauri" bundle --ci --bundles deb >/dev/null)
    (cd "$ROOT/benches/tauri-minimal" && "$ROOT/ui/node_modules/.bin/tauri" bundle --ci --bundles deb >/dev/null)
  fi
fi
for b in "$GUICHET" "$MINIMAL"; do
  [[ -x "$b" ]] || { echo "mesures: $b introuvable (lancez sans MESURES_SANS_CONSTRUCTION)" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/guichet-mesures.XXXXXX)"
XVFB_PID=""
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -n "$XVFB_PID" ]]; then kill -TERM "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
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

# The process and its descendants (the WebKit web and network processes).
tree_pids() {
  local pid=$1
  echo "$pid"
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree_pids "$c"; done
}
pss_kib() {
  local total=0 p v
  for p in $(tree_pids "$1"); do
    v="$(awk '$1 == "Pss:" { print $2 }' /proc/"$p"/smaps_rollup 2>/dev/null || true)"
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
# The value N of the first "mesure: WHAT N ms" line of a log, or "?".
marque() { { grep -o "mesure: $2 [0-9]*" "$1" || true; } | head -n1 | grep -o '[0-9]*$' || echo '?'; }

# One run: starts the app, waits for the mark "$3" (at most 25 s), then, if
# $4 is "pss", until 5 s after the start, and records its PSS. Appends to
# the arrays named by the app's label. Its cache folder: $CACHE.
lancer() {
  local label=$1 log=$2 attendu=$3 pss=$4
  shift 4
  local debut
  debut=$(date +%s%N)
  env XDG_DATA_HOME="$WORK/run/data" XDG_CACHE_HOME="$CACHE" \
    XDG_CONFIG_HOME="$WORK/run/config" GUICHET_MESURES=1 "$@" 2>"$log" &
  APP_PID=$!
  for _ in $(seq 250); do
    grep -q "mesure: $attendu" "$log" && break
    sleep 0.1
  done
  if [[ "$pss" == pss ]]; then
    local reste=$((5000 - ($(date +%s%N) - debut) / 1000000))
    if ((reste > 0)); then sleep "$(awk -v r="$reste" 'BEGIN { printf "%.3f", r / 1000 }')"; fi
    eval "${label}_pss+=(\"\$(pss_kib \"\$APP_PID\")\")"
  fi
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

mediane() { printf '%s\n' "$@" | { grep -v '?' || true; } | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "?"}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a/b; else printf "?" }'; }

# A database as after a first start, copied for each run.
mkdir -p "$WORK/modele"
XDG_DATA_HOME="$WORK/modele/data" "$GUICHET" base --db "$WORK/modele/guichet.db" >/dev/null

charge_avant="$(cut -d' ' -f1-3 /proc/loadavg)"
guichet_paint=(); guichet_form=(); guichet_pss=()
minimal_paint=(); minimal_pss=()
# One unmeasured start of each app fills its cache folder.
rm -rf "$WORK/run" && mkdir -p "$WORK/run"
cp "$WORK/modele/guichet.db" "$WORK/run/guichet.db"
CACHE="$WORK/cache-guichet" lancer chauffe "$WORK/run/log" "formulaire interactif" non "$GUICHET" --db "$WORK/run/guichet.db"
rm -rf "$WORK/run" && mkdir -p "$WORK/run"
CACHE="$WORK/cache-minimal" lancer chauffe "$WORK/run/log" "premier affichage" non "$MINIMAL"
for i in $(seq "$RUNS"); do
  # Alternated, and in turn first, so that neither always runs on a warmer cache.
  ordre=(guichet minimal)
  ((i % 2 == 0)) && ordre=(minimal guichet)
  for app in "${ordre[@]}"; do
    rm -rf "$WORK/run" && mkdir -p "$WORK/run"
    CACHE="$WORK/cache-$app"
    if [[ $app == guichet ]]; then
      cp "$WORK/modele/guichet.db" "$WORK/run/guichet.db"
      lancer guichet "$WORK/run/log" "formulaire interactif" pss "$GUICHET" --db "$WORK/run/guichet.db"
      guichet_paint+=("$(marque "$WORK/run/log" 'premier affichage')")
      guichet_form+=("$(marque "$WORK/run/log" 'formulaire interactif')")
      [[ $i -eq 1 ]] && cp "$WORK/run/log" "$WORK/guichet-run1.log"
    else
      lancer minimal "$WORK/run/log" "premier affichage" pss "$MINIMAL"
      minimal_paint+=("$(marque "$WORK/run/log" 'premier affichage')")
      [[ $i -eq 1 ]] && cp "$WORK/run/log" "$WORK/minimal-run1.log"
    fi
  done
done
# The very first start: empty caches; for Guichet a new database. Alternated.
premier_form=(); premier_minimal=()
for i in $(seq "$RUNS"); do
  ordre=(guichet minimal)
  ((i % 2 == 0)) && ordre=(minimal guichet)
  for app in "${ordre[@]}"; do
    rm -rf "$WORK/run" && mkdir -p "$WORK/run"
    CACHE="$WORK/run/cache"
    if [[ $app == guichet ]]; then
      lancer premier "$WORK/run/log" "formulaire interactif" non "$GUICHET" --db "$WORK/run/guichet.db"
      premier_form+=("$(marque "$WORK/run/log" 'formulaire interactif')")
    else
      lancer premier "$WORK/run/log" "premier affichage" non "$MINIMAL"
      premier_minimal+=("$(marque "$WORK/run/log" 'premier affichage')")
    fi
  done
done

printf '\nMarques du premier lancement de Guichet (base existante) :\n'
sed -n 's/^mesure: /  /p' "$WORK/guichet-run1.log"
printf '\nMarques du premier lancement de l'"'"'application minimale :\n'
sed -n 's/^mesure: /  /p' "$WORK/minimal-run1.log"
printf '\nLancements (ms) — Guichet premier affichage : %s\n' "${guichet_paint[*]}"
printf '                 Guichet formulaire interactif : %s\n' "${guichet_form[*]}"
printf '                 minimal premier affichage : %s\n' "${minimal_paint[*]}"
printf '                 premier lancement (caches vides) : Guichet, base neuve, formulaire interactif : %s ; minimal premier affichage : %s\n' "${premier_form[*]}" "${premier_minimal[*]}"
printf '                 PSS (kB) Guichet : %s ; minimal : %s\n' "${guichet_pss[*]}" "${minimal_pss[*]}"

m_paint=$(mediane "${minimal_paint[@]}")
g_paint=$(mediane "${guichet_paint[@]}")
g_form=$(mediane "${guichet_form[@]}")
p_form=$(mediane "${premier_form[@]}")
p_minimal=$(mediane "${premier_minimal[@]}")
m_pss=$(mediane "${minimal_pss[@]}")
g_pss=$(mediane "${guichet_pss[@]}")
g_bin=$(stat -c %s "$GUICHET"); m_bin=$(stat -c %s "$MINIMAL")
g_deb=$(stat -c %s "$DEBS"/Guichet_*.deb 2>/dev/null | head -n1 || true)
m_deb=$(stat -c %s "$DEBS"/tauri-minimal_*.deb 2>/dev/null | head -n1 || true)

printf '\nMédianes sur %d lancements alternés (%s ; charge moyenne avant %s, après %s) :\n' \
  "$RUNS" "$(date '+%d/%m/%Y %H:%M')" "$charge_avant" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-44s %12s %12s %7s   %s\n' "" Guichet minimal ratio budget
ligne() { printf '  %-44s %12s %12s %7s   %s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"; }
ligne "premier affichage (ms)" "$g_paint" "$m_paint" ""
ligne "formulaire interactif / 1er affichage min." "$g_form" "$m_paint" "≤ 1,30"
ligne "premier lancement (caches vides, base neuve)" "$p_form" "$p_minimal" ""
ligne "PSS 5 s après le démarrage (kB)" "$g_pss" "$m_pss" "≤ 1,20"
ligne "binaire release (octets)" "$g_bin" "$m_bin" "≤ 2,50"
ligne "paquet .deb (octets)" "${g_deb:-?}" "${m_deb:-?}" ""
