//! Bad documents are refused with a French message naming the field, never a
//! panic nor a silently wrong page.

mod pdf_fixture;

use guichet::pdf::*;
use pdf_fixture::*;
use rust_decimal_macros::dec;

fn with(block: impl Into<Block>) -> Document {
    let mut doc = Document::new(meta("Relevé"));
    doc.push(Paragraph::new("Introduction."));
    doc.push(block);
    doc
}

fn message(doc: &Document) -> String {
    render(doc).expect_err("refus attendu").to_string()
}

#[test]
fn a_row_with_a_missing_cell_is_refused() {
    let table = Table::new(vec![
        Column::text("Acte", 60),
        Column::amount("Montant", 40),
    ])
    .row(["Consultation", "30,00 €"])
    .row(["Radiographie"]);
    assert_eq!(
        message(&with(table)),
        "bloc 2 (tableau), ligne 2 : 2 cellules attendues (une par colonne), 1 reçues"
    );
}

#[test]
fn a_character_missing_from_the_font_is_refused_with_its_cell() {
    let table = Table::new(vec![
        Column::text("Acte", 60),
        Column::amount("Montant", 40),
    ])
    .row(["Consultation 中", "30,00 €"]);
    assert_eq!(
        message(&with(table)),
        "bloc 2 (tableau), ligne 1, colonne « Acte » : le caractère « 中 » (U+4E2D) n'existe pas dans la police DejaVu Sans"
    );
}

#[test]
fn a_column_too_narrow_for_any_text_is_refused() {
    // 1 share out of 100 of 499.28 pt = 4.99 pt, under the 24 pt minimum
    // (14 pt of text + 2 × 5 pt padding); 4.99 pt = 1.8 mm.
    let table = Table::new(vec![Column::text("Acte", 99), Column::amount("N°", 1)]);
    assert_eq!(
        message(&with(table)),
        "bloc 2 (tableau), colonne 2 « N° » : colonne trop étroite (1,8 mm)"
    );
}

#[test]
fn a_highlighted_column_outside_the_table_is_refused() {
    let table = Table::new(vec![
        Column::text("Acte", 60),
        Column::amount("Montant", 40),
    ])
    .highlight(2);
    assert!(message(&with(table)).contains("colonne mise en avant n° 2 n'existe pas"));
}

#[test]
fn a_negative_bar_value_is_refused() {
    let chart = StackedBarChart {
        series: vec![
            Series {
                label: "AMO".into(),
                colour: Colour::BLUE,
            },
            Series {
                label: "MGEN".into(),
                colour: Colour::SKY,
            },
        ],
        bars: vec![Bar::euros("MGEN Initiale", &[dec!(16.50), dec!(-7.50)])],
    };
    assert_eq!(
        message(&with(chart)),
        "bloc 2 (graphique), barre « MGEN Initiale », « MGEN » : valeur négative (\u{2212}7,50 €) impossible à représenter dans une barre"
    );
}

#[test]
fn a_bar_without_one_value_per_series_is_refused() {
    let chart = StackedBarChart {
        series: vec![
            Series {
                label: "AMO".into(),
                colour: Colour::BLUE,
            },
            Series {
                label: "MGEN".into(),
                colour: Colour::SKY,
            },
        ],
        bars: vec![Bar::euros("MGEN Initiale", &[dec!(16.50)])],
    };
    assert_eq!(
        message(&with(chart)),
        "bloc 2 (graphique), barre « MGEN Initiale » : 2 valeurs attendues (une par série), 1 reçues"
    );
}

#[test]
fn a_title_too_long_for_the_running_header_is_refused() {
    let mut m = meta("x");
    m.title = "Estimation ".repeat(20);
    assert_eq!(
        message(&Document::new(m)),
        "titre : trop long pour tenir sur une ligne d'en-tête ou de pied de page"
    );
}
