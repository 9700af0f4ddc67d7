//! The real binary with a household document: `guichet estimer` prints each
//! person's estimate, the household's totals and the offer comparison
//! (exit 0), refuses a faulty person's field with exit 2 naming its path,
//! and `guichet historique enregistrer` saves the household.

mod historique_commun;
mod poppler;

use serde_json::Value;

fn guichet(dir: &tempfile::TempDir, args: &[&str]) -> (i32, String, String) {
    historique_commun::guichet_sortie(&dir.path().join("guichet.db"), args)
}

/// Annexe 2 2018, ligne 1 (30 %) for both; the adult pays the 1 € participation
/// forfaitaire, the child (under 18) does not (seed 000).
const FOYER: &str = r#"{
  "date": "2018-06-15",
  "foyer": [
    { "relation": "adherent", "nom": "Claire",
      "assure": { "date_naissance": "1983-02-01", "parcours_soins": true, "css": false, "handicap": false },
      "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ] },
    { "relation": "enfant", "nom": "Léa",
      "assure": { "date_naissance": "2010-02-01", "parcours_soins": true, "css": false, "handicap": false },
      "actes": [ { "code": "consultation_generaliste", "frais_reels": "25.00" } ] }
  ]
}"#;

#[test]
fn estimer_prints_a_household() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("foyer.json");
    std::fs::write(&f, FOYER).unwrap();
    let (code, out, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // Claire: AMO 70 % × 25 = 17,50 − 1,00 = 16,50 ; MGEN 7,50 ; reste 30 − 16,50 − 7,50 = 6,00.
    let claire = &v["personnes"][0]["resultat"]["offres"][0]["actes"][0];
    assert_eq!(v["personnes"][0]["nom"], "Claire");
    assert_eq!(claire["amo"]["net"], "16.50");
    assert_eq!(claire["reste_a_charge"], "6.00");
    // Léa: AMO 17,50 (no participation under 18) ; MGEN 7,50 ; reste 0,00.
    let lea = &v["personnes"][1]["resultat"]["offres"][0]["actes"][0];
    assert_eq!(lea["amo"]["net"], "17.50");
    assert_eq!(lea["reste_a_charge"], "0.00");
    assert_eq!(v["foyer"][0]["totaux"]["reste_a_charge"], "6.00");
    assert!(v["cout"]["conclusion"]
        .as_str()
        .unwrap()
        .contains("cotisations non renseignées"));
}

/// The adhérent alone with the cotisations of the four offers (the cost
/// table of a member who comes alone): Claire's consultation leaves 6,00 €
/// under every offer (line 1, 30 % everywhere; see above), so the net costs
/// are 606 / 656 / 706 / 806 € and the sentence speaks of her, not of a
/// household.
#[test]
fn the_adherent_alone_compares_the_cost_of_the_offers() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc: Value = serde_json::from_str(FOYER).unwrap();
    doc["foyer"].as_array_mut().unwrap().truncate(1);
    doc["cotisations"] = serde_json::json!({
        "initiale": "600.00", "equilibre": "650.00", "reference": "700.00", "integrale": "800.00"
    });
    let f = dir.path().join("seul.json");
    std::fs::write(&f, doc.to_string()).unwrap();
    let (code, out, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let conclusion = v["cout"]["conclusion"].as_str().unwrap();
    assert!(
        conclusion.starts_with(
            "MGEN Initiale est la moins chère pour l'adhérent seul : 606,00 € sur l'année"
        ),
        "{conclusion}"
    );
    assert!(
        conclusion.contains("MGEN Intégrale + 200,00 €"),
        "{conclusion}"
    );
}

#[test]
fn a_faulty_person_exits_2_naming_the_household_path() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("foyer.json");
    std::fs::write(&f, FOYER.replace("\"25.00\"", "\"-5\"")).unwrap();
    let (code, out, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err.trim(),
        "guichet : foyer[1].actes[0].frais_reels : montant négatif (-5)"
    );
}

#[test]
fn historique_saves_a_household() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("foyer.json");
    std::fs::write(&f, FOYER).unwrap();
    let (code, out, err) = guichet(&dir, &["historique", "enregistrer", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("-000001"), "{out}");
}

fn texte_pdf(p: &std::path::Path) -> String {
    poppler::text_layout_file(p)
}

/// The household document of golden case 153, as JSON.
fn foyer_du_cas_153() -> Value {
    let cas: toml::Value = toml::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/cases/153_foyer_cotisations_une_seance_de_plus.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    serde_json::to_value(&cas["foyer"]).unwrap()
}

/// The household of golden case 153 (worked by hand there: Annexe 2 lines
/// 1 and 5, cotisations entered), printed: each person, the household's
/// offers, the cost over the year with the cheapest, and what changes it.
#[test]
fn the_household_print_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("foyer.json");
    std::fs::write(&f, foyer_du_cas_153().to_string()).unwrap();
    let pdf = dir.path().join("foyer.pdf");
    let (code, out, err) = guichet(
        &dir,
        &[
            "estimer",
            f.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"personnes\""));
    let t = texte_pdf(&pdf);
    for attendu in [
        "Estimation pour le foyer",
        "Tom (enfant)",
        "Tom — détail par soin",
        "Le foyer : les offres MGEN côte à côte",
        "Ce que coûte chaque offre sur l'année",
        "681,00 €",
        "682,00 €",
        "+ 160,00 €",
        "MGEN Initiale est la moins chère pour ce foyer",
        "MGEN Équilibre",
        "devient la moins chère : 687,00 € contre 691,00 € pour MGEN Initiale.",
    ] {
        assert!(t.contains(attendu), "« {attendu} » absent :\n{t}");
    }
}

/// The same household (case 153) with the grid its cotisations were filled
/// from: the cost section names it and its date d'effet; without it, the
/// print says nothing of a grid.
#[test]
fn the_household_print_names_the_grid_of_its_cotisations() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = foyer_du_cas_153();
    let imprimer = |doc: &Value, nom: &str| {
        let f = dir.path().join(format!("{nom}.json"));
        std::fs::write(&f, serde_json::to_string(doc).unwrap()).unwrap();
        let pdf = dir.path().join(format!("{nom}.pdf"));
        let (code, _, err) = guichet(
            &dir,
            &[
                "estimer",
                f.to_str().unwrap(),
                "--pdf",
                pdf.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        texte_pdf(&pdf)
    };
    let sans = imprimer(&doc, "sans");
    assert!(!sans.contains("Cotisations : grille"), "{sans}");
    doc["grille_cotisations"] =
        serde_json::json!({"libelle": "Section 75 — 2018", "date_effet": "2018-01-01"});
    let avec = imprimer(&doc, "avec");
    assert!(
        avec.contains("Cotisations : grille « Section 75 — 2018 » en vigueur au 01/01/2018"),
        "{avec}"
    );
}
