//! One check for what is saved (issue 8): `guichet historique enregistrer`
//! refuses exactly what the app's save refuses. Both go through
//! `historique::ValidationMoteur` (the engine's strict reader and catalogue
//! checks, as the Estimation screen); this test drives the real binary and
//! compares its refusals with the library's, field by field: French message
//! naming the JSON path, exit code 2, database file byte for byte unchanged.

mod historique_commun;

use guichet::historique::{NouvelleEstimation, ValidationMoteur};
use historique_commun::*;
use serde_json::{json, Value};

/// The shared engine situation with one change.
fn modifiee(f: impl FnOnce(&mut Value)) -> Value {
    let mut v: Value = serde_json::from_str(&situation(3)).unwrap();
    f(&mut v);
    v
}

#[test]
fn the_cli_refuses_what_the_app_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    // One save first: the refusals must leave it (and every byte) in place.
    let bon = ecrire(dir.path(), "bon.json", situation(3));
    let numero = enregistrer(&db, &bon, &[]);
    let avant = std::fs::read(&db).unwrap();

    let beaucoup: Vec<Value> = (0..501)
        .map(|_| json!({"code": "consultation_generaliste", "frais_reels": "30.00"}))
        .collect();
    // (document, JSON path the refusal must name, words of the reason)
    let cas: Vec<(Value, &str, &str)> = vec![
        (
            modifiee(|v| v["actes"][1]["frais_reels"] = json!("-5")),
            "actes[1].frais_reels",
            "montant négatif (-5)",
        ),
        (
            modifiee(|v| v["actes"][0]["code"] = json!("massage_du_dimanche")),
            "actes[0].code",
            "massage_du_dimanche",
        ),
        (
            modifiee(|v| v["assure"]["couleur"] = json!("bleu")),
            "assure.couleur",
            "",
        ),
        (
            modifiee(|v| v["assure"]["date_naissance"] = json!("2027-01-01")),
            "assure.date_naissance",
            "postérieure à la date des soins",
        ),
        (
            modifiee(|v| {
                v.as_object_mut().unwrap().remove("date");
            }),
            "date",
            "champ obligatoire absent",
        ),
        (
            modifiee(|v| v["offre"] = json!("platine")),
            "offre",
            "offre inconnue « platine »",
        ),
        (
            modifiee(|v| v["actes"] = json!([])),
            "actes",
            "aucun acte à estimer",
        ),
        (
            modifiee(|v| v["actes"] = Value::Array(beaucoup)),
            "actes",
            "trop d'actes (501)",
        ),
        // The history's former minimal document: not a situation.
        (
            json!({"date_soins": "2026-03-14", "actes": [{"code": "G"}]}),
            "date",
            "champ obligatoire absent",
        ),
    ];
    for (i, (doc, chemin, raison)) in cas.iter().enumerate() {
        // What the app's save (command historique_enregistrer) answers.
        let app = NouvelleEstimation::preparer(doc, &ValidationMoteur::default(), None, None, None)
            .expect_err("l'application refuse")
            .to_string();
        assert!(
            app.starts_with(&format!("situation : champ « {chemin} » : ")),
            "{app}"
        );
        assert!(app.contains(raison), "{app}");
        // What the CLI answers for the same document, written to a file.
        let f = ecrire(dir.path(), &format!("mauvais{i}.json"), doc.to_string());
        let err = echec(
            &guichet(&db, &["historique", "enregistrer", f.to_str().unwrap()]),
            2,
        );
        assert_eq!(
            err.trim(),
            format!("guichet : fichier {} : {app}", f.display()),
            "cas {i}"
        );
        assert_eq!(std::fs::read(&db).unwrap(), avant, "cas {i}");
    }
    // The save made before is still there, as saved.
    let e = afficher(&db, &numero);
    let attendu: Value = serde_json::from_str(&situation(3)).unwrap();
    assert_eq!(e["situation"], attendu);
}

#[test]
fn the_cli_saves_an_engine_situation_with_its_date_of_care() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    // The domain's GP example, exactly as `guichet estimer` reads it.
    let doc = r#"{
  "date": "2018-06-15",
  "offre": "reference",
  "assure": { "date_naissance": "1983-02-01", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {} },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ]
}"#;
    let f = ecrire(dir.path(), "gp.json", doc);
    let numero = enregistrer(&db, &f, &["--date-enregistrement", "2026-03-15"]);
    assert_eq!(numero, "2026-000001");
    let e = afficher(&db, &numero);
    assert_eq!(e["date_soins"], "2018-06-15");
    assert_eq!(e["situation"], serde_json::from_str::<Value>(doc).unwrap());
    // The same document is estimated by the engine (it is a real situation).
    let sortie = ok(&guichet(&db, &["estimer", f.to_str().unwrap()]));
    let v: Value = serde_json::from_str(&sortie).unwrap();
    // domain.md GP example: 30 % × 25,00 € = 7,50 € from MGEN.
    assert_eq!(v["offres"][0]["actes"][0]["mgen"], "7.50");
}
