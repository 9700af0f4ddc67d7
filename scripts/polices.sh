#!/usr/bin/env bash
# Regenerates the faces cut from DejaVu Sans regular and bold
# (assets/fonts/*.ttf, the sources, whole), at development time only, when
# the TTF or a character set change; the output is committed.
#
# 1. The page's web fonts, ui/src/styles/polices/*.woff2: the characters
#    the interface and its data show, in WOFF2 (about 24 kB each instead of
#    740 kB of TTF). Kept: Basic Latin and Latin-1 (French accents, « », °,
#    ×, ½, no-break space), Œ œ Ÿ, the General Punctuation block (– — ’ … •
#    and the narrow no-break space U+202F that separates thousands), €, the
#    arrows ← ↑ → ↓, − ≈ ≠ ≤ ≥, ⚠, and ▸ ▾ (U+25B8, U+25BE: the markers
#    WebKit draws as text before a closed and an open <details> summary). A
#    character outside this set still shows, in the system's sans-serif
#    face. (The keyboard hints, <kbd>, are set in the page's face by app.css
#    rather than the browser's monospace: no third face to load.)
# 2. The PDF's faces, assets/fonts/pdf/*.ttf (the build script compresses
#    them into the binary; printpdf embeds in each document the glyphs it
#    uses): every script a name typed at a French counter is written in —
#    Latin with all its extensions (Vietnamese included) and combining
#    accents, Greek, Cyrillic — and the punctuation, currency, letter-like,
#    number-form, arrow, mathematical and geometric blocks and the symbols
#    and dingbats DejaVu draws. Without the hinting instructions (screen
#    pixel-fitting; viewers and printers draw the outlines) nor the OpenType
#    layout tables (printpdf places glyph after glyph, without shaping or
#    kerning). ≈ 205 kB compressed for the two faces instead of 645 kB of
#    whole TTF: the binary's size budget (issue 15). A character outside the
#    set (Arabic, Hebrew, CJK…) is refused before printing with a French
#    message naming its field (src-tauri/pdf/fonts.rs), as a character
#    without glyph in the whole face was.
#   scripts/polices.sh
# Needs python3 with fontTools 4.68.0 and brotli 1.2.1: those already
# installed when they are these versions, otherwise installed in a private
# venv under target/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UNICODES="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+2248,U+2260,U+2264-2265,U+25B8,U+25BE,U+26A0"
VENV="${CARGO_TARGET_DIR:-$ROOT/target}/polices-venv"
SORTIE="$ROOT/ui/src/styles/polices"
SORTIE_PDF="$ROOT/assets/fonts/pdf"
UNICODES_PDF="U+0000-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2500-27BF"

if python3 -c 'import brotli, fontTools, sys; sys.exit(fontTools.version != "4.68.0" or brotli.version != "1.2.1")' 2>/dev/null; then
  PYTHON=python3
else
  if [[ ! -x "$VENV/bin/pyftsubset" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "fonttools==4.68.0" "brotli==1.2.1"
  fi
  PYTHON="$VENV/bin/python"
fi
mkdir -p "$SORTIE" "$SORTIE_PDF"
for face in DejaVuSans DejaVuSans-Bold; do
  # --drop-tables+=FFTM: FontForge's timestamps, no use in a browser.
  "$PYTHON" -m fontTools.subset "$ROOT/assets/fonts/$face.ttf" \
    --unicodes="$UNICODES" --flavor=woff2 --drop-tables+=FFTM \
    --output-file="$SORTIE/$face.woff2"
  printf 'polices: %s (%s octets)\n' "ui/src/styles/polices/$face.woff2" "$(stat -c %s "$SORTIE/$face.woff2")"
  "$PYTHON" -m fontTools.subset "$ROOT/assets/fonts/$face.ttf" \
    --unicodes="$UNICODES_PDF" --layout-features= --no-hinting --drop-tables+=FFTM \
    --output-file="$SORTIE_PDF/$face.ttf"
  printf 'polices: %s (%s octets)\n' "assets/fonts/pdf/$face.ttf" "$(stat -c %s "$SORTIE_PDF/$face.ttf")"
done
