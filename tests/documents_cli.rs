//! The real binary writes the printable documents: `guichet estimer
//! FICHIER.json --pdf SORTIE.pdf` and `guichet fiche … --pdf SORTIE.pdf`
//! write the PDF (read back here with poppler's pdftotext) and still print
//! the JSON; a wrong flag exits 2 with a French message naming it, and
//! leaves no file behind. Each run uses a temporary database (`--db`).

mod historique_commun;
mod poppler;

use serde_json::Value;
use std::path::Path;

fn guichet(dir: &Path, args: &[&str]) -> (i32, String, String) {
    historique_commun::guichet_sortie(&dir.join("guichet.db"), args)
}

fn texte_pdf(p: &Path) -> String {
    poppler::text_layout_file(p)
}

fn pages(texte: &str) -> usize {
    texte.trim_end_matches('\u{c}').matches('\u{c}').count() + 1
}

/// Files left in `dir` other than the database and the inputs.
fn fichiers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("guichet.db") && !n.ends_with(".json"))
        .collect();
    v.sort();
    v
}

/// domain.md, first worked example: GP consultation in parcours on
/// 15/06/2018, FR 30 €, BRSS 25 €: AMO 25 × 70 % = 17,50 − 1,00 participation
/// forfaitaire = 16,50 ; MGEN Référence line 1, 30 % × 25 = 7,50 ; reste à
/// charge 30 − 16,50 − 7,50 = 6,00.
const GENERALISTE: &str = r#"{
  "date": "2018-06-15",
  "offre": "reference",
  "assure": { "date_naissance": "1983-02-01", "statut": "fonctionnaire",
              "parcours_soins": true, "css": false, "handicap": false },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00", "brss": "25.00" } ]
}"#;

/// A pregnancy from 10/01/2018, term 10/10/2018 (seed 000, « Maternité »):
/// declaration before the end of the 3rd month = 10/01 + 3 months − 1 day =
/// 09/04/2018 ; 100 % from the 1st day of the 6th month = 10/01 + 5 months =
/// 10/06/2018 ; to the 12th day after the birth (term) = 22/10/2018.
/// A GP visit on 15/06/2018 billed at the base, 25 €: AMO 100 % × 25 =
/// 25,00 with no participation forfaitaire in that window, MGEN 0,00 (line 1
/// pays 30 % less what the AMO already pays at 100 %), reste à charge 0,00.
const GROSSESSE: &str = r#"{
  "date": "2018-06-15",
  "offre": "equilibre",
  "assure": { "date_naissance": "1990-04-20", "statut": "fonctionnaire",
              "parcours_soins": true, "css": false, "handicap": false,
              "grossesse": { "debut": "2018-01-10", "terme": "2018-10-10" } },
  "actes": [ { "code": "consultation_generaliste", "frais_reels": "25.00", "brss": "25.00" } ]
}"#;

fn ecrire(dir: &Path, nom: &str, json: &str) -> String {
    let f = dir.join(nom);
    std::fs::write(&f, json).unwrap();
    f.to_str().unwrap().to_string()
}

