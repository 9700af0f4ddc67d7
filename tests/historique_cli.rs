//! `guichet historique …` end to end through the real binary: numbering,
//! show, list and search, duplicate, delete, and refusals naming the field.

mod historique_commun;

use historique_commun::*;
use serde_json::Value;

#[test]
fn save_then_show_in_another_process_gives_back_the_same_document() {
    // Issue 5 test (4), headless: save, the process ends, a new one reopens
    // the estimate: identical.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(20));
    let numero = enregistrer(
        &db,
        &f,
        &[
            "--initiales",
            "ab",
            "--reference",
            "Dossier 4521",
            "--bareme",
            "MGEN 2018",
            "--date-enregistrement",
            "2026-03-15",
        ],
    );
    assert_eq!(numero, "2026-000001");
    let e = afficher(&db, &numero);
    let attendu: Value = serde_json::from_str(&situation(20)).unwrap();
    assert_eq!(e["situation"], attendu);
    assert_eq!(e["numero"], "2026-000001");
    assert_eq!(e["date_soins"], "2026-03-14");
    assert_eq!(e["initiales"], "AB");
    assert_eq!(e["reference"], "Dossier 4521");
    assert_eq!(e["bareme"], "MGEN 2018");
    assert!(e["enregistre_le"]
        .as_str()
        .unwrap()
        .starts_with("2026-03-15T"));
    assert!(e["empreinte"].as_str().unwrap().starts_with("sha256:"));
    // Showing twice gives the same bytes.
    let a = ok(&guichet(&db, &["historique", "afficher", &numero]));
    let b = ok(&guichet(&db, &["historique", "afficher", &numero]));
    assert_eq!(a, b);
}

#[test]
fn numbers_are_per_year_of_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(1));
    let n = |d: &str| enregistrer(&db, &f, &["--date-enregistrement", d]);
    assert_eq!(n("2025-12-31"), "2025-000001");
    assert_eq!(n("2026-01-01"), "2026-000001");
    assert_eq!(n("2025-06-30"), "2025-000002");
    assert_eq!(n("2026-01-02"), "2026-000002");
}

#[test]
fn list_search_duplicate_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f1 = ecrire(dir.path(), "1.json", situation(1));
    let f2 = ecrire(
        dir.path(),
        "2.json",
        situation(2).replace("2026-03-14", "2026-04-02"),
    );
    let a = enregistrer(
        &db,
        &f1,
        &[
            "--initiales",
            "AB",
            "--reference",
            "Dossier-77",
            "--date-enregistrement",
            "2026-03-10",
        ],
    );
    let b = enregistrer(
        &db,
        &f2,
        &["--initiales", "CD", "--date-enregistrement", "2026-04-02"],
    );
    let liste = |args: &[&str]| -> Vec<String> {
        let mut tout = vec!["historique", "lister"];
        tout.extend_from_slice(args);
        let v: Value = serde_json::from_str(&ok(&guichet(&db, &tout))).unwrap();
        v["estimations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["numero"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(liste(&[]), vec![b.clone(), a.clone()]);
    assert_eq!(liste(&["--recherche", "dossier-7"]), vec![a.clone()]);
    assert_eq!(liste(&["--recherche", "cd"]), vec![b.clone()]);
    assert_eq!(liste(&["--recherche", "02/04/2026"]), vec![b.clone()]);
    assert_eq!(liste(&["--recherche", &a]), vec![a.clone()]);
    assert_eq!(liste(&["--par-page", "1", "--page", "2"]), vec![a.clone()]);

    let c = ok(&guichet(
        &db,
        &[
            "historique",
            "dupliquer",
            &a,
            "--date-enregistrement",
            "2026-05-01",
        ],
    ));
    assert_eq!(c, "2026-000003\n");
    let (ea, ec) = (afficher(&db, &a), afficher(&db, "2026-000003"));
    assert_eq!(ea["situation"], ec["situation"]);
    assert_eq!(ea["empreinte"], ec["empreinte"]);

    let out = ok(&guichet(&db, &["historique", "supprimer", &a]));
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        serde_json::json!({"supprimees": 1, "numero": a})
    );
    let err = echec(&guichet(&db, &["historique", "afficher", &a]), 2);
    assert_eq!(
        err,
        "guichet : aucune estimation ne porte le numéro 2026-000001\n"
    );
    let err = echec(&guichet(&db, &["historique", "supprimer", &a]), 2);
    assert!(err.contains("aucune estimation ne porte le numéro 2026-000001"));
    assert_eq!(liste(&[]), vec!["2026-000003".to_string(), b]);
}

