//! Pagination and wrapping, checked on the rendered PDF with poppler and on
//! the layout itself.
//!
//! Page arithmetic (geometry documented in `src-tauri/pdf/layout.rs`): A4
//! content runs from y = 60 pt to y = 790 pt; page 1 opens with a 52 pt title
//! block (one 24 pt title line, one 14 pt identity line, 14 pt of space), so
//! its content starts at y = 112 pt. A table row of one 12 pt line plus 2 × 4
//! pt padding is 20 pt high; two lines make 32 pt. The header row is redrawn
//! at the top of each page.

mod pdf_fixture;

use guichet::pdf::format::{date, euros};
use guichet::pdf::layout::{Item, CONTENT_LEFT, CONTENT_RIGHT};
use guichet::pdf::*;
use pdf_fixture::*;
use proptest::prelude::*;
use rust_decimal_macros::dec;

/// Forty GP consultations, one a week from Monday 05/01/2026, 30,00 € each
/// (GP base 30 € from 2024-12-22).
fn consultations(label: &str, count: usize) -> Document {
    let mut table = Table::new(vec![
        Column::text("Date", 18),
        Column::text("Acte", 57),
        Column::amount("Montant", 25),
    ]);
    let first = day(2026, 1, 5);
    for k in 0..count {
        let d = first + chrono::Duration::weeks(k as i64);
        table = table.row([date(d), label.to_string(), euros(dec!(30))]);
    }
    let mut doc = Document::new(meta("Relevé des actes"));
    doc.push(table);
    doc
}

fn pages_text(pdf: &[u8]) -> Vec<String> {
    text_layout(pdf)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn forty_one_line_rows_take_two_pages_with_the_header_on_each() {
    // Page 1: header row 112 → 132 pt; (790 − 132) / 20 = 32.9 → 32 rows.
    // Page 2: header row 60 → 80 pt; the 8 remaining rows end at 240 pt.
    let doc = consultations("Consultation de médecin généraliste", 40);
    let pdf = render(&doc).expect("rendu");
    assert_eq!(page_count(&pdf), 2);
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 2);
    let rows_on = |p: &str| {
        p.lines()
            .filter(|l| l.contains("Consultation de médecin"))
            .count()
    };
    assert_eq!(rows_on(&pages[0]), 32);
    assert_eq!(rows_on(&pages[1]), 8);
    for (i, page) in pages.iter().enumerate() {
        let header = page
            .lines()
            .find(|l| l.contains("Date") && l.contains("Acte") && l.contains("Montant"));
        assert!(header.is_some(), "en-tête absent de la page {}", i + 1);
        assert!(page.contains(&format!("page {}/2", i + 1)));
    }
    // Each row whole on one line: its date, label and amount together.
    // Row 33 (index 32) is the first on page 2: 05/01/2026 + 32 weeks =
    // 17/08/2026.
    let first_on_2 = pages[1]
        .lines()
        .find(|l| l.contains("Consultation de médecin"))
        .unwrap();
    assert!(first_on_2.contains("17/08/2026"), "{first_on_2}");
    assert!(first_on_2.contains("30,00 €"), "{first_on_2}");
    let last_on_1 = pages[0]
        .lines()
        .rfind(|l| l.contains("Consultation de médecin"))
        .unwrap();
    // Row 32: 05/01/2026 + 31 weeks = 10/08/2026.
    assert!(last_on_1.contains("10/08/2026"), "{last_on_1}");
}

#[test]
fn sixty_two_line_rows_take_three_pages() {
    // The label needs two lines in the "Acte" column (57 % of 499.28 pt =
    // 284.6 pt, 274.6 pt of text at 9 pt) so each row is 32 pt.
    // Page 1: (790 − 132) / 32 = 20.6 → 20 rows; page 2: (790 − 80) / 32 =
    // 22.2 → 22 rows; page 3: the remaining 60 − 42 = 18 rows.
    let label = "Consultation de médecin généraliste dans le parcours de soins coordonnés, tarif conventionnel";
    let doc = consultations(label, 60);
    let laid = layout(&doc).expect("mise en page");
    assert_eq!(laid.pages.len(), 3);
    let pdf = render(&doc).expect("rendu");
    assert_eq!(page_count(&pdf), 3);
    let pages = pages_text(&pdf);
    // One amount per row: count them per page.
    let amounts = |p: &str| p.matches("30,00 €").count();
    assert_eq!(
        pages.iter().map(|p| amounts(p)).collect::<Vec<_>>(),
        vec![20, 22, 18]
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Montant"),
            "en-tête absent de la page {}",
            i + 1
        );
        assert!(page.contains(&format!("page {}/3", i + 1)));
    }
}

/// Word boxes from `pdftotext -bbox`: (word, xMin, xMax).
fn word_boxes(pdf: &[u8]) -> Vec<(String, f32, f32)> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                let end = start + l[start..].find('"').unwrap();
                l[start..end].parse().unwrap()
            };
            let word = l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_string();
            (word, attr("xMin"), attr("xMax"))
        })
        .collect()
}

