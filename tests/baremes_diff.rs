//! A later grid, checked before it is trusted (issue 19): a test grid built
//! here from the shipped 2018 file — marked as test data, never shipped —
//! changes two cells and adds one row; `guichet bareme diff` lists exactly
//! those changes (JSON and French text); signed with a test key it imports,
//! and estimates dated from its date of effect use it while earlier care
//! keeps the 2018 grid.

mod poppler;

use chrono::NaiveDateTime;
use ed25519_dalek::SigningKey;
use guichet::documents::{document_comparaison_baremes, EnTete};
use guichet::moteur::{estimer, lecture, Tables};
use guichet::store::tarifs::Import;
use guichet::store::Store;
use guichet::tarifs::signature;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

mod bareme_essai;

use bareme_essai::{grille_essai, CASES_MODIFIEES, LIVRE, NOM_ESSAI, RANGEE_AJOUTEE};

/// The CLI, with a database path nobody can open: comparing two files
/// needs none (and never touches the adviser's own).
fn guichet() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_guichet"));
    c.env("GUICHET_DB", "/dev/null/aucune-base.db");
    c
}

fn ecrire(dir: &Path, nom: &str, texte: &str) -> PathBuf {
    let p = dir.join(nom);
    std::fs::write(&p, texte).unwrap();
    p
}

#[test]
fn the_diff_lists_exactly_the_changes_made() {
    let dir = tempfile::tempdir().unwrap();
    let avant = ecrire(dir.path(), "2018.toml", LIVRE);
    let apres = ecrire(dir.path(), "essai.toml", &grille_essai());
    let sortie = guichet()
        .args(["bareme", "diff"])
        .arg(&avant)
        .arg(&apres)
        .output()
        .unwrap();
    assert!(
        sortie.status.success(),
        "{}",
        String::from_utf8_lossy(&sortie.stderr)
    );
    let d: Value = serde_json::from_slice(&sortie.stdout).unwrap();
    assert_eq!(d["apres"]["nom"], NOM_ESSAI);
    assert_eq!(d["apres"]["en_vigueur_le"], "2027-01-01");
    assert_eq!(d["rangees_retirees"], json!([]));
    let cases = d["cases_modifiees"].as_array().unwrap();
    let vues: Vec<(String, String, String, String)> = cases
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap().to_string();
            (s("ligne"), s("offre"), s("avant"), s("apres"))
        })
        .collect();
    assert_eq!(
        vues,
        vec![
            ("1".into(), "reference".into(), "30 %".into(), "35 %".into()),
            (
                "25".into(),
                "integrale".into(),
                "90 €".into(),
                "100 €".into()
            ),
        ]
    );
    assert_eq!(
        cases[1]["variante"],
        json!({"age": ">=18", "equipement": "monture"})
    );
    let ajoutees = d["rangees_ajoutees"].as_array().unwrap();
    assert_eq!(ajoutees.len(), 1);
    assert_eq!(ajoutees[0]["ligne"], "25");
    assert_eq!(ajoutees[0]["variante"]["panier"], "classe_b");
    assert_eq!(ajoutees[0]["cases"]["integrale"], "120 €");
}

#[test]
fn the_diff_reads_as_text_for_the_section() {
    let dir = tempfile::tempdir().unwrap();
    let avant = ecrire(dir.path(), "2018.toml", LIVRE);
    let apres = ecrire(dir.path(), "essai.toml", &grille_essai());
    let sortie = guichet()
        .args(["bareme", "diff", "--texte"])
        .arg(&avant)
        .arg(&apres)
        .output()
        .unwrap();
    let t = String::from_utf8(sortie.stdout).unwrap();
    assert!(t.contains("→ « Barème d'essai 2027"), "{t}");
    assert!(t.contains("(en vigueur le 01/01/2027)"), "{t}");
    assert!(t.contains("Lignes ajoutées : 1"), "{t}");
    assert!(t.contains("Lignes retirées : 0"), "{t}");
    assert!(t.contains("Cases modifiées : 2"), "{t}");
    assert!(t.contains("MGEN Référence : 30 % → 35 %"), "{t}");
    assert!(t.contains("MGEN Intégrale : 90 € → 100 €"), "{t}");
}

