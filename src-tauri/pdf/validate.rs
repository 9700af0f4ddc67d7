//! Checks a [`Document`] before layout: every character has a glyph in both
//! faces, tables have one cell per column and usable widths, charts have one
//! non-negative value per series. Each refusal names the field in French.

use rust_decimal::Decimal;

use super::document::*;
use super::fonts::{Fonts, Weight};
use super::layout::{column_widths, min_column_width, CONTENT_WIDTH};
use super::PdfError;

fn text(fonts: &Fonts, s: &str, field: &str) -> Result<(), PdfError> {
    fonts.check(s, Weight::Regular, field)?;
    fonts.check(s, Weight::Bold, field)
}

/// A running text (header, footer) must fit on one line at 8 pt.
fn one_line(fonts: &Fonts, s: &str, weight: Weight, field: &str) -> Result<(), PdfError> {
    if s.contains('\n') || fonts.width(s, weight, 8.0) > CONTENT_WIDTH {
        return Err(PdfError::TropLong {
            champ: field.to_string(),
        });
    }
    Ok(())
}

pub(crate) fn validate(doc: &Document, fonts: &Fonts) -> Result<(), PdfError> {
    let m = &doc.meta;
    text(fonts, &m.title, "titre")?;
    one_line(fonts, &m.title, Weight::Bold, "titre")?;
    text(fonts, &m.section, "section")?;
    one_line(fonts, &m.section, Weight::Regular, "section")?;
    text(fonts, &m.reference, "référence")?;
    one_line(fonts, &m.reference, Weight::Regular, "référence")?;
    if let Some(i) = &m.adviser_initials {
        text(fonts, i, "initiales du conseiller")?;
        one_line(fonts, i, Weight::Regular, "initiales du conseiller")?;
    }
    for (n, block) in doc.blocks.iter().enumerate() {
        let b = n + 1;
        match block {
            Block::Heading(h) => text(fonts, &h.text, &format!("bloc {b} (titre)"))?,
            Block::Paragraph(p) => {
                for s in &p.spans {
                    text(fonts, &s.text, &format!("bloc {b} (paragraphe)"))?;
                }
            }
            Block::KeyValues(kv) => {
                for (k, v) in &kv.items {
                    let field = format!("bloc {b} (liste), « {k} »");
                    text(fonts, k, &field)?;
                    text(fonts, v, &field)?;
                }
            }
            Block::Notice(n) => {
                if let Some(t) = &n.title {
                    text(fonts, t, &format!("bloc {b} (encadré, titre)"))?;
                }
                text(fonts, &n.text, &format!("bloc {b} (encadré)"))?;
            }
            Block::Table(t) => table(fonts, t, b)?,
            Block::Chart(c) => chart(fonts, c, b)?,
            Block::PageBreak => {}
        }
    }
    Ok(())
}

fn table(fonts: &Fonts, t: &Table, b: usize) -> Result<(), PdfError> {
    let here = format!("bloc {b} (tableau)");
    if t.columns.is_empty() {
        return Err(PdfError::SansColonne { champ: here });
    }
    for (c, col) in t.columns.iter().enumerate() {
        text(
            fonts,
            &col.header,
            &format!("{here}, en-tête de la colonne {}", c + 1),
        )?;
    }
    for ((c, col), bx) in t.columns.iter().enumerate().zip(column_widths(t)) {
        let width = bx.width;
        if col.share == 0 || width < min_column_width() {
            return Err(PdfError::ColonneTropEtroite {
                champ: format!("{here}, colonne {} « {} »", c + 1, col.header),
                largeur_mm: width * 25.4 / 72.0,
            });
        }
    }
    if let Some(h) = t.highlight {
        if h >= t.columns.len() {
            return Err(PdfError::ColonneInexistante {
                champ: here,
                colonne: h,
                nombre: t.columns.len(),
            });
        }
    }
    for (r, row) in t.rows.iter().enumerate() {
        if row.cells.len() != t.columns.len() {
            return Err(PdfError::NombreDeCellules {
                champ: format!("{here}, ligne {}", r + 1),
                attendu: t.columns.len(),
                trouve: row.cells.len(),
            });
        }
        for (cell, col) in row.cells.iter().zip(&t.columns) {
            text(
                fonts,
                cell,
                &format!("{here}, ligne {}, colonne « {} »", r + 1, col.header),
            )?;
        }
    }
    Ok(())
}

fn chart(fonts: &Fonts, c: &StackedBarChart, b: usize) -> Result<(), PdfError> {
    let here = format!("bloc {b} (graphique)");
    if c.series.is_empty() || c.bars.is_empty() {
        return Err(PdfError::GraphiqueVide { champ: here });
    }
    for s in &c.series {
        text(fonts, &s.label, &format!("{here}, légende « {} »", s.label))?;
    }
    for bar in &c.bars {
        let field = format!("{here}, barre « {} »", bar.label);
        text(fonts, &bar.label, &field)?;
        if bar.segments.len() != c.series.len() {
            return Err(PdfError::NombreDeValeurs {
                champ: field,
                attendu: c.series.len(),
                trouve: bar.segments.len(),
            });
        }
        for (seg, series) in bar.segments.iter().zip(&c.series) {
            let field = format!("{field}, « {} »", series.label);
            text(fonts, &seg.text, &field)?;
            if seg.value < Decimal::ZERO {
                return Err(PdfError::ValeurNegative {
                    champ: field,
                    valeur: seg.value,
                });
            }
        }
        if let Some(t) = &bar.total_text {
            text(fonts, t, &format!("{field}, total"))?;
        }
    }
    Ok(())
}
