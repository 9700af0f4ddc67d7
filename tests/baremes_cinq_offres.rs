//! The offers are data of the grid (issue 19): a test grid with five offers
//! under other names (`tests/bareme_cinq_offres`, never shipped) imports
//! through `guichet bareme importer` and, signed with the test key, through
//! the store; `guichet estimer` dated from its date of effect compares its
//! five offers in its column order with its names (amounts worked out by
//! hand from its cells), care before it keeps the four 2018 offers; the
//! printed estimate shows the five names; a saved estimate naming one of
//! its offers reopens and estimates with that grid's offer. Hostile
//! variants (a missing cell, a cell of an undeclared offer, a code declared
//! twice) are refused with the line and the reason, the database byte for
//! byte unchanged.

mod bareme_cinq_offres;
mod historique_commun;
mod poppler;

use bareme_cinq_offres::{
    grille_cinq_offres, grille_signee, ATTENDU_2028, CONSULTATION_2028, NOM, OFFRES,
};
use chrono::{NaiveDate, NaiveDateTime};
use historique_commun::{afficher, echec, ecrire, enregistrer, guichet, ok};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn maintenant() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

/// A database holding the 2018 grid and the five-offer grid, imported by
/// the CLI (unsigned: the adviser accepts it).
fn base_avec_cinq_offres(dir: &Path) -> PathBuf {
    let db = dir.join("guichet.db");
    let f = ecrire(dir, "cinq-offres.toml", grille_cinq_offres());
    let sortie = ok(&guichet(
        &db,
        &[
            "bareme",
            "importer",
            f.to_str().unwrap(),
            "--accepter-non-signe",
        ],
    ));
    let v: Value = serde_json::from_str(&sortie).unwrap();
    assert_eq!(v["statut"], "importe", "{v}");
    db
}

fn estimer(db: &Path, dir: &Path, nom: &str, situation: &str) -> Value {
    let f = ecrire(dir, nom, situation);
    serde_json::from_str(&ok(&guichet(db, &["estimer", f.to_str().unwrap()]))).unwrap()
}

/// (code, label, MGEN, reste à charge) of each offer of an estimate's
/// first act, in the answer's order.
fn par_offre(r: &Value) -> Vec<(String, String, String, String)> {
    r["offres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (
                s(&o["offre"]),
                s(&o["libelle"]),
                s(&o["actes"][0]["mgen"]),
                s(&o["actes"][0]["reste_a_charge"]),
            )
        })
        .collect()
}

#[test]
fn five_offers_import_and_estimate_in_the_grids_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = base_avec_cinq_offres(dir.path());

    // `bareme lister` on a date of the new grid: line 1's five cells, in
    // the grid's column order.
    let cases: Value = serde_json::from_str(&ok(&guichet(
        &db,
        &["bareme", "lister", "--date", "2028-02-01"],
    )))
    .unwrap();
    let vues: Vec<(&str, &str)> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["offre"].as_str().unwrap(), c["texte"].as_str().unwrap()))
        .collect();
    let attendues: Vec<(&str, &str)> = OFFRES.iter().map(|(c, _, t)| (*c, *t)).collect();
    assert_eq!(vues, attendues);

    // Estimated from its date of effect: its five offers, its order and
    // names, the amounts of its cells (see CONSULTATION_2028).
    let r = estimer(&db, dir.path(), "gp2028.json", CONSULTATION_2028);
    let attendu: Vec<(String, String, String, String)> = ATTENDU_2028
        .iter()
        .zip(OFFRES)
        .map(|((code, mgen, reste), (_, libelle, _))| {
            (
                code.to_string(),
                libelle.to_string(),
                mgen.to_string(),
                reste.to_string(),
            )
        })
        .collect();
    assert_eq!(par_offre(&r), attendu);
    // Imported unsigned: its name carries the mention.
    assert_eq!(
        r["baremes"][0]["nom"],
        format!("{NOM} — {}", guichet::tarifs::signature::MENTION_NON_SIGNE)
    );
    // The explanation names the cell with the grid's label.
    let explications = r["offres"][2]["actes"][0]["explications"].to_string();
    assert!(
        explications.contains("Ligne 1 (Essai Renfort)"),
        "{explications}"
    );

    // The day before: the 2018 grid's four offers, in the Annexe's order.
    let avant = estimer(
        &db,
        dir.path(),
        "gp2027.json",
        &CONSULTATION_2028.replace("2028-03-15", "2027-12-31"),
    );
    let codes: Vec<&str> = avant["offres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["offre"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["initiale", "equilibre", "reference", "integrale"]);

    // One offer asked by its code: that one only.
    let seule = estimer(
        &db,
        dir.path(),
        "renfort.json",
        &CONSULTATION_2028.replace(
            "\"date\": \"2028-03-15\",",
            "\"date\": \"2028-03-15\", \"offre\": \"renfort\",",
        ),
    );
    assert_eq!(
        par_offre(&seule),
        vec![(
            "renfort".to_string(),
            "Essai Renfort".to_string(),
            "15.00".to_string(),
            "6.00".to_string()
        )]
    );
}

