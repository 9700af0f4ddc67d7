//! Disk full during a save (issue 8): the save is refused with a clear French
//! message, no number is given out, and nothing saved before is lost. Two
//! ways of filling the disk without privileges:
//! - a real full file system: a 1 Mio tmpfs mounted in a user and mount
//!   namespace (`unshare -Urm`, as the offline proof uses), filled with a
//!   file until the kernel answers ENOSPC, then a few KiB freed: SQLite gets
//!   ENOSPC in the middle of writing the save to its journal;
//! - a file-size limit (`ulimit -f`, SIGXFSZ ignored so that writes fail with
//!   EFBIG): the same place of failure, reported by SQLite as an I/O error.
//!
//! The library test
//! `store::historique::tests::a_full_disk_refuses_the_save_and_keeps_the_rest`
//! covers SQLite's own "disk full" code through `max_page_count`.

mod historique_commun;

use historique_commun::*;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// The largest valid engine situation: 500 technical acts (the reader's
/// limit) with a 200-character practitioner identifier (its limit), about
/// 145 kB of JSON: more than the 48 KiB left on the full disk below, more
/// than the 64 KiB file-size limit.
fn situation_volumineuse() -> String {
    let nom = "dr-".to_string() + &"y".repeat(197);
    let actes: Vec<Value> = (0..500)
        .map(|_| {
            json!({"code": "acte_technique", "frais_reels": "150.00", "brss": "100.00",
                   "optam": true, "praticien": nom})
        })
        .collect();
    let mut v: Value = serde_json::from_str(&situation(0)).unwrap();
    v["actes"] = Value::Array(actes);
    v.to_string()
}

/// Ten saves; returns (number, document) of each.
fn dix_enregistrements(dir: &Path, db: &Path) -> Vec<(String, String)> {
    (0..10)
        .map(|i| {
            let f = ecrire(dir, &format!("{i}.json"), situation(i));
            (enregistrer(db, &f, &[]), situation(i))
        })
        .collect()
}

/// Everything saved before is there, identical, and nothing else.
fn rien_de_perdu(db: &Path, faites: &[(String, String)]) {
    assert_eq!(integrite(db), "ok");
    for (numero, doc) in faites {
        let attendu: Value = serde_json::from_str(doc).unwrap();
        assert_eq!(afficher(db, numero)["situation"], attendu, "{numero}");
    }
    let page: Value = serde_json::from_str(&ok(&guichet(db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], faites.len());
}

#[test]
fn a_real_full_file_system_refuses_the_save_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let faites = dix_enregistrements(dir.path(), &db);
    let gros = ecrire(dir.path(), "gros.json", situation_volumineuse());
    let petit = ecrire(dir.path(), "petit.json", situation(77));
    let disque = dir.path().join("disque");
    let apres = dir.path().join("apres");
    std::fs::create_dir_all(&disque).unwrap();
    std::fs::create_dir_all(&apres).unwrap();
    let taille_kio = std::fs::metadata(&db).unwrap().len() / 1024 + 1024;
    // In the namespace: mount, copy the base in, fill the disk (dd stops on
    // ENOSPC), free 48 KiB (room for the -shm and the journal's header, not
    // for the save), save, keep what the disk holds, free the disk, save a
    // small document, keep the result again.
    let script = r#"
set -u
mount -t tmpfs -o size="${TAILLE}k" tmpfs "$DISQUE" || exit 90
cp "$DB" "$DISQUE/guichet.db" || exit 91
dd if=/dev/zero of="$DISQUE/remplissage" bs=4k 2>/dev/null
[ "$(df --output=avail -k "$DISQUE" | tail -1)" -eq 0 ] || exit 92
truncate -s -48K "$DISQUE/remplissage" || exit 93
"$BIN" --db "$DISQUE/guichet.db" historique enregistrer "$GROS" >"$APRES/plein.out" 2>"$APRES/plein.err"
echo $? >"$APRES/plein.code"
cp "$DISQUE"/guichet.db* "$APRES/" 2>/dev/null; mkdir "$APRES/plein"; mv "$APRES"/guichet.db* "$APRES/plein/"
rm "$DISQUE/remplissage"
"$BIN" --db "$DISQUE/guichet.db" historique enregistrer "$PETIT" >"$APRES/libre.out" 2>"$APRES/libre.err"
echo $? >"$APRES/libre.code"
mkdir "$APRES/libre"; cp "$DISQUE"/guichet.db* "$APRES/libre/"
"#;
    let o = Command::new("unshare")
        .args(["-Urm", "bash", "-c", script])
        .env("TAILLE", taille_kio.to_string())
        .env("DISQUE", &disque)
        .env("DB", &db)
        .env("BIN", GUICHET)
        .env("GROS", &gros)
        .env("PETIT", &petit)
        .env("APRES", &apres)
        .env_remove("GUICHET_DB")
        .output()
        .expect("unshare (util-linux) doit être installé");
    assert!(o.status.success(), "{o:?}");
    let lire = |f: &str| std::fs::read_to_string(apres.join(f)).unwrap();

    // Full disk: code 1, the French message, no number.
    assert_eq!(lire("plein.code").trim(), "1", "{}", lire("plein.err"));
    let err = lire("plein.err");
    assert!(err.starts_with("guichet : le disque est plein"), "{err}");
    assert!(
        err.contains("les estimations déjà enregistrées sont intactes"),
        "{err}"
    );
    assert_eq!(lire("plein.out"), "", "aucun numéro annoncé");
    // What the full disk held: the ten saves, nothing else, intact.
    rien_de_perdu(&apres.join("plein").join("guichet.db"), &faites);

    // Space again: the next save works and takes the next number.
    assert_eq!(lire("libre.code").trim(), "0", "{}", lire("libre.err"));
    let annee = &faites[0].0[..4];
    assert_eq!(lire("libre.out"), format!("{annee}-000011\n"));
    let mut toutes = faites.clone();
    toutes.push((format!("{annee}-000011"), situation(77)));
    rien_de_perdu(&apres.join("libre").join("guichet.db"), &toutes);
}

#[test]
fn a_file_size_limit_refuses_the_save_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let faites = dix_enregistrements(dir.path(), &db);
    let gros = ecrire(dir.path(), "gros.json", situation_volumineuse());
    // Room for the -shm (32 KiB) and a small journal, not for the save: the
    // database file itself is not written beyond its size before commit.
    let limite_kio = 64;
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
    rien_de_perdu(&db, &faites);
    // The refused save took no number.
    let f = ecrire(dir.path(), "x.json", situation(99));
    let annee = faites[0].0[..4].to_string();
    assert_eq!(enregistrer(&db, &f, &[]), format!("{annee}-000011"));
}
