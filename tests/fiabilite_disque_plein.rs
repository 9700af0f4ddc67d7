//! Disk full during a save (issue 8): the save is refused with a clear French
//! message, and nothing saved before is lost. The full disk is simulated
//! without privileges by a file-size limit (`ulimit -f`, SIGXFSZ ignored so
//! writes fail with EFBIG as they would with ENOSPC); the library test
//! `store::historique::tests::a_full_disk_refuses_the_save_and_keeps_the_rest`
//! covers SQLite's own "disk full" code (SQLITE_FULL) through
//! `max_page_count`.

mod historique_commun;

use historique_commun::*;
use serde_json::Value;
use std::process::Command;

#[test]
fn a_save_that_does_not_fit_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let mut faites = Vec::new();
    for i in 0..10 {
        let f = ecrire(dir.path(), &format!("{i}.json"), situation(i));
        faites.push((enregistrer(&db, &f, &[]), situation(i)));
    }
    let gros = ecrire(
        dir.path(),
        "gros.json",
        format!(
            r#"{{"date_soins": "2026-03-14", "note": "{}"}}"#,
            "y".repeat(900_000)
        ),
    );
    let avant = std::fs::read(&db).unwrap();
    // Room for the database and its -shm, not for 900 kB more of -wal.
    let limite_kio = avant.len() / 1024 + 100;
    let o = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {limite_kio}; exec \"$0\" --db \"$1\" historique enregistrer \"$2\""
        ))
        .arg(GUICHET)
        .arg(&db)
        .arg(&gros)
        .env_remove("GUICHET_DB")
        .output()
        .unwrap();
    let err = echec(&o, 1);
    assert!(
        err.starts_with("guichet : écriture impossible sur le disque"),
        "{err}"
    );
    assert!(
        err.contains("les estimations déjà enregistrées sont intactes"),
        "{err}"
    );
    assert_eq!(stdout(&o), "", "aucun numéro annoncé");

    // Space again: everything saved before is there, identical.
    assert_eq!(integrite(&db), "ok");
    for (numero, doc) in &faites {
        let attendu: Value = serde_json::from_str(doc).unwrap();
        assert_eq!(afficher(&db, numero)["situation"], attendu, "{numero}");
    }
    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 10);
    // The refused save took no number.
    let f = ecrire(dir.path(), "x.json", situation(99));
    let annee = faites[0].0[..4].to_string();
    assert_eq!(enregistrer(&db, &f, &[]), format!("{annee}-000011"));
}