#[test]
fn bad_input_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(3));
    enregistrer(&db, &f, &[]);
    let avant = std::fs::read(&db).unwrap();
    let fs = f.to_str().unwrap();
    let cas: &[(&[&str], &str)] = &[
        (
            &["historique", "enregistrer", fs, "--initiales", "A1"],
            "initiales : 1 à 4 lettres",
        ),
        (
            &["historique", "enregistrer", fs, "--initiales", "ABCDE"],
            "initiales : 1 à 4 lettres",
        ),
        (
            &[
                "historique",
                "enregistrer",
                fs,
                "--reference",
                &"x".repeat(65),
            ],
            "référence : 65 caractères, au plus 64",
        ),
        (
            &[
                "historique",
                "enregistrer",
                fs,
                "--date-enregistrement",
                "2026-02-30",
            ],
            "date d'enregistrement : « 2026-02-30 » n'est pas une date réelle",
        ),
        (
            &["historique", "enregistrer", "/nexiste/pas.json"],
            "lecture impossible",
        ),
        (
            &["historique", "afficher", "2026-12"],
            "numéro : « 2026-12 »",
        ),
        (&["historique", "dupliquer", "abc"], "numéro : « abc »"),
        (
            &["historique", "lister", "--par-page", "501"],
            "par-page : nombre entier de 1 à 500",
        ),
        (
            &["historique", "purger", "--avant", "0000-00-00"],
            "avant : « 0000-00-00 »",
        ),
        (
            &["historique", "conservation", "--jours", "0"],
            "conservation : 0 jours : choisir de 1 à 3650 jours",
        ),
    ];
    for (args, attendu) in cas {
        let err = echec(&guichet(&db, args), 2);
        assert!(err.contains(attendu), "{args:?} → {err}");
        assert!(err.starts_with("guichet : "), "{err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), avant);
    let situation_sans_date = ecrire(dir.path(), "sans-date.json", r#"{"actes": []}"#);
    let err = echec(
        &guichet(
            &db,
            &[
                "historique",
                "enregistrer",
                situation_sans_date.to_str().unwrap(),
            ],
        ),
        2,
    );
    assert!(
        err.contains("champ « date » : champ obligatoire absent"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), avant);
}

#[test]
fn show_says_when_the_bareme_of_the_date_of_care_changed_since_the_save() {
    // Issue 5: a reopened estimate is recomputed with the barème of its date
    // of care and says so if that barème changed since the save. Care on
    // 14/03/2026, saved while the shipped 2018 version is the one in force;
    // then a version effective 01/01/2026 is imported (same cells, another
    // name and date, so another checksum): `afficher` must name both.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let f = ecrire(dir.path(), "s.json", situation(7));
    let numero = enregistrer(&db, &f, &[]);
    assert_eq!(afficher(&db, &numero)["changement_bareme"], Value::Null);

    let livre = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/tarifs/annexe2-2018.toml"
    ))
    .unwrap()
    .replacen(
        "nom = \"MGEN Annexe 2 — 2018\"\nen_vigueur_le = \"2018-01-01\"",
        "nom = \"MGEN Annexe 2 — essai 2026\"\nen_vigueur_le = \"2026-01-01\"",
        1,
    );
    assert!(livre.contains("essai 2026"));
    let nouveau = ecrire(dir.path(), "bareme-2026.toml", livre);
    ok(&guichet(
        &db,
        &[
            "bareme",
            "importer",
            nouveau.to_str().unwrap(),
            "--accepter-non-signe",
        ],
    ));

    let m = afficher(&db, &numero)["changement_bareme"]
        .as_str()
        .expect("un message de changement de barème")
        .to_string();
    assert!(
        m.contains("« MGEN Annexe 2 — 2018 », en vigueur le 01/01/2018"),
        "{m}"
    );
    assert!(m.contains("essai 2026"), "{m}");
    assert!(m.contains("en vigueur le 01/01/2026"), "{m}");
}
