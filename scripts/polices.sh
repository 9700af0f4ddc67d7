#!/usr/bin/env bash
# Regenerates the page's web fonts, ui/src/styles/polices/*.woff2: DejaVu
# Sans regular and bold (assets/fonts/*.ttf) cut down to the characters the
# interface and its data show, in WOFF2 (about 24 kB each instead of 740 kB
# of TTF). Run at development time only, when the TTF or the character set
# change; its output is committed. The PDF keeps the whole TTF (printpdf
# subsets what it embeds).
#
# Characters kept: Basic Latin and Latin-1 (French accents, « », °, ×, ½,
# no-break space), Œ œ Ÿ, the General Punctuation block (– — ’ … • and the
# narrow no-break space U+202F that separates thousands), €, the arrows
# ← ↑ → ↓, − ≈ ≠ ≤ ≥, ⚠, and ▸ ▾ (U+25B8, U+25BE: the markers WebKit draws
# as text before a closed and an open <details> summary). A character
# outside this set still shows, in the system's sans-serif face. (The
# keyboard hints, <kbd>, are set in the page's face by app.css rather than
# the browser's monospace: no third face to load.)
#   scripts/polices.sh
# Needs python3 with fontTools 4.68.0 and brotli 1.2.1: those already
# installed when they are these versions, otherwise installed in a private
# venv under target/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UNICODES="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+2248,U+2260,U+2264-2265,U+25B8,U+25BE,U+26A0"
VENV="${CARGO_TARGET_DIR:-$ROOT/target}/polices-venv"
SORTIE="$ROOT/ui/src/styles/polices"

if python3 -c 'import brotli, fontTools, sys; sys.exit(fontTools.version != "4.68.0" or brotli.version != "1.2.1")' 2>/dev/null; then
  PYTHON=python3
else
  if [[ ! -x "$VENV/bin/pyftsubset" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "fonttools==4.68.0" "brotli==1.2.1"
  fi
  PYTHON="$VENV/bin/python"
fi
mkdir -p "$SORTIE"
for face in DejaVuSans DejaVuSans-Bold; do
  # --drop-tables+=FFTM: FontForge's timestamps, no use in a browser.
  "$PYTHON" -m fontTools.subset "$ROOT/assets/fonts/$face.ttf" \
    --unicodes="$UNICODES" --flavor=woff2 --drop-tables+=FFTM \
    --output-file="$SORTIE/$face.woff2"
  printf 'polices: %s (%s octets)\n' "ui/src/styles/polices/$face.woff2" "$(stat -c %s "$SORTIE/$face.woff2")"
done
