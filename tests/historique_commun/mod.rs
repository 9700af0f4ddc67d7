//! Helpers shared by the tests that run the real `guichet` binary on a
//! temporary database (history, reliability, CLI of every module), and
//! write situation documents.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const GUICHET: &str = env!("CARGO_BIN_EXE_guichet");

/// Runs `guichet --db <db> <args…>` to completion.
pub fn guichet(db: &Path, args: &[&str]) -> Output {
    Command::new(GUICHET)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GUICHET_DB")
        .stdin(Stdio::null())
        .output()
        .expect("lancement de guichet")
}

/// Runs `guichet --db <db> <args…>`: (exit code, stdout, stderr).
pub fn guichet_sortie(db: &Path, args: &[&str]) -> (i32, String, String) {
    let o = guichet(db, args);
    (o.status.code().unwrap_or(-1), stdout(&o), stderr(&o))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success and returns stdout.
pub fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "code {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
    stdout(o)
}

/// Asserts failure with `code` and returns stderr.
pub fn echec(o: &Output, code: i32) -> String {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
    stderr(o)
}

/// A realistic situation document, as the engine reads it: a member born in
/// 1986 under Référence buying progressive glasses in the OPTISTYA network
/// (domain brief example), varied by `n` (the frame price) so that each
/// document differs.
pub fn situation(n: u32) -> String {
    format!(
        r#"{{
  "date": "2026-03-14",
  "offre": "reference",
  "assure": {{"date_naissance": "1986-05-02", "parcours_soins": true, "css": false,
              "handicap": false, "deja_utilise": {{}}}},
  "actes": [
    {{"code": "verre_progressif", "frais_reels": "250.00", "reseau": true, "quantite": 2}},
    {{"code": "monture", "frais_reels": "{}.00"}}
  ]
}}"#,
        100 + n % 400
    )
}

pub fn ecrire(dir: &Path, nom: &str, contenu: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(nom);
    std::fs::write(&p, contenu).unwrap();
    p
}

/// Saves `fichier` and returns the number printed.
pub fn enregistrer(db: &Path, fichier: &Path, extra: &[&str]) -> String {
    let mut args = vec!["historique", "enregistrer", fichier.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = ok(&guichet(db, &args));
    let numero = out.trim().to_string();
    assert_eq!(out, format!("{numero}\n"), "une seule ligne attendue");
    numero
}

/// `historique afficher` parsed.
pub fn afficher(db: &Path, numero: &str) -> serde_json::Value {
    serde_json::from_str(&ok(&guichet(db, &["historique", "afficher", numero]))).unwrap()
}

/// `PRAGMA integrity_check` through a separate connection.
pub fn integrite(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}
