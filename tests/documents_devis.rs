//! The devis's two options, printed by the real binary: the situation of
//! golden case 145 (tests/cases/145_devis_deux_options_optique.toml, a
//! classe B pair of progressive glasses chosen and the optician's 100 % Santé
//! offer, MGEN Équilibre, 20/06/2026) goes through `guichet estimer FICHIER
//! --pdf SORTIE.pdf`, and the PDF, read back with poppler's pdftotext, says
//! what is left to pay with each option.
//!
//! The amounts are the hand calculation of the case file:
//! - chosen (classe B): lenses 600 − 0,06 AMO − 2 × 85 MGEN = 429,94 ; frame
//!   150 − 0,03 − 30 = 119,97 ; total left 549,91 €;
//! - 100 % Santé (classe A): lenses 170 − 6,00 − 164,00 = 0 ; frame 30 −
//!   5,40 − 24,60 = 0 ; total left 0,00 €.

mod historique_commun;
mod poppler;

use std::path::Path;

/// The `[situation]` table of a golden case, as the JSON document the CLI reads.
fn situation_du_cas(fichier: &str) -> String {
    let chemin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(fichier);
    let cas: toml::Value = toml::from_str(&std::fs::read_to_string(chemin).unwrap()).unwrap();
    serde_json::to_string_pretty(&cas["situation"]).unwrap()
}

/// The PDF's text, with every run of spaces (narrow no-break ones, line
/// breaks) as one space, so that a sentence reads whole wherever it wraps.
fn texte_pdf(p: &Path) -> String {
    poppler::poppler_fichier("pdftotext", &[], p)
        .split(|c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}')
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn le_devis_imprime_dit_ce_qui_reste_avec_chaque_option() {
    let dir = tempfile::tempdir().unwrap();
    let situation = historique_commun::ecrire(
        dir.path(),
        "devis.json",
        situation_du_cas("145_devis_deux_options_optique.toml"),
    );
    let pdf = dir.path().join("devis.pdf");
    let (code, stdout, stderr) = historique_commun::guichet_sortie(
        &dir.path().join("guichet.db"),
        &[
            "estimer",
            situation.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "guichet estimer a échoué : {stderr}");
    // The JSON printed is the member's offer, with the option beside it.
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["offres"][0]["totaux"]["reste_a_charge"], "549.91");
    assert_eq!(
        json["alternative_100_sante"][0]["totaux"]["reste_a_charge"],
        "0.00"
    );

    let t = texte_pdf(&pdf);
    // The sentence read to the member, for her offer.
    assert!(
        t.contains(
            "MGEN Équilibre Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec \
             l'équipement choisi, il vous reste 549,91 €."
        ),
        "la phrase des deux options manque :\n{t}"
    );
    // Both options detailed for the member's offer, each with its total.
    assert!(
        t.contains("Détail par soin — MGEN Équilibre (votre offre)"),
        "{t}"
    );
    assert!(
        t.contains("Offre 100 % Santé du devis — MGEN Équilibre (votre offre)"),
        "{t}"
    );
    // The option's last act and totals (pdftotext reads a table's cells
    // row by row, the labels after): frame 30,00 ; 5,40 ; 24,60 ; 0,00, then
    // frais 200,00 ; AMO 11,40 ; MGEN 188,60 ; reste 0,00.
    assert!(
        t.contains("30,00 € 5,40 € 24,60 € 0,00 € 200,00 € 11,40 € 188,60 € 0,00 €"),
        "totaux de l'offre 100 % Santé absents :\n{t}"
    );
    // The chosen equipment's: frame 150,00 ; 0,03 ; 30,00 ; 119,97, then
    // frais 750,00 ; AMO 0,09 ; MGEN 200,00 ; reste 549,91.
    assert!(
        t.contains("150,00 € 0,03 € 30,00 € 119,97 € 750,00 € 0,09 € 200,00 € 549,91 €"),
        "totaux de l'équipement choisi absents :\n{t}"
    );
    // The annex explains the option's acts too.
    assert!(
        t.contains("MGEN Équilibre — soin 1 (offre 100 % Santé du devis)"),
        "{t}"
    );
}

/// The household of golden case 170 (the conjoint Marc brings the devis of
/// case 145, the adhérent a consultation): the household's PDF gives
/// Marc's two options under his name, with the same figures as case 145
/// (his option meets no limit the adhérent's consultation touches).
#[test]
fn le_foyer_imprime_les_deux_options_du_devis_d_une_personne() {
    let dir = tempfile::tempdir().unwrap();
    let chemin = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/170_foyer_devis_deux_options_conjoint.toml");
    let cas: toml::Value = toml::from_str(&std::fs::read_to_string(chemin).unwrap()).unwrap();
    let situation = historique_commun::ecrire(
        dir.path(),
        "foyer.json",
        serde_json::to_string_pretty(&cas["foyer"]).unwrap(),
    );
    let pdf = dir.path().join("foyer.pdf");
    let (code, stdout, stderr) = historique_commun::guichet_sortie(
        &dir.path().join("guichet.db"),
        &[
            "estimer",
            situation.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "guichet estimer a échoué : {stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let marc = &json["personnes"][1]["resultat"];
    let equilibre = |liste: &serde_json::Value| {
        liste
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["offre"] == "equilibre")
            .unwrap()["totaux"]["reste_a_charge"]
            .clone()
    };
    assert_eq!(equilibre(&marc["offres"]), "549.91");
    assert_eq!(equilibre(&marc["alternative_100_sante"]), "0.00");
    assert!(json["personnes"][0]["resultat"]
        .get("alternative_100_sante")
        .is_none());

    let t = texte_pdf(&pdf);
    assert!(
        t.contains("Marc — le devis : les deux options"),
        "titre des deux options de Marc absent :\n{t}"
    );
    assert!(
        t.contains(
            "MGEN Équilibre Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec \
             l'équipement choisi, il vous reste 549,91 €."
        ),
        "la phrase des deux options manque :\n{t}"
    );
    assert!(
        t.contains("Marc — Offre 100 % Santé du devis"),
        "détail de l'offre 100 % Santé de Marc absent :\n{t}"
    );
}
