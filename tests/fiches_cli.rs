//! `guichet fiche …` through the real binary: JSON on stdout, exit code 2
//! and a French message naming the flag on bad input.

use std::process::{Command, Output};

fn guichet(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(args)
        // the checklists must not need the database: point it nowhere usable
        .env("GUICHET_DB", home.path().join("absent/../../x/y.db"))
        .env("XDG_DATA_HOME", home.path())
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn prints_the_issue_example_as_json() {
    let o = guichet(&["fiche", "maternite", "--debut-grossesse", "2026-03-10"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["id"], "maternite");
    let items = v["items"].as_array().unwrap();
    let caf = items.iter().find(|i| i["id"] == "declaration-caf").unwrap();
    assert_eq!(caf["date"]["kind"], "due");
    assert_eq!(caf["date"]["due"]["date"], "2026-06-09");
    let p = items.iter().find(|i| i["id"] == "periode-100").unwrap();
    assert_eq!(p["date"]["start"]["date"], "2026-08-10");
    // no terme: 10/03/2026 + 9 months = 10/12/2026, + 12 days = 22/12/2026
    assert_eq!(p["date"]["end"]["date"], "2026-12-22");
}

#[test]
fn french_dates_are_accepted() {
    let o = guichet(&[
        "fiche",
        "arret-travail",
        "--date-arret",
        "05/01/2026",
        "--statut",
        "fonctionnaire",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // 05/01/2026 + 2 days
    assert_eq!(v["items"][0]["date"]["due"]["date"], "2026-01-07");
}

#[test]
fn missing_or_invalid_dates_exit_2_naming_the_flag() {
    let o = guichet(&["fiche", "arret-travail", "--statut", "fonctionnaire"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "guichet : --date-arret : obligatoire pour cette fiche"
    );
    assert!(o.stdout.is_empty());

    let o = guichet(&[
        "fiche",
        "carte-vitale",
        "--motif",
        "vol",
        "--date-perte",
        "31/06/2026",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--date-perte : date « 31/06/2026 » illisible ou inexistante"));

    let o = guichet(&["fiche", "maternite"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--debut-grossesse ou --terme"));

    let o = guichet(&["fiche", "franchises"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--date-soins : obligatoire"));
}

#[test]
fn unknown_checklist_exits_2_listing_the_known_ones() {
    let o = guichet(&["fiche", "retraite"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("fiche inconnue « retraite »"));
    assert!(stderr(&o).contains("nouvel-adherent"));
}

#[test]
fn every_checklist_of_the_issue_is_available() {
    let cases: &[&[&str]] = &[
        &["maternite", "--terme", "2026-12-10"],
        &[
            "arret-travail",
            "--date-arret",
            "2026-01-05",
            "--statut",
            "demandeur-emploi",
        ],
        &[
            "carte-vitale",
            "--motif",
            "dysfonctionnement",
            "--date-perte",
            "2026-01-05",
        ],
        &["medecin-traitant"],
        &["franchises", "--date-soins", "2026-01-05"],
        &["feuilles-de-soins", "--date-soins", "2026-01-05"],
        &["changement-situation"],
        &["nouvel-adherent"],
    ];
    for args in cases {
        let mut full = vec!["fiche"];
        full.extend_from_slice(args);
        let o = guichet(&full);
        assert_eq!(o.status.code(), Some(0), "{args:?} : {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["id"], args[0]);
    }
}
