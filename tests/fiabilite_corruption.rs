//! Corruption (issue 8): a damaged database file is detected at start and
//! left untouched; backups made with the SQLite backup API can be listed and
//! restored; the damaged file is put aside under a new name, never deleted.

mod historique_commun;

use chrono::NaiveDateTime;
use guichet::historique::{NouvelleEstimation, ValidationMinimale};
use guichet::store::Store;
use historique_commun::*;
use serde_json::{json, Value};
use std::path::Path;

fn moment(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

/// Saves `n` estimates through the library (faster than `n` processes).
fn remplir(db: &Path, n: u32, depuis: u32) {
    let mut store = Store::open(db).unwrap();
    for i in depuis..depuis + n {
        let e = NouvelleEstimation::preparer(
            &json!({"date_soins": "2026-03-14", "actes": [{"code": "G", "frais_reels": format!("{}.00", 25 + i)}], "note": "n".repeat(400)}),
            &ValidationMinimale,
            None,
            None,
            None,
        )
        .unwrap();
        store
            .enregistrer_estimation(&e, moment("2026-03-15T10:00:00"))
            .unwrap();
    }
}

/// Overwrites page `page` (1-based, not 1) whole, header included, as a
/// torn write or a bad sector would.
fn abimer_page(db: &Path, page: u64) {
    assert!(page > 1);
    let mut b = std::fs::read(db).unwrap();
    let debut = ((page - 1) * 4096) as usize;
    for x in &mut b[debut..debut + 4096] {
        *x = 0x55;
    }
    std::fs::write(db, b).unwrap();
}

fn nombre_pages(db: &Path) -> u64 {
    std::fs::metadata(db).unwrap().len() / 4096
}

#[test]
fn damaged_file_is_detected_left_untouched_then_restored_from_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    remplir(&db, 30, 0);
    let sauvegarde: Value =
        serde_json::from_str(&ok(&guichet(&db, &["base", "sauvegarder"]))).unwrap();
    let nom = sauvegarde["sauvegarde"].as_str().unwrap().to_string();
    let avant_degat = afficher(&db, "2026-000007");
    remplir(&db, 5, 30); // after the backup: these five will be lost by a restore

    abimer_page(&db, nombre_pages(&db) / 2);
    let abimee = std::fs::read(&db).unwrap();

    // Detected at start, in French, with the way out; the file is untouched.
    for args in [
        &["historique", "lister"][..],
        &["historique", "afficher", "2026-000001"],
        &["base"],
    ] {
        let err = echec(&guichet(&db, args), 1);
        assert!(err.contains("est endommagée"), "{err}");
        assert!(err.contains("guichet base sauvegardes"), "{err}");
        assert!(err.contains("guichet base restaurer"), "{err}");
        assert!(err.contains("jamais effacé"), "{err}");
        assert_eq!(std::fs::read(&db).unwrap(), abimee, "{args:?}");
    }

    // The backups can be listed without opening the damaged file.
    let liste: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "sauvegardes"]))).unwrap();
    assert_eq!(liste.as_array().unwrap().len(), 1);
    assert_eq!(liste[0]["nom"], nom.as_str());
    assert_eq!(liste[0]["estimations"], 30);
    assert_eq!(liste[0]["probleme"], Value::Null);

    let r: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "restaurer"]))).unwrap();
    assert_eq!(r["sauvegarde"], nom.as_str());
    let cote = r["mise_de_cote"].as_str().unwrap();
    assert_eq!(
        std::fs::read(cote).unwrap(),
        abimee,
        "le fichier endommagé est gardé tel quel"
    );
    assert!(Path::new(cote).starts_with(dir.path()));

    // The restored base holds exactly what the backup held.
    assert_eq!(integrite(&db), "ok");
    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 30);
    assert_eq!(afficher(&db, "2026-000007"), avant_degat);
    // Numbering continues from the backup's counter.
    let f = ecrire(dir.path(), "s.json", situation(1));
    assert_eq!(
        enregistrer(&db, &f, &["--date-enregistrement", "2026-06-01"]),
        "2026-000031"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    remplir(&db, 3, 0);
    let mut b = std::fs::read(&db).unwrap();
    b[..16].copy_from_slice(b"pas une base !!\0");
    std::fs::write(&db, &b).unwrap();
    let err = echec(&guichet(&db, &["historique", "lister"]), 1);
    assert!(err.contains("n'est pas une base Guichet"), "{err}");
    assert!(err.contains("guichet base sauvegardes"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), b);
    // No backup: restoring says so and changes nothing.
    let err = echec(&guichet(&db, &["base", "restaurer"]), 1);
    assert!(err.contains("aucune sauvegarde dans"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), b);
    // Setting the file aside keeps it and lets a new base start.
    let r: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "mettre-de-cote"]))).unwrap();
    assert_eq!(
        std::fs::read(r["mise_de_cote"].as_str().unwrap()).unwrap(),
        b
    );
    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 0);
}

