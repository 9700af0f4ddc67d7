//! Personal data (issue 8): private files, retention with purge, export and
//! deletion of one member's saved estimates, nothing personal printed
//! beyond what was asked for.

mod historique_commun;

use historique_commun::*;
use serde_json::{json, Value};

#[cfg(unix)]
#[test]
fn database_backups_and_their_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("donnees/guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(1));
    enregistrer(&db, &f, &["--reference", "Dossier-1"]);
    let s: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "sauvegarder"]))).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600);
    assert_eq!(
        mode(std::path::Path::new(s["chemin"].as_str().unwrap())),
        0o600
    );
    assert_eq!(mode(&dir.path().join("donnees/sauvegardes")), 0o700);
}

#[test]
fn export_then_delete_one_members_estimates_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f: Vec<_> = (0..4)
        .map(|i| ecrire(dir.path(), &format!("{i}.json"), situation(i)))
        .collect();
    let a = enregistrer(&db, &f[0], &["--reference", "Dossier-12"]);
    let b = enregistrer(
        &db,
        &f[1],
        &["--reference", "DOSSIER-12", "--initiales", "AB"],
    );
    let autre = enregistrer(&db, &f[2], &["--reference", "Dossier-123"]);
    let sans = enregistrer(&db, &f[3], &[]);

    let export: Value = serde_json::from_str(&ok(&guichet(
        &db,
        &["historique", "exporter", "--reference", "dossier-12"],
    )))
    .unwrap();
    assert_eq!(export["reference"], "dossier-12");
    let numeros: Vec<&str> = export["estimations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["numero"].as_str().unwrap())
        .collect();
    assert_eq!(numeros, [a.as_str(), b.as_str()]);
    let attendu: Value = serde_json::from_str(&situation(1)).unwrap();
    assert_eq!(export["estimations"][1]["situation"], attendu);
    assert_eq!(export["estimations"][1]["initiales"], "AB");

    let out = ok(&guichet(
        &db,
        &["historique", "supprimer", "--reference", "Dossier-12"],
    ));
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"supprimees": 2})
    );
    let export: Value = serde_json::from_str(&ok(&guichet(
        &db,
        &["historique", "exporter", "--reference", "Dossier-12"],
    )))
    .unwrap();
    assert_eq!(export["estimations"], json!([]));
    afficher(&db, &autre);
    afficher(&db, &sans);
    let err = echec(
        &guichet(&db, &["historique", "supprimer", "--reference", " "]),
        2,
    );
    assert!(err.contains("référence : vide"), "{err}");
}

#[test]
fn retention_setting_and_purge() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(1));
    let conservation = |args: &[&str]| -> Value {
        let mut tout = vec!["historique", "conservation"];
        tout.extend_from_slice(args);
        serde_json::from_str(&ok(&guichet(&db, &tout))).unwrap()
    };
    assert_eq!(conservation(&[]), json!({"conservation_jours": 90}));
    for d in ["2026-01-09", "2026-01-10", "2026-02-01", "2026-04-01"] {
        enregistrer(&db, &f, &["--date-enregistrement", d]);
    }
    let purge: Value = serde_json::from_str(&ok(&guichet(
        &db,
        &["historique", "purger", "--avant", "2026-01-10"],
    )))
    .unwrap();
    assert_eq!(purge, json!({"supprimees": 1, "avant": "2026-01-10"}));
    assert_eq!(
        conservation(&["--jours", "30"]),
        json!({"conservation_jours": 30})
    );
    // Without --avant: the first day kept is today − 30 days (the CLI reads
    // the clock). The saves of 10 January and 1 February are older than that
    // in any run of this test; the one of 1 April only if that day is after it.
    let purge: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "purger"]))).unwrap();
    let avant =
        chrono::NaiveDate::parse_from_str(purge["avant"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let aujourdhui = chrono::Local::now().date_naive();
    assert_eq!(aujourdhui - avant, chrono::Duration::days(30));
    let attendues = if avant > chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap() {
        3
    } else {
        2
    };
    assert_eq!(purge["supprimees"], attendues);
}

#[test]
fn nothing_personal_is_printed_besides_what_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(1));
    let reference = "Martin-Dossier-1956";
    let o = guichet(
        &db,
        &[
            "historique",
            "enregistrer",
            f.to_str().unwrap(),
            "--reference",
            reference,
        ],
    );
    assert_eq!(stderr(&o), "");
    assert!(!stdout(&o).contains(reference));
    // A refused save does not repeat the member reference either.
    let o = guichet(
        &db,
        &[
            "historique",
            "enregistrer",
            f.to_str().unwrap(),
            "--reference",
            &format!("{reference}\tx"),
        ],
    );
    let err = echec(&o, 2);
    assert!(!err.contains("Martin"), "{err}");
    assert!(err.contains("référence : caractère de contrôle"), "{err}");
}