/// `guichet bareme diff` of the 2018 file against `texte` saved as `nom`:
/// refused with exit status 2, nothing on stdout; gives the message.
fn diff_refuse(nom: &str, texte: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let avant = ecrire(dir.path(), "2018.toml", LIVRE);
    let apres = ecrire(dir.path(), nom, texte);
    let sortie = guichet()
        .args(["bareme", "diff"])
        .arg(&avant)
        .arg(&apres)
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(2));
    assert!(sortie.stdout.is_empty());
    String::from_utf8_lossy(&sortie.stderr).into_owned()
}

#[test]
fn a_file_that_does_not_read_is_refused_naming_its_line() {
    let casse = grille_essai().replacen("reference = \"35 %\"", "reference = \"trente-cinq\"", 1);
    let message = diff_refuse("casse.toml", &casse);
    assert!(message.contains("casse.toml, ligne "), "{message}");
}

fn maintenant() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// MGEN's part of a GP consultation billed 40 € (base 30 €, Référence) on
/// `date` with the barèmes of `store`.
fn mgen_consultation(store: &Store, date: &str) -> Decimal {
    let baremes: Vec<_> = store
        .baremes()
        .unwrap()
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let s = lecture::lire(&json!({
        "date": date, "offre": "reference",
        "assure": {"date_naissance": "1980-01-01", "parcours_soins": true, "css": false, "handicap": false},
        "actes": [{"code": "consultation_generaliste", "frais_reels": "40.00"}]
    }))
    .unwrap();
    let r = estimer(&s, &Tables::livrees(&baremes)).unwrap();
    r.offres[0].actes[0].mgen
}

#[test]
fn signed_with_a_test_key_the_grid_applies_from_its_date_of_effect() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("g.db")).unwrap();
    store.seed_baremes_livres(maintenant()).unwrap();
    let cle = SigningKey::from_bytes(&[42u8; 32]);
    let signe = signature::signer(grille_essai().as_bytes(), &cle);
    let import = store
        .importer_bareme_avec_cle(
            "essai.toml",
            &signe,
            maintenant(),
            false,
            &cle.verifying_key(),
        )
        .unwrap();
    assert!(matches!(import, Import::Importe(_)));
    // G 30,00 € (convention médicale du 4 juin 2024): line 1 under Référence
    // pays 30 % of it in 2026 (2018 grid), 35 % from 1 January 2027 — both
    // within the principe indemnitaire (40 − 21 = 19 €).
    assert_eq!(
        mgen_consultation(&store, "2026-12-31"),
        Decimal::new(900, 2)
    );
    assert_eq!(
        mgen_consultation(&store, "2027-01-01"),
        Decimal::new(1050, 2)
    );
}

#[test]
fn a_basket_the_engine_does_not_know_is_refused() {
    let texte = grille_essai().replacen("panier = \"classe_b\"", "panier = \"classe_z\"", 1);
    let message = diff_refuse("inconnu.toml", &texte);
    assert!(message.contains("inconnu.toml, ligne "), "{message}");
    assert!(message.contains("classe_z"), "{message}");
}

fn texte_du_pdf(octets: &[u8]) -> String {
    poppler::text_layout(octets)
}

