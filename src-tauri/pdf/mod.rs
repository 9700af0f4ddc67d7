//! Printable documents. Callers (estimate, checklists, simulators) describe a
//! [`Document`] — metadata and blocks: headings, paragraphs, label/value
//! lists, notices, tables, stacked-bar charts, page breaks — and get PDF bytes
//! from [`render`]. This module is the only one that knows printpdf.
//!
//! Pipeline: `validate` (every character drawable, tables and charts well
//! formed) → [`layout()`] (`wrap`: line breaking with the real glyph widths;
//! pagination; then the header and the "page i/N" footer once the page count
//! is known) → `render` (printpdf ops, DejaVu Sans embedded as subsets).
//!
//! Files: `document` the model, `format` the shared French formats, `fonts`
//! the embedded faces and measurement, `wrap` line breaking, `layout`
//! pagination and page geometry, `chart` the stacked bars, `validate` the
//! checks, `render` the printpdf side.
//!
//! Amounts and dates are printed as the caller formatted them; use
//! [`format::euros`] and [`format::date`] so every document agrees.

mod chart;
pub mod document;
mod fonts;
pub mod format;
pub mod layout;
mod render;
mod validate;
mod wrap;

pub use document::*;
pub use fonts::Weight;
pub use layout::{layout, LaidOutDocument};

use rust_decimal::Decimal;

/// Why a document could not be made. Messages are French and name the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    #[error("la police « {0} » embarquée est illisible")]
    Police(&'static str),
    #[error("{champ} : le caractère « {caractere} » (U+{code:04X}) n'existe pas dans la police DejaVu Sans")]
    CaractereAbsent {
        champ: String,
        caractere: char,
        code: u32,
    },
    #[error("{champ} : trop long pour tenir sur une ligne d'en-tête ou de pied de page")]
    TropLong { champ: String },
    #[error("{champ} : le tableau n'a aucune colonne")]
    SansColonne { champ: String },
    #[error("{champ} : colonne trop étroite ({} mm)", format!("{:.1}", .largeur_mm).replace('.', ","))]
    ColonneTropEtroite { champ: String, largeur_mm: f32 },
    #[error("{champ} : la colonne mise en avant n° {colonne} n'existe pas (le tableau a {nombre} colonnes, numérotées à partir de 0)")]
    ColonneInexistante {
        champ: String,
        colonne: usize,
        nombre: usize,
    },
    #[error("{champ} : {attendu} cellules attendues (une par colonne), {trouve} reçues")]
    NombreDeCellules {
        champ: String,
        attendu: usize,
        trouve: usize,
    },
    #[error("{champ} : le graphique n'a aucune série ou aucune barre")]
    GraphiqueVide { champ: String },
    #[error("{champ} : {attendu} valeurs attendues (une par série), {trouve} reçues")]
    NombreDeValeurs {
        champ: String,
        attendu: usize,
        trouve: usize,
    },
    #[error("{champ} : valeur négative ({}) impossible à représenter dans une barre", format::euros(*.valeur))]
    ValeurNegative { champ: String, valeur: Decimal },
    #[error("l'écriture du PDF a échoué")]
    Ecriture,
}

/// Lays out and renders `doc` as PDF bytes (A4, fonts embedded).
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let laid = layout(doc)?;
    render::render(&laid, &doc.meta, fonts::fonts()?)
}
