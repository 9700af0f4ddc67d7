//! `guichet bareme …` through the real binary: a new database shows the
//! shipped 2018 version; `lister` prints every cell as JSON; errors go to
//! stderr in French with exit code 2.

mod historique_commun;

use historique_commun::guichet;
use serde_json::Value;
use std::process::Output;

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn a_new_database_holds_the_shipped_2018_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let v = json(&guichet(&db, &["bareme", "versions"]));
    let v = v.as_array().unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["nom"], "MGEN Annexe 2 — 2018");
    assert_eq!(v[0]["en_vigueur_le"], "2018-01-01");
    assert_eq!(v[0]["lignes"], 178);
    assert_eq!(v[0]["sha256"].as_str().unwrap().len(), 64);
    // Started again: still one version.
    let v = json(&guichet(&db, &["bareme", "versions"]));
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn lister_prints_every_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let cases = json(&guichet(&db, &["bareme", "lister", "--date", "2018-03-01"]));
    let cases = cases.as_array().unwrap();
    // 178 rows × 4 offers.
    assert_eq!(cases.len(), 712);
    let c = cases
        .iter()
        .find(|c| {
            c["ligne"] == "2.1" && c["offre"] == "integrale" && c["variante"]["optam"] == "non"
        })
        .unwrap();
    assert_eq!(c["valeur"], "105");
    assert_eq!(c["nature"], "pourcentage_brss");
    assert_eq!(c["unite"], Value::Null);
    assert_eq!(c["note"], Value::Null);
    assert!(c["libelle"].as_str().unwrap().contains("spécialiste"));
    let c = cases
        .iter()
        .find(|c| c["ligne"] == "1" && c["offre"] == "initiale")
        .unwrap();
    assert_eq!(c["variante"], serde_json::json!({}));
    let c = cases
        .iter()
        .find(|c| c["ligne"] == "37" && c["offre"] == "initiale")
        .unwrap();
    assert_eq!(
        (&c["nature"], &c["valeur"]),
        (&Value::from("neant"), &Value::Null)
    );
    let c = cases
        .iter()
        .find(|c| c["ligne"] == "18" && c["offre"] == "reference")
        .unwrap();
    assert!(c["note"].as_str().unwrap().contains("Néant"));
}

#[test]
fn errors_are_french_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let o = guichet(&db, &["bareme", "lister", "--date", "2017-03-14"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "guichet : aucun barème en vigueur au 14/03/2017"
    );
    let o = guichet(&db, &["bareme", "lister", "--date", "14/03/2018"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("AAAA-MM-JJ"));

    let fichier = dir.path().join("faux.toml");
    std::fs::write(&fichier, "[bareme]\nnom = \"x\"\n").unwrap();
    let o = guichet(&db, &["bareme", "importer", fichier.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("faux.toml, ligne 1"), "{err}");
    assert!(err.contains("« en_vigueur_le » absente"), "{err}");
}

#[test]
fn importing_the_shipped_file_again_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let fichier = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/tarifs/annexe2-2018.toml"
    );
    let r = json(&guichet(&db, &["bareme", "importer", fichier]));
    assert_eq!(r["statut"], "deja_present");
    assert!(r["message"]
        .as_str()
        .unwrap()
        .starts_with("Ce fichier est déjà importé"));
}