#[test]
fn an_offer_the_grid_does_not_have_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = base_avec_cinq_offres(dir.path());
    // A 2018 offer asked on a date of the five-offer grid.
    let f = ecrire(
        dir.path(),
        "reference2028.json",
        CONSULTATION_2028.replace(
            "\"date\": \"2028-03-15\",",
            "\"date\": \"2028-03-15\", \"offre\": \"reference\",",
        ),
    );
    let err = echec(&guichet(&db, &["estimer", f.to_str().unwrap()]), 2);
    assert!(
        err.contains("offre : offre inconnue « reference »"),
        "{err}"
    );
    assert!(
        err.contains("sommet, essentielle, renfort, confort, equilibre_plus"),
        "{err}"
    );

    // An act dated under the 2018 grid in an estimate of the 2028 one,
    // under an offer only the 2028 grid has.
    let f = ecrire(
        dir.path(),
        "mixte.json",
        r#"{
  "date": "2028-03-15", "offre": "renfort",
  "assure": { "date_naissance": "1980-01-01", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {} },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "40.00" },
             { "code": "consultation_generaliste", "frais_reels": "40.00", "date": "2027-12-20" } ]
}"#,
    );
    let err = echec(&guichet(&db, &["estimer", f.to_str().unwrap()]), 2);
    assert!(err.contains("actes[1].date"), "{err}");
    assert!(
        err.contains("MGEN Annexe 2 — 2018") && err.contains("Essai Renfort"),
        "{err}"
    );
}

fn texte_pdf(p: &Path) -> String {
    poppler::text_layout_file(p)
}

#[test]
fn the_printed_estimate_shows_the_five_offers() {
    let dir = tempfile::tempdir().unwrap();
    let db = base_avec_cinq_offres(dir.path());
    let f = ecrire(dir.path(), "gp.json", CONSULTATION_2028);
    let pdf = dir.path().join("estimation.pdf");
    ok(&guichet(
        &db,
        &[
            "estimer",
            f.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--sans-fiche",
        ],
    ));
    let t = texte_pdf(&pdf);
    assert!(t.contains("Les cinq offres MGEN côte à côte"), "{t}");
    assert!(t.contains("comparaison des cinq offres"), "{t}");
    for (_, libelle, _) in OFFRES {
        assert!(t.contains(libelle), "« {libelle} » absent du PDF :\n{t}");
    }
    // The columns in the grid's order: each name is printed left of the
    // next one on the table's header line(s) — its first occurrence comes
    // before the next name's.
    let positions: Vec<usize> = OFFRES
        .iter()
        .map(|(_, l, _)| t.find(l.split(' ').nth(1).unwrap()).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|p| p[0] < p[1]),
        "ordre des colonnes : {positions:?}\n{t}"
    );
    // Renfort's reste à charge, 6,00 €, and Confort's MGEN part, 3,00 €.
    assert!(t.contains("6,00 €") && t.contains("3,00 €"), "{t}");
}

