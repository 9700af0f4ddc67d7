//! Text round trip: what the PDF shows is what `pdftotext` reads back —
//! accented French words, amounts with their narrow no-break spaces, dates —
//! and the fonts are embedded as subsets.

mod pdf_fixture;

use guichet::pdf::format::{date, euros};
use guichet::pdf::*;
use pdf_fixture::*;
use rust_decimal_macros::dec;

/// Words carrying every accent and sign the brief asks for.
const WORDS: &[&str] = &[
    "Élève",
    "été",
    "très",
    "déjà",
    "garçon",
    "hôpital",
    "œuvre",
    "cœur",
    "Ça",
    "«",
    "»",
    "—",
    "aujourd’hui",
    "€",
    "Noël",
    "maïs",
    "où",
    "Œdème",
];

fn accented_document() -> Document {
    let mut doc = Document::new(meta("Essai des caractères français"));
    doc.push(Heading::section("Élève à l’hôpital — « œuvre » de Noël"));
    doc.push(Paragraph::new(WORDS.join(" ")));
    doc.push(KeyValues::new([
        ("Date de début de grossesse", date(day(2026, 3, 10))),
        ("Déclaration avant le", date(day(2026, 6, 9))),
        ("Imprimé le", date(day(2026, 11, 22))),
    ]));
    doc.push(
        Table::new(vec![
            Column::text("Libellé", 55),
            Column::amount("Montant", 45),
        ])
        .row(["Monture", &euros(dec!(1234.56))])
        .row(["Franchise", &euros(dec!(0.50))])
        .row(["Avoir", &euros(dec!(-3))])
        .row(["Plafond", &euros(dec!(1000000))])
        .total_row(["Total", &euros(dec!(1001232.06))]),
    );
    doc.push(Notice::warning(
        "Montant à confirmer : lecture à confirmer.",
    ));
    doc
}

#[test]
fn accented_words_amounts_and_dates_round_trip_through_pdftotext() {
    let pdf = render(&accented_document()).expect("rendu");
    let text = text_layout(&pdf);
    for w in WORDS {
        assert!(text.contains(w), "mot absent : {w}\n{text}");
    }
    // The amounts exactly as euros() spells them: 1234,56 → "1 234,56 €";
    // 0,50; −3,00 (U+2212); 1 000 000,00; the total 1 234,56 + 0,50 − 3,00
    // + 1 000 000 = 1 001 232,06.
    for amount in [
        "1 234,56 €",
        "0,50 €",
        "\u{2212}3,00 €",
        "1 000 000,00 €",
        "1 001 232,06 €",
    ] {
        assert!(text.contains(amount), "montant absent : {amount:?}\n{text}");
    }
    for d in ["10/03/2026", "09/06/2026", "22/11/2026", "12/03/2018"] {
        assert!(text.contains(d), "date absente : {d}\n{text}");
    }
    assert!(text.contains("Élève à l’hôpital — « œuvre » de Noël"));
    assert!(text.contains("lecture à confirmer"));
}

/// Why `format::euros` writes U+0020: poppler gives back neither the narrow
/// no-break space U+202F nor U+00A0, both drawn fine from DejaVu Sans: the
/// first comes back as a plain space or not at all (it is narrower than
/// poppler's word-gap threshold), the second as a plain space.
#[test]
fn pdftotext_folds_no_break_spaces_into_plain_spaces() {
    let mut doc = Document::new(meta("Espaces"));
    doc.push(Paragraph::new("A\u{202f}B C\u{a0}D"));
    let text = text_layout(&render(&doc).expect("rendu"));
    assert!(text.contains("C D"), "{text:?}");
    assert!(!text.contains('\u{202f}') && !text.contains('\u{a0}'));
}

#[test]
fn both_faces_are_embedded_as_subsets() {
    let pdf = render(&accented_document()).expect("rendu");
    let fonts = poppler("pdffonts", &[], &pdf);
    // pdffonts columns: name type encoding emb sub uni object ID.
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    let mut names: Vec<&str> = Vec::new();
    for r in &rows {
        // A subset's name carries a six-letter tag: "ABCDEF+DejaVuSans".
        let (tag, name) = r[0].split_once('+').expect("préfixe de sous-ensemble");
        assert_eq!(tag.len(), 6, "{fonts}");
        names.push(name);
        let n = r.len();
        // emb, sub, uni are the three yes/no columns before the object id.
        assert_eq!(&r[n - 5..n - 2], &["yes", "yes", "yes"], "{fonts}");
    }
    names.sort();
    assert_eq!(names, vec!["DejaVuSans", "DejaVuSans-Bold"], "{fonts}");
}

#[test]
fn every_page_carries_its_number_out_of_the_total() {
    let pdf = render(&sample_estimate()).expect("rendu");
    assert_eq!(page_count(&pdf), 3);
    let text = text_layout(&pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 3);
    for (i, page) in pages.iter().enumerate() {
        let mark = format!("page {}/3", i + 1);
        assert!(
            page.contains(&mark),
            "« {mark} » absent de la page {}",
            i + 1
        );
        assert!(page.contains("Estimation de remboursement"));
        assert!(page.contains("Section MGEN du Rhône"));
        assert!(page.contains("Réf. E-2018-000042"));
    }
}
