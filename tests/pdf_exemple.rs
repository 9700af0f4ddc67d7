//! The sample estimate (tests/pdf_fixture): three pages, every amount worked
//! by hand in the fixture printed where expected. The rendered file is left in
//! Cargo's test scratch folder (`target/tmp/pdf-exemple.pdf`) to look at.

mod pdf_fixture;

use guichet::pdf::render;
use pdf_fixture::*;

fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_sample_estimate_prints_the_hand_worked_amounts() {
    let pdf = render(&sample_estimate()).expect("rendu");
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-exemple.pdf");
    std::fs::write(&out, &pdf).expect("écriture de l'exemple");
    assert_eq!(page_count(&pdf), 3);
    let text = text_layout(&pdf);
    let pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.lines().map(squeeze).collect())
        .collect();
    let has = |page: usize, line: &str| pages[page].iter().any(|l| l.ends_with(line));
    // Page 1, Equilibre: GP 30 − 16,50 − 7,50 = 6,00; specialist 45 − 20 −
    // 24 = 1,00; forfait journalier 20 − 0 − 20 = 0; totals 95,00 / 36,50 /
    // 51,50 / 7,00.
    assert!(has(0, "30,00 € 16,50 € 7,50 € 6,00 €"), "{:#?}", pages[0]);
    assert!(has(0, "45,00 € 20,00 € 24,00 € 1,00 €"), "{:#?}", pages[0]);
    assert!(has(0, "20,00 € 0,00 € 20,00 € 0,00 €"), "{:#?}", pages[0]);
    assert!(
        has(0, "Total 95,00 € 36,50 € 51,50 € 7,00 €"),
        "{:#?}",
        pages[0]
    );
    assert!(pages[0]
        .iter()
        .any(|l| l.contains("Estimation non contractuelle")));
    assert!(pages[0].iter().any(|l| l.contains("Lecture à confirmer")));
    // Page 2, the four offers: MGEN 7,50 + 9 + 20 = 36,50 (Initiale,
    // Référence) or 7,50 + 24 + 20 = 51,50 (Equilibre, Intégrale); reste à
    // charge 95 − 36,50 − 36,50 = 22,00 or 95 − 36,50 − 51,50 = 7,00.
    assert!(
        has(1, "MGEN Initiale 36,50 € 36,50 € 22,00 €"),
        "{:#?}",
        pages[1]
    );
    assert!(has(
        1,
        "MGEN Equilibre (votre offre) 36,50 € 51,50 € 7,00 €"
    ));
    assert!(has(1, "MGEN Référence 36,50 € 36,50 € 22,00 €"));
    assert!(has(1, "MGEN Intégrale 36,50 € 51,50 € 7,00 €"));
    // The chart: one bar per offer, each totalling the 95,00 € of frais.
    let bar_totals = pages[1]
        .iter()
        .filter(|l| l.starts_with("MGEN ") && l.ends_with("95,00 €"))
        .count();
    assert_eq!(bar_totals, 4, "{:#?}", pages[1]);
    assert!(pages[1]
        .iter()
        .any(|l| l.contains("Sécurité sociale (AMO) MGEN Reste à charge")));
    // Page 3: the annex.
    assert!(pages[2]
        .iter()
        .any(|l| l.contains("Annexe — d’où viennent les montants")));
}
