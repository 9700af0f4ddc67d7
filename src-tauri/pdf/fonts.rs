//! The two embedded faces (DejaVu Sans regular and bold, free licence, cut
//! by `scripts/polices.sh` into `assets/fonts/pdf/`: Latin with all its
//! extensions, Greek, Cyrillic, punctuation and symbols) and text
//! measurement from their glyph advance widths.
//!
//! The binary carries the two TTF files compressed with brotli by the build
//! script (≈ 255 kB; the whole faces would be 645 kB compressed, 1,47 MB
//! raw); they are decompressed once, with the first PDF, and printpdf
//! embeds the glyphs each document uses. A character the faces lack is
//! refused before printing, naming its field ([`Fonts::check`]).
//!
//! printpdf writes text with an external font glyph by glyph, without kerning,
//! so a line's printed width is exactly the sum of its glyphs' `hmtx`
//! advances: measuring that sum is what lets the wrapper guarantee that no
//! line overflows its box.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::PdfError;

static REGULAR_TTF_BR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans.ttf.br"));
static BOLD_TTF_BR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/DejaVuSans-Bold.ttf.br"));

/// Weight of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Characters below this code point have their advance precomputed
/// (Latin, punctuation, "€" U+20AC, "−" U+2212…); others are looked up.
const CACHED: usize = 0x2300;

/// One parsed face with its metrics in em.
pub(crate) struct Face {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
    /// Advance in em of each code point below [`CACHED`], `None` if no glyph.
    cache: Vec<Option<f32>>,
}

impl Face {
    /// Decompresses and parses one embedded face.
    fn load(compressed: &[u8], name: &'static str) -> Result<Self, PdfError> {
        let mut bytes = Vec::new();
        brotli::BrotliDecompress(&mut &compressed[..], &mut bytes)
            .map_err(|_| PdfError::Police(name))?;
        let mut warnings = Vec::new();
        let parsed =
            ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or(PdfError::Police(name))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(PdfError::Police(name));
        }
        let mut face = Self {
            parsed,
            units_per_em,
            cache: Vec::new(),
        };
        face.cache = (0..CACHED as u32)
            .map(|cp| char::from_u32(cp).and_then(|c| face.lookup(c)))
            .collect();
        Ok(face)
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let gid = self
            .parsed
            .lookup_glyph_index(c as u32)
            .filter(|g| *g != 0)?;
        Some(f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em)
    }

    /// Advance width of `c` in em, or `None` when the face has no glyph for it.
    fn advance(&self, c: char) -> Option<f32> {
        match self.cache.get(c as usize) {
            Some(cached) => *cached,
            None => self.lookup(c),
        }
    }
}

/// Both faces, parsed once per process.
pub(crate) struct Fonts {
    pub(crate) regular: Face,
    pub(crate) bold: Face,
}

static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();

/// The shared faces (parsed on first use, ≈ a few ms, then reused).
pub(crate) fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: Face::load(REGULAR_TTF_BR, "DejaVu Sans")?,
                bold: Face::load(BOLD_TTF_BR, "DejaVu Sans Bold")?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Fonts {
    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Printed width of `text` in points at `size` points.
    ///
    /// Characters without a glyph never reach here: [`Fonts::check`] refuses
    /// them first. Should one slip through, it is counted as one em, wider
    /// than any glyph of these faces, so a line can only be under-filled.
    pub(crate) fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        text.chars()
            .map(|c| face.advance(c).unwrap_or(1.0))
            .sum::<f32>()
            * size
    }

    /// Refuses text holding a character that a face cannot draw (it would
    /// print as an empty box), naming where it was found.
    pub(crate) fn check(&self, text: &str, weight: Weight, field: &str) -> Result<(), PdfError> {
        let face = self.face(weight);
        for c in text.chars() {
            if c == '\n' {
                continue;
            }
            if c.is_control() || face.advance(c).is_none() {
                return Err(PdfError::CaractereAbsent {
                    champ: field.to_string(),
                    caractere: c,
                    code: c as u32,
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_glyph_advances() {
        let f = fonts().unwrap();
        // DejaVu Sans: 2048 units per em; "0" advances 1303 units, so at
        // 10 pt one digit is 1303 / 2048 × 10 = 6.3623 pt.
        let w = f.width("0", Weight::Regular, 10.0);
        assert!((w - 6.3623).abs() < 0.001, "{w}");
        // Ten digits: ten times that.
        let w10 = f.width("0123456789", Weight::Regular, 10.0);
        assert!((w10 - 63.623).abs() < 0.01, "{w10}");
        // Bold is wider: "0" is 1425 units in DejaVu Sans Bold.
        let wb = f.width("0", Weight::Bold, 10.0);
        assert!((wb - 6.958).abs() < 0.001, "{wb}");
    }

    #[test]
    fn french_characters_and_symbols_are_covered() {
        let f = fonts().unwrap();
        let text = "é è à ç ô œ É « » — ’ € \u{202f} \u{a0} \u{2212} ½ °";
        assert!(f.check(text, Weight::Regular, "essai").is_ok());
        assert!(f.check(text, Weight::Bold, "essai").is_ok());
    }

    /// Names as a French counter meets them (scripts/polices.sh keeps every
    /// extension of Latin, Greek and Cyrillic): Vietnamese, Polish,
    /// Romanian (comma below, U+0218–U+021B), Turkish, Greek, Russian.
    #[test]
    fn names_in_latin_greek_and_cyrillic_are_covered() {
        let f = fonts().unwrap();
        let noms = "Nguyễn Thị Hương, Łukasz Wałęsa, Ștefan Țară, Şükrü Gündoğdu, Σωκράτης Παπαδόπουλος, Фёдор Достоевский";
        assert!(f.check(noms, Weight::Regular, "essai").is_ok());
        assert!(f.check(noms, Weight::Bold, "essai").is_ok());
    }

    /// Arabic is in the whole DejaVu Sans but not in the cut the binary
    /// carries: refused before printing, never an empty box.
    #[test]
    fn a_script_outside_the_cut_is_refused() {
        let f = fonts().unwrap();
        let err = f
            .check("Karim كريم", Weight::Bold, "foyer[1].nom")
            .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("foyer[1].nom") && msg.contains("U+0643"),
            "{msg}"
        );
    }

    #[test]
    fn a_character_without_glyph_is_refused_with_its_field() {
        let f = fonts().unwrap();
        // U+4E2D (a CJK ideograph) is not in DejaVu Sans.
        let err = f
            .check("Bonjour 中", Weight::Regular, "paragraphe 2")
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("paragraphe 2"), "{msg}");
        assert!(msg.contains("U+4E2D"), "{msg}");
    }
}