/// The comparison as the Barèmes screen prints it, from the two versions
/// held in the database (as `imprimer_comparaison_baremes` reads them):
/// read back with pdftotext, it names both versions and shows each change
/// of the test grid, old → new under its offer, and the added row's cells.
#[test]
fn the_printed_comparison_shows_every_change_of_the_test_grid() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("g.db")).unwrap();
    store.seed_baremes_livres(maintenant()).unwrap();
    let cle = SigningKey::from_bytes(&[42u8; 32]);
    let signe = signature::signer(grille_essai().as_bytes(), &cle);
    store
        .importer_bareme_avec_cle(
            "essai.toml",
            &signe,
            maintenant(),
            false,
            &cle.verifying_key(),
        )
        .unwrap();
    let versions = store.versions_baremes().unwrap();
    let id = |nom: &str| versions.iter().find(|v| v.nom == nom).unwrap().id;
    let diff = guichet::tarifs::diff::comparer(
        &store.bareme(id("MGEN Annexe 2 — 2018")).unwrap(),
        &store.bareme(id(NOM_ESSAI)).unwrap(),
    );
    let entete = EnTete {
        section: "Section MGEN du Rhône".into(),
        imprime_le: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        numero: None,
        initiales: None,
    };
    let pdf = guichet::pdf::render(&document_comparaison_baremes(&diff, &entete)).unwrap();
    let t = texte_du_pdf(&pdf);
    assert!(
        t.contains("MGEN Annexe 2 — 2018 (en vigueur le 01/01/2018)"),
        "{t}"
    );
    assert!(
        t.contains("Version comparée           Barème d'essai 2027"),
        "{t}"
    );
    assert!(t.contains("01/01/2027)"), "{t}");
    assert!(
        t.contains("2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée."),
        "{t}"
    );
    assert!(!t.contains("Lignes retirées"), "{t}");
    // Each changed cell on one printed line: its line, "MGEN", old, new.
    for (ligne, _, avant, apres) in CASES_MODIFIEES {
        assert!(
            t.lines()
                .any(|l| en_ordre(l, &[ligne, "MGEN", avant, apres])),
            "{ligne} {avant} → {apres} absent :\n{t}"
        );
    }
    let (ligne, panier, cases) = RANGEE_AJOUTEE;
    let mut attendu = vec![ligne];
    attendu.extend(cases);
    assert!(t.lines().any(|l| en_ordre(l, &attendu)), "{t}");
    assert!(t.contains(&format!("panier {panier}")), "{t}");
}

/// Whether the printed `ligne` holds the columns `mots` in that order
/// (pdftotext -layout separates columns by two spaces or more).
fn en_ordre(ligne: &str, mots: &[&str]) -> bool {
    let mut colonnes = ligne.split("  ").map(str::trim).filter(|c| !c.is_empty());
    mots.iter().all(|m| colonnes.any(|c| c == *m))
}

/// `guichet bareme diff --pdf`: the JSON still on stdout, and the printed
/// comparison (the screen's) written, naming the section and showing each
/// change of the test grid, old → new.
#[test]
fn the_cli_diff_also_prints_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let avant = ecrire(dir.path(), "2018.toml", LIVRE);
    let apres = ecrire(dir.path(), "essai.toml", &grille_essai());
    let pdf = dir.path().join("comparaison.pdf");
    let sortie = guichet()
        .args([
            "bareme",
            "diff",
            "--section",
            "Section MGEN du Rhône",
            "--pdf",
        ])
        .arg(&pdf)
        .arg(&avant)
        .arg(&apres)
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(0), "{sortie:?}");
    let json: serde_json::Value = serde_json::from_slice(&sortie.stdout).unwrap();
    assert!(json.is_object(), "{json}");
    let t = texte_du_pdf(&std::fs::read(&pdf).unwrap());
    assert!(t.contains("Section MGEN du Rhône"), "{t}");
    assert!(
        t.contains("2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée."),
        "{t}"
    );
    for (ligne, _, avant, apres) in CASES_MODIFIEES {
        assert!(
            t.lines()
                .any(|l| en_ordre(l, &[ligne, "MGEN", avant, apres])),
            "{ligne} {avant} → {apres} absent :\n{t}"
        );
    }
}

/// A `--pdf` into a folder that does not exist is refused before any work,
/// naming the flag; nothing is printed on stdout.
#[test]
fn the_cli_diff_refuses_a_pdf_in_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let avant = ecrire(dir.path(), "2018.toml", LIVRE);
    let apres = ecrire(dir.path(), "essai.toml", &grille_essai());
    let sortie = guichet()
        .args(["bareme", "diff", "--pdf"])
        .arg(dir.path().join("absent").join("c.pdf"))
        .arg(&avant)
        .arg(&apres)
        .output()
        .unwrap();
    assert_eq!(sortie.status.code(), Some(2), "{sortie:?}");
    let message = String::from_utf8(sortie.stderr).unwrap();
    assert!(message.contains("--pdf : le dossier"), "{message}");
    assert!(message.contains("n'existe pas"), "{message}");
    assert!(sortie.stdout.is_empty());
}