#[test]
fn a_saved_estimate_reopens_with_the_offers_of_its_grid() {
    let dir = tempfile::tempdir().unwrap();
    let db = base_avec_cinq_offres(dir.path());
    let doc = CONSULTATION_2028.replace(
        "\"date\": \"2028-03-15\",",
        "\"date\": \"2028-03-15\", \"offre\": \"confort\",",
    );
    let f = ecrire(dir.path(), "confort.json", &doc);
    let numero = enregistrer(&db, &f, &["--date-enregistrement", "2026-12-03"]);
    let e = afficher(&db, &numero);
    assert_eq!(e["situation"]["offre"], "confort");
    assert_eq!(e["date_soins"], "2028-03-15");
    // Reopened: the saved document estimated again, with its grid's offer.
    let rouvert = estimer(&db, dir.path(), "rouvert.json", &e["situation"].to_string());
    assert_eq!(
        par_offre(&rouvert),
        vec![(
            "confort".to_string(),
            "Essai Confort".to_string(),
            "3.00".to_string(),
            "18.00".to_string()
        )]
    );
    // An offer no grid held has is refused by the save, naming the field.
    let f = ecrire(
        dir.path(),
        "platine.json",
        doc.replace("\"confort\"", "\"platine\""),
    );
    let err = echec(
        &guichet(&db, &["historique", "enregistrer", f.to_str().unwrap()]),
        2,
    );
    assert!(err.contains("offre inconnue « platine »"), "{err}");
}

/// Signed with the test key, the grid imports through the store with that
/// key, and its offers read back in their order with their names.
#[test]
fn signed_with_the_test_key_it_imports_and_reads_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = guichet::store::Store::open(&dir.path().join("guichet.db")).unwrap();
    store.seed_baremes_livres(maintenant()).unwrap();
    let cle = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
    let import = store
        .importer_bareme_avec_cle(
            "cinq-offres.toml",
            &grille_signee(),
            maintenant(),
            false,
            &cle.verifying_key(),
        )
        .unwrap();
    assert!(matches!(import, guichet::store::tarifs::Import::Importe(_)));
    let (_, b) = store
        .bareme_au(NaiveDate::from_ymd_opt(2028, 1, 1).unwrap())
        .unwrap();
    let offres: Vec<(&str, &str)> = b
        .offres
        .iter()
        .map(|o| (o.code.code(), o.libelle.as_str()))
        .collect();
    let attendues: Vec<(&str, &str)> = OFFRES.iter().map(|(c, l, _)| (*c, *l)).collect();
    assert_eq!(offres, attendues);
    let cellules: Vec<&str> = b.lignes[0]
        .cellules
        .iter()
        .map(|(o, c)| {
            assert_eq!(Some(*o), guichet::tarifs::Offre::depuis_code(o.code()));
            c.texte.as_str()
        })
        .collect();
    let textes: Vec<&str> = OFFRES.iter().map(|(_, _, t)| *t).collect();
    assert_eq!(cellules, textes);
    // The 2018 grid, recorded without [[offres]], keeps its four.
    let (_, b2018) = store
        .bareme_au(NaiveDate::from_ymd_opt(2018, 6, 1).unwrap())
        .unwrap();
    let libelles: Vec<&str> = b2018.offres.iter().map(|o| o.libelle.as_str()).collect();
    assert_eq!(
        libelles,
        [
            "MGEN Initiale",
            "MGEN Équilibre",
            "MGEN Référence",
            "MGEN Intégrale"
        ]
    );
}

/// 1-based line of the first occurrence of `motif` in `texte`.
fn ligne_de(texte: &str, motif: &str) -> usize {
    texte[..texte.find(motif).unwrap()].matches('\n').count() + 1
}

/// Imports `texte` through the CLI into a database holding the 2018 grid:
/// refused with exit code 2, the database file byte for byte unchanged;
/// returns the message.
fn refuse(dir: &Path, nom: &str, texte: &str) -> String {
    let db = dir.join("guichet.db");
    ok(&guichet(&db, &["bareme", "versions"]));
    let avant = std::fs::read(&db).unwrap();
    let f = ecrire(dir, nom, texte);
    let err = echec(
        &guichet(
            &db,
            &[
                "bareme",
                "importer",
                f.to_str().unwrap(),
                "--accepter-non-signe",
            ],
        ),
        2,
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        avant,
        "la base a changé : {err}"
    );
    err
}

