#!/usr/bin/env bash
# Takes a snapshot of what the engine answers for every golden situation
# (tests/cases/*.toml, [situation] or a household [foyer]; the offer removed
# so that the four offers run), to
# check that a restructuring changes nothing: run it before and after, then
# compare the two folders (`diff -r AVANT APRES`).
#
#   scripts/instantane-moteur.sh DOSSIER [BINAIRE]
#
# DOSSIER receives, per case, NNN.json (stdout of `guichet estimer`), NNN.err
# (stderr) and NNN.code (exit code). BINAIRE defaults to target/debug/guichet.
# The database is a fresh temporary file (shipped barèmes only).
# These outputs are the program's own: a tool for comparing two builds, never
# the expected values of a test (those are worked out by hand in tests/cases).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dossier="${1:?usage: scripts/instantane-moteur.sh DOSSIER [BINAIRE]}"
binaire="${2:-$ROOT/target/debug/guichet}"
[[ -x "$binaire" ]] || { echo "instantane: binaire absent : $binaire" >&2; exit 1; }
mkdir -p "$dossier"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$ROOT/tests/cases" "$tmp" <<'PY'
import json, sys, tomllib, pathlib
cases, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(cases.glob("*.toml")):
    cas = tomllib.loads(f.read_text())
    situation = cas.get("situation") or cas["foyer"]
    situation.pop("offre", None)
    (out / (f.stem + ".json")).write_text(json.dumps(situation, ensure_ascii=False, default=str))
PY

n=0
for s in "$tmp"/*.json; do
  nom="$(basename "$s" .json)"
  code=0
  "$binaire" --db "$tmp/guichet.db" estimer "$s" >"$dossier/$nom.json" 2>"$dossier/$nom.err" || code=$?
  echo "$code" >"$dossier/$nom.code"
  n=$((n + 1))
done
echo "instantane: $n situations dans $dossier"
