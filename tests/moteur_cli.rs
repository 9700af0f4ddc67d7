//! The real binary: `guichet estimer FICHIER.json` prints the estimate as
//! JSON (exit 0), refuses invalid input with exit 2 and a French message on
//! stderr naming the JSON path; `guichet catalogue` prints the catalogue.
//! Each run uses a temporary database (`--db`).

mod historique_commun;

use serde_json::Value;

fn guichet(dir: &tempfile::TempDir, args: &[&str]) -> (i32, String, String) {
    historique_commun::guichet_sortie(&dir.path().join("guichet.db"), args)
}

const SITUATION: &str = r#"{
  "date": "2018-06-15",
  "offre": "reference",
  "assure": { "date_naissance": "1983-02-01", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {} },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ]
}"#;

#[test]
fn estimer_prints_the_result_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("situation.json");
    std::fs::write(&f, SITUATION).unwrap();
    let (code, out, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // domain.md GP example: AMO 16,50 ; MGEN 7,50 ; reste à charge 6,00.
    let acte = &v["offres"][0]["actes"][0];
    assert_eq!(v["offres"][0]["offre"], "reference");
    assert_eq!(acte["amo"]["net"], "16.50");
    assert_eq!(acte["mgen"], "7.50");
    assert_eq!(acte["reste_a_charge"], "6.00");
    assert_eq!(v["baremes"][0]["en_vigueur_le"], "2018-01-01");
}

#[test]
fn invalid_input_exits_2_naming_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("situation.json");
    std::fs::write(&f, SITUATION.replace("\"30.00\"", "\"-5\"")).unwrap();
    let (code, out, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err.trim(),
        "guichet : actes[0].frais_reels : montant négatif (-5)"
    );

    std::fs::write(&f, "{ pas du json").unwrap();
    let (code, _, err) = guichet(&dir, &["estimer", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("JSON illisible (ligne 1"), "{err}");

    let (code, _, err) = guichet(&dir, &["estimer", "/nonexistent/situation.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("illisible"), "{err}");
}

#[test]
fn catalogue_prints_acts_with_their_default_bases() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = guichet(&dir, &["catalogue", "--date", "2018-06-15"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let actes = v["actes"].as_array().unwrap();
    let g = actes
        .iter()
        .find(|a| a["code"] == "consultation_generaliste")
        .unwrap();
    assert_eq!(g["lignes"][0], "1");
    assert_eq!(g["bases_par_defaut"][0]["valeur"], "25.00");
    let kine = actes
        .iter()
        .find(|a| a["code"] == "seance_kinesitherapie")
        .unwrap();
    assert_eq!(kine["brss_requise"], true);
    assert!(kine["synonymes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "kiné"));
    let (code, _, err) = guichet(&dir, &["catalogue", "--date", "15/06/2018"]);
    assert_eq!(code, 2);
    assert!(err.contains("--date"), "{err}");
}
