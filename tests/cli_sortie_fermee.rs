//! The CLI on a closed pipe (`guichet catalogue | head -1`): the write
//! fails, and that is an exit code and a French message, never a panic
//! (`println!` panics on a broken pipe).

use std::process::{Command, Stdio};

fn sur_un_tuyau_ferme(args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let mut enfant = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("--db")
        .arg(dir.path().join("g.db"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before anything is written.
    drop(enfant.stdout.take());
    let sortie = enfant.wait_with_output().unwrap();
    let erreurs = String::from_utf8_lossy(&sortie.stderr);
    assert!(
        !erreurs.contains("panicked"),
        "{args:?} : panique\n{erreurs}"
    );
    assert_eq!(sortie.status.code(), Some(1), "{args:?} : {erreurs}");
    assert!(
        erreurs.contains("écriture sur la sortie impossible"),
        "{args:?} : {erreurs}"
    );
}

#[test]
fn catalogue_on_a_closed_pipe_exits_1_without_panicking() {
    sur_un_tuyau_ferme(&["catalogue", "--date", "2018-06-15"]);
}

#[test]
fn checklist_on_a_closed_pipe_exits_1_without_panicking() {
    sur_un_tuyau_ferme(&[
        "fiche",
        "maternite",
        "--debut-grossesse",
        "2026-03-10",
        "--terme",
        "2026-12-10",
    ]);
}

#[test]
fn caution_on_a_closed_pipe_exits_1_without_panicking() {
    sur_un_tuyau_ferme(&["caution", "--montant", "250000"]);
}

#[test]
fn estimate_on_a_closed_pipe_exits_1_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.json");
    std::fs::write(
        &f,
        r#"{ "date": "2026-06-15", "offre": "reference",
             "assure": { "date_naissance": "1983-02-01", "parcours_soins": true,
                         "css": false, "handicap": false },
             "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ] }"#,
    )
    .unwrap();
    sur_un_tuyau_ferme(&["estimer", f.to_str().unwrap()]);
}
