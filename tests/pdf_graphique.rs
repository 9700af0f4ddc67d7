//! The stacked-bar chart: vector rectangles on one scale for every bar, a
//! legend, every value printed.

mod pdf_fixture;

use guichet::pdf::layout::Item;
use guichet::pdf::*;
use pdf_fixture::*;
use rust_decimal_macros::dec;

fn chart() -> StackedBarChart {
    StackedBarChart {
        series: vec![
            Series {
                label: "Sécurité sociale".into(),
                colour: Colour::BLUE,
            },
            Series {
                label: "Reste à charge".into(),
                colour: Colour::AMBER,
            },
        ],
        bars: vec![
            Bar::euros("Offre A", &[dec!(60), dec!(40)]),
            Bar::euros("Offre B", &[dec!(20), dec!(30)]),
        ],
    }
}

/// Widths of the bar segments (18 pt high rectangles) of `colour`, in
/// drawing order (bar A first).
fn segments(doc: &Document, colour: Colour) -> Vec<f32> {
    let laid = layout(doc).expect("mise en page");
    laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect {
                width,
                height,
                fill,
                ..
            } if *fill == colour && (*height - 18.0).abs() < 1e-3 => Some(*width),
            _ => None,
        })
        .collect()
}

#[test]
fn every_bar_uses_the_same_scale() {
    let mut doc = Document::new(meta("Graphique"));
    doc.push(chart());
    let blue = segments(&doc, Colour::BLUE);
    let amber = segments(&doc, Colour::AMBER);
    assert_eq!((blue.len(), amber.len()), (2, 2));
    // Bar A totals 100, the longest: 60 and 40 share its full length in a
    // 3 : 2 ratio. Bar B totals 50: half of A's length; its 20 is a third of
    // A's 60, its 30 three quarters of A's 40.
    let full = blue[0] + amber[0];
    assert!((blue[0] / amber[0] - 1.5).abs() < 1e-4);
    assert!(((blue[1] + amber[1]) / full - 0.5).abs() < 1e-4);
    assert!((blue[1] / blue[0] - 1.0 / 3.0).abs() < 1e-4);
    assert!((amber[1] / amber[0] - 0.75).abs() < 1e-4);
}

#[test]
fn values_legend_and_totals_are_printed() {
    let mut doc = Document::new(meta("Graphique"));
    doc.push(chart());
    let text = text_layout(&render(&doc).expect("rendu"));
    for s in [
        "Sécurité sociale",
        "Reste à charge",
        "Offre A",
        "Offre B",
        "60,00 €",
        "40,00 €",
        "20,00 €",
        "30,00 €",
        "100,00 €",
        "50,00 €",
    ] {
        assert!(text.contains(s), "absent : {s}\n{text}");
    }
}

#[test]
fn a_value_too_long_for_its_segment_is_printed_under_the_bar() {
    // 1 out of 1 000: a segment about 0.4 pt long cannot hold "1,00 €".
    let mut doc = Document::new(meta("Graphique"));
    doc.push(StackedBarChart {
        series: vec![
            Series {
                label: "MGEN".into(),
                colour: Colour::SKY,
            },
            Series {
                label: "Reste à charge".into(),
                colour: Colour::AMBER,
            },
        ],
        bars: vec![Bar::euros("Offre", &[dec!(999), dec!(1)])],
    });
    let laid = layout(&doc).expect("mise en page");
    let texts: Vec<_> = laid.pages[0].texts().collect();
    let bar_label = texts.iter().find(|t| t.text == "Offre").unwrap();
    let small = texts.iter().find(|t| t.text == "1,00 €").unwrap();
    assert!(small.baseline > bar_label.baseline + 9.0, "{small:?}");
    let text = text_layout(&render(&doc).expect("rendu"));
    assert!(text.contains("1,00 €") && text.contains("999,00 €") && text.contains("1 000,00 €"));
}