#[test]
fn hostile_variants_are_refused_with_the_line_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let bon = grille_cinq_offres();

    // A line without the cell of a declared offer: the line's entry.
    let manque = bon.replacen("renfort = \"50 %\"\n", "", 1);
    let m = refuse(dir.path(), "manque.toml", &manque);
    assert!(m.contains("champ « renfort »"), "{m}");
    assert!(
        m.contains("case manquante pour Essai Renfort (ligne 1)"),
        "{m}"
    );
    let debut = ligne_de(&manque, "[[ligne]]");
    let fin = ligne_de(&manque, "sommet = ");
    let dite: usize = m
        .split(", ligne ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("pas de ligne dans {m}"));
    assert!((debut..=fin).contains(&dite), "{m}");

    // A cell for an offer the grid does not declare: its line.
    let inconnue = bon.replacen(
        "confort = \"10 %\"\n",
        "confort = \"10 %\"\nplatine = \"20 %\"\n",
        1,
    );
    let m = refuse(dir.path(), "inconnue.toml", &inconnue);
    assert!(
        m.contains(&format!(
            ", ligne {}, champ « platine » : clé inconnue « platine »",
            ligne_de(&inconnue, "platine = ")
        )),
        "{m}"
    );
    assert!(
        m.contains("offres du barème : sommet, essentielle, renfort, confort, equilibre_plus"),
        "{m}"
    );

    // A code declared twice: the second declaration.
    let double = bon.replacen("code = \"equilibre_plus\"", "code = \"confort\"", 1);
    let m = refuse(dir.path(), "double.toml", &double);
    let seconde = double.match_indices("code = \"confort\"").nth(1).unwrap().0;
    let ligne = double[..seconde].matches('\n').count() + 1;
    assert!(
        m.contains(&format!(
            ", ligne {ligne}, champ « code » : l'offre « confort » est déclarée deux fois"
        )),
        "{m}"
    );

    // The good grid then imports.
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "bon.toml", &bon);
    ok(&guichet(
        &db,
        &[
            "bareme",
            "importer",
            f.to_str().unwrap(),
            "--accepter-non-signe",
        ],
    ));
}

/// A household of two adults, each with the consultation of
/// [`CONSULTATION_2028`], and a yearly cotisation per offer of the grid:
/// reste à charge per offer = twice the member's (Sommet 2 × 2,00; Essentielle
/// 2 × 21,00; Renfort 2 × 6,00; Confort 2 × 18,00; Équilibre Plus 2 × 12,00);
/// net cost = cotisation + reste: 1 200 + 4 = 1 204; 500 + 42 = 542;
/// 800 + 12 = 812; 600 + 36 = 636; 700 + 24 = 724 — Essentielle the
/// cheapest, the others 662, 270, 94 and 182 € more.
#[test]
fn a_household_compares_the_five_offers_with_their_cotisations() {
    let dir = tempfile::tempdir().unwrap();
    let db = base_avec_cinq_offres(dir.path());
    let assure = |naissance: &str| {
        format!(
            r#"{{ "date_naissance": "{naissance}", "parcours_soins": true, "css": false, "handicap": false, "deja_utilise": {{}} }}"#
        )
    };
    let acte = r#"[ { "code": "consultation_generaliste", "frais_reels": "40.00" } ]"#;
    let doc = format!(
        r#"{{ "date": "2028-03-15",
  "foyer": [ {{ "relation": "adherent", "assure": {}, "actes": {acte} }},
             {{ "relation": "conjoint", "assure": {}, "actes": {acte} }} ],
  "cotisations": {{ "sommet": "1200.00", "essentielle": "500.00", "renfort": "800.00",
                   "confort": "600.00", "equilibre_plus": "700.00" }} }}"#,
        assure("1980-01-01"),
        assure("1982-06-01")
    );
    let r = estimer(&db, dir.path(), "foyer.json", &doc);
    let cout: Vec<(&str, &str, &str, &str, bool)> = r["cout"]["offres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["offre"].as_str().unwrap(),
                o["libelle"].as_str().unwrap(),
                o["reste_a_charge"].as_str().unwrap(),
                o["cout_net"].as_str().unwrap(),
                o["moins_chere"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cout,
        [
            ("sommet", "Essai Sommet", "4.00", "1204.00", false),
            ("essentielle", "Essai Essentielle", "42.00", "542.00", true),
            ("renfort", "Essai Renfort", "12.00", "812.00", false),
            ("confort", "Essai Confort", "36.00", "636.00", false),
            (
                "equilibre_plus",
                "Essai Équilibre Plus",
                "24.00",
                "724.00",
                false
            ),
        ]
    );
    let conclusion = r["cout"]["conclusion"].as_str().unwrap();
    assert!(
        conclusion.starts_with("Essai Essentielle est la moins chère pour ce foyer : 542,00 €"),
        "{conclusion}"
    );

    // Printed: the household's offers side by side and their cost over the
    // year, under the grid's names.
    let f = ecrire(dir.path(), "foyer-pdf.json", &doc);
    let pdf = dir.path().join("foyer.pdf");
    ok(&guichet(
        &db,
        &[
            "estimer",
            f.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--sans-fiche",
        ],
    ));
    let t = texte_pdf(&pdf);
    assert!(t.contains("Ce que coûte chaque offre sur l'année"), "{t}");
    for mot in ["Sommet", "Essentielle", "Renfort", "Confort", "Équilibre"] {
        assert!(t.contains(mot), "« {mot} » absent du PDF :\n{t}");
    }
    for montant in ["1 204,00 €", "542,00 €", "812,00 €", "636,00 €", "724,00 €"] {
        assert!(
            t.replace(['\u{202f}', '\u{a0}'], " ").contains(montant),
            "« {montant} » absent du PDF :\n{t}"
        );
    }

    // A cotisation for an offer the grid does not have: refused, named.
    let faux = doc.replace("\"confort\": \"600.00\"", "\"reference\": \"600.00\"");
    let f = ecrire(dir.path(), "foyer-faux.json", &faux);
    let err = echec(&guichet(&db, &["estimer", f.to_str().unwrap()]), 2);
    assert!(
        err.contains("cotisations.reference") && err.contains("offre inconnue « reference »"),
        "{err}"
    );
}

