//! The history and households (issue 17): a database of the previous
//! schema (5, before migration 6 `foyer`) opens, its estimates become
//! single-member ones (`personnes` = 1) with their text and checksum kept;
//! a household document is saved, listed with its persons and reopened
//! exactly as saved, and estimates again to the same result.

use chrono::NaiveDateTime;
use guichet::historique::{canonique, NouvelleEstimation, ValidationMoteur};
use guichet::moteur::foyer::{self, lecture::lire_document, Document};
use guichet::moteur::Tables;
use guichet::store::historique::Recherche;
use guichet::store::{latest_schema_version, Store, MIGRATIONS};
use guichet::tarifs::shipped_baremes;
use rusqlite::{params, Connection};
use serde_json::{json, Value};

fn moment(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn assure(naissance: &str) -> Value {
    json!({"date_naissance": naissance, "parcours_soins": true, "css": false, "handicap": false})
}

/// Three persons, cotisations entered.
fn foyer() -> Value {
    json!({
        "date": "2018-06-15",
        "foyer": [
            {"relation": "adherent", "nom": "Claire", "assure": assure("1980-03-01"),
             "actes": [{"code": "osteopathie", "quantite": 1, "frais_reels": "80.00"}]},
            {"relation": "conjoint", "assure": assure("1979-05-01"),
             "actes": [{"code": "osteopathie", "quantite": 1, "frais_reels": "80.00"}]},
            {"relation": "enfant", "nom": "Léa", "assure": assure("2008-01-01"),
             "actes": [{"code": "monture", "quantite": 1, "frais_reels": "60.00"}]}
        ],
        "cotisations": {"initiale": "600.00", "equilibre": "700.00",
                        "reference": "650.00", "integrale": "900.00"}
    })
}

/// A database left at schema 5 by the previous Guichet, with one saved
/// single-member estimate.
fn base_version_5(path: &std::path::Path, situation: &str) {
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for (version, nom, sql) in MIGRATIONS.iter().filter(|m| m.0 <= 5) {
        tx.execute_batch(sql).unwrap();
        tx.execute(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, '2026-11-01 08:00:00')",
            params![version, nom],
        )
        .unwrap();
    }
    tx.execute(
        "INSERT INTO estimations (numero, annee, sequence, enregistre_le, date_soins, situation, empreinte)
         VALUES ('2026-000001', 2026, 1, '2026-11-02T09:00:00', '2018-06-15', ?1, ?2)",
        params![situation, guichet::historique::empreinte(situation)],
    )
    .unwrap();
    tx.execute(
        "INSERT INTO numerotation (annee, derniere) VALUES (2026, 1)",
        [],
    )
    .unwrap();
    tx.pragma_update(None, "user_version", 5).unwrap();
    tx.commit().unwrap();
}

#[test]
fn a_version_5_database_opens_and_keeps_its_single_member_estimates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ancienne.db");
    let seul = canonique(&json!({
        "date": "2018-06-15",
        "assure": assure("1983-02-01"),
        "actes": [{"code": "consultation_generaliste", "frais_reels": "30.00"}]
    }));
    base_version_5(&path, &seul);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_schema_version());
    // Migration 6 (foyer) is among those applied (7, the grids' offers,
    // came after it).
    assert!(latest_schema_version() >= 6);
    let page = store.lister_estimations(&Recherche::default()).unwrap();
    assert_eq!(page.estimations.len(), 1);
    assert_eq!(page.estimations[0].personnes, 1);
    let e = store
        .afficher_estimation("2026-000001".parse().unwrap())
        .unwrap();
    assert_eq!(e.situation, seul);
    assert!(store.estimations_alterees().unwrap().is_empty());
}

#[test]
fn a_household_is_saved_listed_and_reopened_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ancienne.db");
    base_version_5(&path, "{}");
    let mut store = Store::open(&path).unwrap();

    let n = NouvelleEstimation::preparer(&foyer(), &ValidationMoteur::default(), None, None, None)
        .unwrap();
    let e = store
        .enregistrer_estimation(&n, moment("2026-12-03T10:00:00"))
        .unwrap();
    assert_eq!(e.numero.to_string(), "2026-000002");

    let page = store.lister_estimations(&Recherche::default()).unwrap();
    let ligne = page
        .estimations
        .iter()
        .find(|r| r.numero == e.numero)
        .unwrap();
    assert_eq!(ligne.personnes, 3);

    let relue = store.afficher_estimation(e.numero).unwrap();
    assert_eq!(relue.situation, canonique(&foyer()));
    assert_eq!(relue.resume.personnes, 3);

    // Reopened, the document reads as the household it was, and
    // estimates to the same result as before the save.
    let texte: Value = serde_json::from_str(&relue.situation).unwrap();
    let (Document::Foyer(avant), Document::Foyer(apres)) = (
        lire_document(&foyer()).unwrap(),
        lire_document(&texte).unwrap(),
    ) else {
        panic!("foyer attendu");
    };
    assert_eq!(avant, apres);
    let baremes = shipped_baremes();
    let tables = Tables::livrees(&baremes);
    assert_eq!(
        foyer::estimer_foyer(&avant, &tables).unwrap(),
        foyer::estimer_foyer(&apres, &tables).unwrap()
    );

    // A copy keeps its persons.
    let copie = store
        .dupliquer_estimation(e.numero, moment("2026-12-03T10:05:00"))
        .unwrap();
    assert_eq!(
        store
            .afficher_estimation(copie.numero)
            .unwrap()
            .resume
            .personnes,
        3
    );
}