#[test]
fn estimer_writes_the_pdf_and_still_prints_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let f = ecrire(dir.path(), "situation.json", GENERALISTE);
    let sortie = dir.path().join("estimation.pdf");
    let (code, out, err) = guichet(
        dir.path(),
        &[
            "estimer",
            &f,
            "--pdf",
            sortie.to_str().unwrap(),
            "--section",
            "MGEN — section de la Gironde",
            "--numero",
            "2018-000042",
            "--initiales",
            "CB",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The JSON on stdout is the same estimate as without --pdf.
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["offres"][0]["actes"][0]["amo"]["net"], "16.50");
    let t = texte_pdf(&sortie);
    for attendu in [
        "Estimation de remboursement",
        "MGEN — section de la Gironde",
        "Réf. 2018-000042",
        "Conseiller : CB",
        "MGEN Référence (votre offre)",
        "16,50 €",
        "7,50 €",
        "6,00 €",
        "30,00 €",
        "Estimation non contractuelle",
    ] {
        assert!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    // No pregnancy: no checklist appended.
    assert!(!t.contains("Bon à savoir"), "{t}");
    // Written under a temporary name then renamed: nothing else is left.
    assert_eq!(fichiers(dir.path()), vec!["estimation.pdf".to_string()]);
}

#[test]
fn a_pregnant_members_estimate_ends_with_her_maternity_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let f = ecrire(dir.path(), "situation.json", GROSSESSE);
    let avec = dir.path().join("avec.pdf");
    let (code, _, err) = guichet(
        dir.path(),
        &["estimer", &f, "--pdf", avec.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    let t = texte_pdf(&avec);
    for attendu in [
        "du 10/06/2018 au 22/10/2018",
        "25,00 €",
        "Bon à savoir — Maternité",
        "09/04/2018",
        "10/06/2018",
        "22/10/2018",
        "MGEN — section départementale",
    ] {
        assert!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    // The checklist starts on a page of its own, after the estimate's annex.
    let annexe = t.find("Annexe — comment").unwrap();
    let fiche = t.find("Bon à savoir — Maternité").unwrap();
    assert!(annexe < fiche);
    assert!(t[annexe..fiche].contains('\u{c}'));

    let sans = dir.path().join("sans.pdf");
    let (code, _, err) = guichet(
        dir.path(),
        &[
            "estimer",
            &f,
            "--pdf",
            sans.to_str().unwrap(),
            "--sans-fiche",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let t2 = texte_pdf(&sans);
    assert!(!t2.contains("Bon à savoir"), "{t2}");
    assert!(t2.contains("du 10/06/2018 au 22/10/2018"));
    assert!(pages(&t2) < pages(&t), "{} / {}", pages(&t2), pages(&t));
}

#[test]
fn fiche_writes_the_checklist_pdf_with_the_members_dates() {
    let dir = tempfile::tempdir().unwrap();
    let sortie = dir.path().join("maternite.pdf");
    let (code, out, err) = guichet(
        dir.path(),
        &[
            "fiche",
            "maternite",
            "--debut-grossesse",
            "2026-03-10",
            "--terme",
            "10/12/2026",
            "--pdf",
            sortie.to_str().unwrap(),
            "--initiales",
            "AD",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "maternite");
    let t = texte_pdf(&sortie);
    // 10/03/2026 + 3 months − 1 day = 09/06/2026 (declaration);
    // 10/03/2026 + 5 months = 10/08/2026 (100 %); 10/12/2026 + 12 days = 22/12/2026.
    for attendu in [
        "Maternité",
        "09/06/2026",
        "10/08/2026",
        "22/12/2026",
        "Conseiller : AD",
        "Caisse",
    ] {
        assert!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    // The source files' line numbers are for reviewers, not for the member.
    assert!(!t.contains("seed "), "{t}");
}

#[test]
fn wrong_pdf_flags_exit_2_naming_the_flag_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = ecrire(dir.path(), "situation.json", GENERALISTE);
    let absent = dir.path().join("absent/estimation.pdf");
    let dossier = dir.path().to_str().unwrap().to_string();
    let trop_long = "Section ".repeat(40);
    let cas: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["estimer", &f, "--pdf", absent.to_str().unwrap()],
            "--pdf : le dossier",
        ),
        (vec!["estimer", &f, "--pdf", &dossier], "--pdf : « "),
        (vec!["estimer", &f, "--section", "Gironde"], "--pdf"),
        (
            vec!["estimer", &f, "--pdf", "x.pdf", "--section", "  "],
            "--section : valeur vide",
        ),
        (
            vec!["estimer", &f, "--pdf", "x.pdf", "--section", &trop_long],
            "--section : trop long",
        ),
        (
            vec![
                "fiche",
                "maternite",
                "--terme",
                "2026-12-10",
                "--numero",
                "1",
            ],
            "--numero",
        ),
        (
            vec!["fiche", "maternite", "--pdf", absent.to_str().unwrap()],
            "--pdf : le dossier",
        ),
    ];
    for (args, attendu) in cas {
        let (code, out, err) = guichet(dir.path(), &args);
        assert_eq!(code, 2, "{args:?} : {err}");
        assert!(out.is_empty(), "{args:?} : {out}");
        assert!(
            err.contains(attendu),
            "{args:?} : « {attendu} » absent de : {err}"
        );
    }
    assert!(
        fichiers(dir.path()).is_empty(),
        "{:?}",
        fichiers(dir.path())
    );
}

#[test]
fn invalid_situation_with_pdf_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = ecrire(
        dir.path(),
        "situation.json",
        &GENERALISTE.replace("\"30.00\"", "\"-5\""),
    );
    let sortie = dir.path().join("estimation.pdf");
    let (code, out, err) = guichet(
        dir.path(),
        &["estimer", &f, "--pdf", sortie.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("actes[0].frais_reels"), "{err}");
    assert!(!sortie.exists());
}
