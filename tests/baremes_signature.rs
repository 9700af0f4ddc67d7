//! Signed tariff files (issue 8): a file signed by the office's key imports;
//! an unsigned or tampered one is refused unless the adviser confirms, and is
//! then named "barème non signé" wherever it is shown or printed; a refusal
//! leaves the database byte for byte unchanged.

use chrono::NaiveDateTime;
use ed25519_dalek::SigningKey;
use guichet::store::tarifs::{BaremeStoreError, Import};
use guichet::store::Store;
use guichet::tarifs::signature;

const LIVRE: &str = include_str!("../assets/tarifs/annexe2-2018.toml");

fn maintenant() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2019, 1, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The 2018 table re-dated 2019-01-01 (a plausible next version).
fn version_2019() -> String {
    LIVRE
        .replace(
            "en_vigueur_le = \"2018-01-01\"",
            "en_vigueur_le = \"2019-01-01\"",
        )
        .replace(
            "nom = \"MGEN Annexe 2 — 2018\"",
            "nom = \"MGEN Annexe 2 — 2019\"",
        )
}

fn cle_office_de_test() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

fn base() -> (tempfile::TempDir, Store, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let chemin = dir.path().join("g.db");
    let mut store = Store::open(&chemin).unwrap();
    store.seed_baremes_livres(maintenant()).unwrap();
    (dir, store, chemin)
}

fn octets_de_la_base(chemin: &std::path::Path, store: &Store) -> Vec<u8> {
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    std::fs::read(chemin).unwrap()
}

#[test]
fn a_file_signed_by_the_office_imports_under_its_own_name() {
    let (_d, mut store, _) = base();
    let cle = cle_office_de_test();
    let signe = signature::signer(version_2019().as_bytes(), &cle);
    let import = store
        .importer_bareme_avec_cle(
            "2019.toml",
            &signe,
            maintenant(),
            false,
            &cle.verifying_key(),
        )
        .unwrap();
    let Import::Importe(v) = import else {
        panic!("devait être importé")
    };
    assert_eq!(v.nom, "MGEN Annexe 2 — 2019");
}

#[test]
fn one_changed_digit_is_refused_and_the_database_is_unchanged() {
    let (_d, mut store, chemin) = base();
    let cle = cle_office_de_test();
    let signe = String::from_utf8(signature::signer(version_2019().as_bytes(), &cle)).unwrap();
    // Line 7 of Annexe 2, Intégrale: "20 € / séance" becomes "29 € / séance".
    let pos = signe.find("20 € / séance").expect("cellule de la ligne 7");
    let falsifie = format!("{}29{}", &signe[..pos], &signe[pos + 2..]);
    let avant = octets_de_la_base(&chemin, &store);
    let err = store
        .importer_bareme_avec_cle(
            "2019.toml",
            falsifie.as_bytes(),
            maintenant(),
            false,
            &cle.verifying_key(),
        )
        .unwrap_err();
    assert!(matches!(err, BaremeStoreError::NonSigne { .. }), "{err}");
    assert!(err.to_string().contains("signature invalide"), "{err}");
    assert_eq!(octets_de_la_base(&chemin, &store), avant);
}

#[test]
fn an_unsigned_file_needs_confirmation_and_is_then_marked() {
    let (_d, mut store, chemin) = base();
    let cle = cle_office_de_test().verifying_key();
    let avant = octets_de_la_base(&chemin, &store);
    let err = store
        .importer_bareme_avec_cle(
            "2019.toml",
            version_2019().as_bytes(),
            maintenant(),
            false,
            &cle,
        )
        .unwrap_err();
    assert!(err.to_string().contains("non signé"), "{err}");
    assert!(err.to_string().contains("--accepter-non-signe"), "{err}");
    assert_eq!(octets_de_la_base(&chemin, &store), avant);

    let Import::Importe(v) = store
        .importer_bareme_avec_cle(
            "2019.toml",
            version_2019().as_bytes(),
            maintenant(),
            true,
            &cle,
        )
        .unwrap()
    else {
        panic!("devait être importé après confirmation")
    };
    assert_eq!(v.nom, "MGEN Annexe 2 — 2019 — barème non signé");
    // The name the engine and the PDF print comes from the stored version.
    let noms: Vec<String> = store
        .baremes()
        .unwrap()
        .into_iter()
        .map(|(_, b)| b.nom)
        .collect();
    assert!(
        noms.contains(&"MGEN Annexe 2 — 2019 — barème non signé".to_string()),
        "{noms:?}"
    );
}

#[test]
fn a_file_signed_with_another_key_is_not_the_offices() {
    let (_d, mut store, _) = base();
    let signe = signature::signer(
        version_2019().as_bytes(),
        &SigningKey::from_bytes(&[7u8; 32]),
    );
    // Checked against the public key shipped in the app.
    let err = store
        .importer_bareme("2019.toml", &signe, maintenant(), false)
        .unwrap_err();
    assert!(matches!(err, BaremeStoreError::NonSigne { .. }), "{err}");
}

#[test]
fn cli_refuses_an_unsigned_file_then_imports_it_when_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let fichier = dir.path().join("2019.toml");
    std::fs::write(&fichier, version_2019()).unwrap();
    let bin = env!("CARGO_BIN_EXE_guichet");
    let refus = std::process::Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["bareme", "importer"])
        .arg(&fichier)
        .output()
        .unwrap();
    assert_eq!(refus.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refus.stderr);
    assert!(
        message.contains("non signé par l'office national"),
        "{message}"
    );
    let ok = std::process::Command::new(bin)
        .arg("--db")
        .arg(&db)
        .args(["bareme", "importer", "--accepter-non-signe"])
        .arg(&fichier)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("barème non signé"));
}