/// What the reader refuses in the declaration itself, or in a line naming
/// offers (`note_pour`, `reprises`), each with the line and the reason;
/// a file without `[[offres]]` has the four 2018 offers in the Annexe's
/// order.
#[test]
fn the_declared_offers_are_checked() {
    use guichet::tarifs::parse_bareme;
    let bon = grille_cinq_offres();
    let refus = |texte: &str| parse_bareme("f.toml", texte).unwrap_err().to_string();

    let m = refus(&bon.replacen("code = \"renfort\"", "code = \"Renfort !\"", 1));
    assert!(
        m.starts_with(&format!(
            "f.toml, ligne {}, champ « code » : code d'offre « Renfort ! » invalide",
            ligne_de(&bon, "code = \"renfort\"")
        )),
        "{m}"
    );
    let m = refus(
        &bon.replacen("code = \"renfort\"", "code = \"note\"", 1)
            .replacen("renfort = \"50 %\"", "note = \"50 %\"", 1),
    );
    assert!(m.contains("code d'offre « note » impossible"), "{m}");
    let m = refus(&bon.replacen(
        "sommet = \"100 %\"",
        "note = \"lecture à confirmer\"\nnote_pour = [\"reference\"]\nsommet = \"100 %\"",
        1,
    ));
    assert!(
        m.contains(&format!(
            ", ligne {}, champ « offre » : offre « reference » non déclarée (offres du barème : sommet, essentielle, renfort, confort, equilibre_plus)",
            ligne_de(&bon, "sommet = \"100 %\"") + 1
        )),
        "{m}"
    );
    let m = refus(&bon.replacen(
        "[[offres]]\ncode = \"sommet\"\nlibelle = \"Essai Sommet\"",
        "[[offres]]\ncode = \"sommet\"\nlibelle = \"  \"",
        1,
    ));
    assert!(
        m.contains("champ « libelle » : ne doit pas être vide"),
        "{m}"
    );

    let b2018 = parse_bareme("2018", guichet::tarifs::FICHIERS_LIVRES[0].1).unwrap();
    let codes: Vec<&str> = b2018.codes_offres().map(|o| o.code()).collect();
    assert_eq!(codes, ["initiale", "equilibre", "reference", "integrale"]);
    let premiere: Vec<&str> = b2018.lignes[0].cellules.keys().map(|o| o.code()).collect();
    assert_eq!(premiere, codes);
}