#[test]
fn a_damaged_backup_is_skipped_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    remplir(&db, 10, 0);
    let store = Store::open(&db).unwrap();
    let ancienne = store.sauvegarder(moment("2026-03-15T10:00:00")).unwrap();
    drop(store);
    remplir(&db, 10, 10);
    let store = Store::open(&db).unwrap();
    let recente = store.sauvegarder(moment("2026-03-16T10:00:00")).unwrap();
    drop(store);
    abimer_page(&recente.chemin, nombre_pages(&recente.chemin) / 2 + 1);

    let liste: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "sauvegardes"]))).unwrap();
    assert_eq!(liste[0]["nom"], recente.nom.as_str());
    assert!(liste[0]["probleme"].is_string(), "{liste}");
    assert_eq!(liste[1]["estimations"], 10);

    let err = echec(&guichet(&db, &["base", "restaurer", &recente.nom]), 1);
    assert!(err.contains("est elle-même endommagée"), "{err}");
    let err = echec(
        &guichet(&db, &["base", "restaurer", "guichet-inconnue.db"]),
        2,
    );
    assert!(
        err.contains("aucune sauvegarde ne s'appelle « guichet-inconnue.db »"),
        "{err}"
    );
    // Nothing was touched by the refusals.
    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 20);

    // Without a name: the newest sound backup, the older one here.
    let r: Value = serde_json::from_str(&ok(&guichet(&db, &["base", "restaurer"]))).unwrap();
    assert_eq!(r["sauvegarde"], ancienne.nom.as_str());
    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 10);
    // The healthy base that was replaced is kept aside, whole.
    let cote = Store::open(Path::new(r["mise_de_cote"].as_str().unwrap())).unwrap();
    assert_eq!(cote.nombre_estimations().unwrap(), 20);
}

#[test]
fn start_makes_a_rotating_backup_then_purges() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    remplir(&db, 4, 0); // saved 2026-03-15
    for jour in 1..=6 {
        let mut store = Store::open(&db).unwrap();
        let e = store.entretien_au_demarrage(moment(&format!("2026-04-0{jour}T08:00:00")));
        let s = e.sauvegarde.unwrap();
        assert_eq!(s.nom, format!("guichet-2026040{jour}-080000.db"));
        // 90 days of retention: nothing saved on 15 March is old enough yet.
        assert_eq!(e.purge.unwrap().0, 0);
    }
    let noms: Vec<String> = guichet::store::sauvegarde::lister_sauvegardes(&db)
        .unwrap()
        .into_iter()
        .map(|s| s.nom)
        .collect();
    assert_eq!(
        noms,
        (2..=6)
            .rev()
            .map(|j| format!("guichet-2026040{j}-080000.db"))
            .collect::<Vec<_>>()
    );
    // 2026-06-14 − 90 days = 2026-03-16 (14 June → 14 May is 31 days, → 14
    // April 30 more, → 16 March 29 more: 90), so saves of 15 March go, after
    // the day's backup which still holds them.
    let mut store = Store::open(&db).unwrap();
    let e = store.entretien_au_demarrage(moment("2026-06-14T08:00:00"));
    let (n, avant) = e.purge.unwrap();
    assert_eq!((n, avant.to_string().as_str()), (4, "2026-03-16"));
    let s = e.sauvegarde.unwrap();
    let copie = rusqlite::Connection::open_with_flags(
        &s.chemin,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let n: i64 = copie
        .query_row("SELECT count(*) FROM estimations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
}

#[test]
fn altered_content_that_the_structure_check_misses_is_caught_by_the_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    remplir(&db, 3, 0);
    // Change one digit inside the stored text of 2026-000002 (frais réels
    // 26.00 → 96.00): the b-tree stays valid, so quick_check passes.
    let mut b = std::fs::read(&db).unwrap();
    let motif = br#""frais_reels":"26.00""#;
    let i = b
        .windows(motif.len())
        .position(|w| w == motif)
        .expect("texte enregistré");
    b[i + 15] = b'9';
    std::fs::write(&db, &b).unwrap();

    let page: Value = serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 3);
    let err = echec(&guichet(&db, &["historique", "afficher", "2026-000002"]), 1);
    assert!(
        err.contains("l'estimation 2026-000002 a été altérée"),
        "{err}"
    );
    assert!(afficher(&db, "2026-000001")["situation"].is_object());
    let o = guichet(&db, &["base", "verifier"]);
    let rapport: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(rapport["alterees"], json!(["2026-000002"]));
    assert!(stderr(&o).contains("guichet base restaurer"));
}