#[test]
fn a_long_cell_wraps_inside_the_page_and_keeps_every_word() {
    let long = "Séance de rééducation pluridisciplinaire en hôpital de jour, avec bilan kinésithérapique, ergothérapie et suivi diététique, prescrite après une intervention orthopédique lourde";
    let code = "REF-2026-HDJ-0000123456789-ORTHOPEDIE-REEDUCATION";
    let mut doc = Document::new(meta("Relevé des actes"));
    doc.push(
        Table::new(vec![
            Column::text("Acte", 40),
            Column::text("Référence", 30),
            Column::amount("Montant", 30),
        ])
        .row([long, code, &euros(dec!(1234.56))]),
    );
    let pdf = render(&doc).expect("rendu");
    let boxes = word_boxes(&pdf);
    // Nothing beyond the margins: content from x = 48 to x = 547.28 pt.
    for (w, x0, x1) in &boxes {
        assert!(*x0 >= 48.0 - 0.5, "{w} commence à {x0}");
        assert!(*x1 <= 547.28 + 0.5, "{w} finit à {x1}");
    }
    // Every word of the long cell is printed, in order.
    let printed: Vec<&str> = boxes.iter().map(|(w, _, _)| w.as_str()).collect();
    let words: Vec<&str> = long.split(' ').collect();
    let start = printed.iter().position(|w| *w == "Séance").unwrap();
    assert_eq!(&printed[start..start + words.len()], words.as_slice());
    // The cell wrapped: its words sit within the "Acte" column, 40 % of
    // 499.28 pt = 199.7 pt from x = 48, i.e. up to 247.7 pt minus padding.
    for (w, _, x1) in boxes[start..start + words.len()].iter() {
        assert!(*x1 <= 247.7 - 5.0 + 0.5, "{w} déborde de sa colonne : {x1}");
    }
    // The unbreakable reference is split between characters, not cut: its
    // pieces put back together give it whole.
    let text = text_layout(&pdf);
    let joined: String = text
        .lines()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
        .filter(|w| w.len() > 2)
        .collect();
    assert!(joined.contains(code), "{joined}");
}

#[test]
fn a_heading_is_never_left_alone_at_the_bottom_of_a_page() {
    // 32 one-line rows fill page 1 down to 132 + 32 × 20 = 772 pt; a level-1
    // heading (6 + 17 + 6 pt) then a paragraph's first two lines (2 × 14 pt)
    // need 10 + 57 = 67 pt more: only 18 pt are left, so both go to page 2.
    let mut doc = consultations("Consultation de médecin généraliste", 32);
    doc.push(Heading::section("Annexe — explications"));
    doc.push(Paragraph::new("Première ligne.\nDeuxième ligne."));
    let pdf = render(&doc).expect("rendu");
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 2);
    assert!(!pages[0].contains("Annexe"));
    assert!(pages[1].contains("Annexe — explications"));
    assert!(pages[1].contains("Deuxième ligne."));
}

#[test]
fn a_row_taller_than_a_page_is_split_between_its_lines() {
    // One cell of 80 forced lines: 80 × 12 + 8 = 968 pt, more than a page.
    // Page 1: header 112 → 132 pt, then (790 − 132 − 8) / 12 = 54.2 → 54
    // lines; page 2: header 60 → 80 pt, the 26 remaining lines.
    let sessions: Vec<String> = (1..=80).map(|k| format!("Séance n° {k}")).collect();
    let mut doc = Document::new(meta("Relevé des actes"));
    doc.push(
        Table::new(vec![
            Column::text("Détail", 70),
            Column::amount("Montant", 30),
        ])
        .row([sessions.join("\n"), euros(dec!(1600))]),
    );
    let pdf = render(&doc).expect("rendu");
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 2);
    let count = |p: &str| p.lines().filter(|l| l.contains("Séance n° ")).count();
    assert_eq!((count(&pages[0]), count(&pages[1])), (54, 26));
    assert!(pages[0].contains("Séance n° 54") && !pages[0].contains("Séance n° 55"));
    assert!(pages[1].contains("Séance n° 55") && pages[1].contains("Séance n° 80"));
    assert!(pages[1].contains("Détail") && pages[1].contains("Montant"));
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "éléphant",
            "garçon",
            "hôpital",
            "œuvre",
            "1 234,56 €",
            "—",
            "«",
            "»",
            "à",
            "l’assurée",
            "Intégrale",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        ])
        .prop_map(str::to_string),
        "[a-zA-Zéèàç]{1,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the words and the column shares, no text run leaves the
    /// content area and a paragraph keeps every character.
    #[test]
    fn no_text_leaves_the_content_area(
        words in prop::collection::vec(word(), 1..120),
        shares in prop::collection::vec(20u16..60, 2..6),
    ) {
        let text = words.join(" ");
        let columns: Vec<Column> = shares
            .iter()
            .enumerate()
            .map(|(i, s)| if i % 2 == 0 { Column::text(format!("Col {i}"), *s) } else { Column::amount(format!("Col {i}"), *s) })
            .collect();
        let n = columns.len();
        let cells: Vec<String> = (0..n).map(|i| words[i % words.len()].repeat(i + 1)).collect();
        let mut doc = Document::new(meta("Propriété"));
        doc.push(Paragraph::new(text.clone()));
        doc.push(Table::new(columns).row(cells.clone()).row(vec![text.clone(); n]));
        let laid = layout(&doc).unwrap();
        for page in &laid.pages {
            for t in page.texts() {
                prop_assert!(t.x >= CONTENT_LEFT - 0.01, "{} à x = {}", t.text, t.x);
                prop_assert!(t.x + t.width <= CONTENT_RIGHT + 0.01, "{} finit à {}", t.text, t.x + t.width);
            }
        }
        // The paragraph (10 pt text, the only 10 pt regular text) keeps
        // every non-space character, in order.
        let printed: String = laid.pages.iter().flat_map(|p| p.items.iter()).filter_map(|i| match i {
            Item::Text(t) if t.size == 10.0 => Some(t.text.clone()),
            _ => None,
        }).collect::<String>().chars().filter(|c| *c != ' ').collect();
        let expected: String = text.chars().filter(|c| *c != ' ').collect();
        prop_assert_eq!(printed, expected);
    }
}
