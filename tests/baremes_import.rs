//! Import of a tariff version file into the database: every refused file
//! (malformed, overlapping dates, huge, wrong encoding) gets a precise
//! French message and leaves the database file byte-for-byte unchanged;
//! the same file twice is a no-op; a valid new version is found by date.
//!
//! History rules (see store::tarifs): one version per effective date, and
//! versions are appended in date order (a file dated before the newest
//! version held is refused).

use chrono::{NaiveDate, NaiveDateTime};
use guichet::store::tarifs::{BaremeStoreError, Import};
use guichet::store::Store;
use guichet::tarifs::annexe::{lire_fichier, TAILLE_MAX};
use guichet::tarifs::{Offre, FICHIERS_LIVRES};
use std::path::{Path, PathBuf};

fn texte_2018() -> &'static str {
    FICHIERS_LIVRES[0].1
}

fn maintenant() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

/// A database with the shipped table, closed so the WAL is folded into
/// the main file; returns its path.
fn base(dir: &Path) -> PathBuf {
    let path = dir.join("guichet.db");
    let mut store = Store::open(&path).unwrap();
    store.seed_baremes_livres(maintenant()).unwrap();
    drop(store);
    path
}

/// The bytes of the database file and of its WAL, if any.
fn octets(path: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let wal = path.with_extension("db-wal");
    (std::fs::read(path).unwrap(), std::fs::read(wal).ok())
}

/// Opens the database, tries the import, closes it; asserts the import is
/// refused and the file unchanged; returns the message.
fn refuse(path: &Path, origine: &str, contenu: &[u8]) -> String {
    let avant = octets(path);
    let mut store = Store::open(path).unwrap();
    let versions = store.versions_baremes().unwrap();
    let e = store
        .importer_bareme(origine, contenu, maintenant(), true)
        .expect_err("l'import doit être refusé");
    assert_eq!(store.versions_baremes().unwrap(), versions);
    drop(store);
    assert_eq!(octets(path), avant, "la base a changé malgré le refus");
    e.to_string()
}

/// The 2018 file re-dated, renamed, and with one value changed so its
/// checksum differs.
fn version(date: &str, nom: &str, consultation: &str) -> String {
    texte_2018()
        .replacen("en_vigueur_le = \"2018-01-01\"", &format!("en_vigueur_le = \"{date}\""), 1)
        .replacen("nom = \"MGEN Annexe 2 — 2018\"", &format!("nom = \"{nom}\""), 1)
        .replacen(
            "ligne = \"1\"\nsection = \"ACTES MÉDICAUX COURANTS\"\nlibelle = \"Consultation ou visite : généraliste, spécialiste en médecine générale, sage-femme (dans ou hors parcours de soins)\"\ninitiale = \"30 %\"",
            &format!("ligne = \"1\"\nsection = \"ACTES MÉDICAUX COURANTS\"\nlibelle = \"Consultation ou visite : généraliste, spécialiste en médecine générale, sage-femme (dans ou hors parcours de soins)\"\ninitiale = \"{consultation}\""),
            1,
        )
}

/// 1-based line of the first occurrence of `motif` in `texte`.
fn ligne_de(texte: &str, motif: &str) -> usize {
    texte[..texte.find(motif).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_malformed_file_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());

    // A closing quote missing on the psychotherapy line.
    let casse = texte_2018().replacen(
        "initiale = \"10 € / séance\"",
        "initiale = \"10 € / séance",
        1,
    );
    let attendu = ligne_de(texte_2018(), "initiale = \"10 € / séance\"");
    let m = refuse(&path, "casse.toml", casse.as_bytes());
    assert!(
        m.starts_with(&format!("casse.toml, ligne {attendu}")),
        "{m}"
    );
    assert!(m.contains("TOML invalide"), "{m}");

    // An unknown key.
    let inconnu = texte_2018().replacen("[bareme]\n", "[bareme]\nauteur = \"moi\"\n", 1);
    let m = refuse(&path, "inconnu.toml", inconnu.as_bytes());
    assert!(m.contains("champ « auteur »"), "{m}");
    assert!(m.contains("clé inconnue"), "{m}");

    // A cell that is not a printed value, on a known line.
    let faux = texte_2018().replacen("equilibre = \"60 %\"", "equilibre = \"soixante %\"", 1);
    let attendu = ligne_de(texte_2018(), "equilibre = \"60 %\"");
    let m = refuse(&path, "faux.toml", faux.as_bytes());
    assert_eq!(
        m,
        format!(
            "faux.toml, ligne {attendu}, champ « equilibre » : « soixante % » : ni « Néant », ni « ticket modérateur », ni un montant en € ou en %"
        )
    );

    // A missing offer cell.
    let manque = texte_2018().replacen("integrale = \"105 %\"\n", "", 1);
    let m = refuse(&path, "manque.toml", manque.as_bytes());
    assert!(m.contains("champ « integrale »"), "{m}");
    assert!(
        m.contains("case manquante pour MGEN Intégrale (ligne 2.1)"),
        "{m}"
    );

    // A percentage given a unit (cell written as a table).
    let unite = texte_2018().replacen(
        "libelle = \"Analyses et actes de laboratoire\"\ninitiale = \"40 %\"\nequilibre = \"65 %\"\nreference = \"40 %\"\nintegrale = \"65 %\"\n",
        "libelle = \"Analyses et actes de laboratoire\"\nequilibre = \"65 %\"\nreference = \"40 %\"\nintegrale = \"65 %\"\n\n[ligne.initiale]\ntexte = \"40 %\"\nunite = \"acte\"\n",
        1,
    );
    assert_ne!(unite, texte_2018());
    // The error points at the header of the cell's table.
    let attendu = ligne_de(&unite, "[ligne.initiale]\ntexte = \"40 %\"");
    let m = refuse(&path, "unite.toml", unite.as_bytes());
    assert_eq!(
        m,
        format!("unite.toml, ligne {attendu}, champ « initiale » : « 40 % » : un pourcentage n'a pas d'unité")
    );

    // A duplicated (ligne, variante).
    let double = texte_2018().replacen(
        "variante = { parcours = \"dans\", optam = \"non\" }",
        "variante = { parcours = \"dans\", optam = \"oui\" }",
        1,
    );
    let m = refuse(&path, "double.toml", double.as_bytes());
    assert!(
        m.contains("la ligne 2.1 avec la variante { optam = oui, parcours = dans } existe déjà"),
        "{m}"
    );

    // An unreadable date.
    let date = texte_2018().replacen(
        "en_vigueur_le = \"2018-01-01\"",
        "en_vigueur_le = \"01/01/2019\"",
        1,
    );
    let m = refuse(&path, "date.toml", date.as_bytes());
    assert!(m.contains("champ « en_vigueur_le »"), "{m}");
    assert!(m.contains("AAAA-MM-JJ"), "{m}");
}

#[test]
fn overlapping_or_out_of_order_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());

    // Same effective date as the shipped version, different content.
    let meme_date = version("2018-01-01", "MGEN Annexe 2 — 2018 bis", "31 %");
    let m = refuse(&path, "bis.toml", meme_date.as_bytes());
    assert_eq!(
        m,
        "bis.toml : un autre barème commence déjà le 01/01/2018 (« MGEN Annexe 2 — 2018 ») : un barème par date d'entrée en vigueur ; rien n'a été importé"
    );

    // 2020 imports; then 2019 (before the newest held) is refused.
    let mut store = Store::open(&path).unwrap();
    let v2020 = version("2020-01-01", "MGEN Annexe 2 — 2020", "32 %");
    assert!(matches!(
        store
            .importer_bareme_avec_cle(
                "2020.toml",
                &signe_test(&v2020),
                maintenant(),
                false,
                &cle_test().verifying_key()
            )
            .unwrap(),
        Import::Importe(_)
    ));
    drop(store);
    let v2019 = version("2019-01-01", "MGEN Annexe 2 — 2019", "33 %");
    let m = refuse(&path, "2019.toml", v2019.as_bytes());
    assert_eq!(
        m,
        "2019.toml : ce barème entre en vigueur le 01/01/2019, avant le barème le plus récent (« MGEN Annexe 2 — 2020 », en vigueur le 01/01/2020) : les versions s'ajoutent dans l'ordre des dates ; rien n'a été importé"
    );
}

#[test]
fn a_huge_file_is_refused_by_its_size_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());
    // 50 Mo: the 2018 file repeated, i.e. a file whose start is valid.
    let mut gros = Vec::with_capacity(50 * 1024 * 1024 + texte_2018().len());
    while gros.len() < 50 * 1024 * 1024 {
        gros.extend_from_slice(texte_2018().as_bytes());
    }
    let taille = gros.len();
    let m = refuse(&path, "gros.toml", &gros);
    assert_eq!(
        m,
        format!(
            "gros.toml : fichier trop volumineux ({taille} octets, au plus {TAILLE_MAX} octets pour un barème) : ce n'est pas un fichier de barème"
        )
    );
    // From disk, refused from its size alone (metadata), before reading.
    let fichier = dir.path().join("gros.toml");
    std::fs::write(&fichier, &gros).unwrap();
    let e = lire_fichier(&fichier).unwrap_err();
    assert!(e.to_string().contains("fichier trop volumineux"), "{e}");
}

#[test]
fn a_file_in_the_wrong_encoding_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());

    // Latin-1: every character above U+00FF ("€", "œ", "—") becomes "?",
    // the others one byte each; the first "é" is on line 1 of the file.
    let latin1: Vec<u8> = texte_2018()
        .chars()
        .map(|c| {
            if (c as u32) < 256 {
                c as u32 as u8
            } else {
                b'?'
            }
        })
        .collect();
    let premiere = texte_2018().lines().position(|l| !l.is_ascii()).unwrap() + 1;
    let m = refuse(&path, "latin1.toml", &latin1);
    assert!(
        m.starts_with("latin1.toml : le fichier n'est pas en UTF-8 (octet 0x"),
        "{m}"
    );
    assert!(m.contains(&format!("à la ligne {premiere},")), "{m}");
    assert!(m.contains("Latin-1"), "{m}");

    // UTF-16 with its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in texte_2018().encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let m = refuse(&path, "utf16.toml", &utf16);
    assert_eq!(
        m,
        "utf16.toml : le fichier est encodé en UTF-16 : enregistrez-le en UTF-8"
    );

    // UTF-16 without the mark: NUL bytes.
    let m = refuse(&path, "utf16-sans-bom.toml", &utf16[2..]);
    assert!(m.contains("octets nuls"), "{m}");
}

#[test]
fn the_same_file_twice_is_a_no_op_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());
    let avant = octets(&path);
    let mut store = Store::open(&path).unwrap();
    // The shipped file itself, imported by hand.
    let import = store
        .importer_bareme("copie.toml", texte_2018().as_bytes(), maintenant(), true)
        .unwrap();
    let Import::DejaPresent(v) = &import else {
        panic!("déjà présent attendu : {import:?}");
    };
    assert_eq!(v.nom, "MGEN Annexe 2 — 2018");
    assert!(import
        .message()
        .starts_with("Ce fichier est déjà importé (barème « MGEN Annexe 2 — 2018 »"));
    assert_eq!(store.versions_baremes().unwrap().len(), 1);
    drop(store);
    assert_eq!(octets(&path), avant);
}

#[test]
fn a_new_version_applies_from_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());
    let mut store = Store::open(&path).unwrap();
    let v = version("2019-01-01", "MGEN Annexe 2 — 2019", "31 %");
    let import = store
        .importer_bareme_avec_cle(
            "2019.toml",
            &signe_test(&v),
            maintenant(),
            false,
            &cle_test().verifying_key(),
        )
        .unwrap();
    assert_eq!(
        import.message(),
        "Barème « MGEN Annexe 2 — 2019 » importé : en vigueur à partir du 01/01/2019, 178 lignes."
    );
    let veille = NaiveDate::from_ymd_opt(2018, 12, 31).unwrap();
    let jour = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let (_, b) = store.bareme_au(veille).unwrap();
    assert_eq!(
        b.cellule("1", &Default::default(), Offre::INITIALE)
            .unwrap()
            .texte,
        "30 %"
    );
    let (_, b) = store.bareme_au(jour).unwrap();
    assert_eq!(
        b.cellule("1", &Default::default(), Offre::INITIALE)
            .unwrap()
            .texte,
        "31 %"
    );
    assert!(matches!(
        store.importer_bareme_avec_cle(
            "2019.toml",
            &signe_test(&v),
            maintenant(),
            false,
            &cle_test().verifying_key()
        ),
        Ok(Import::DejaPresent(_))
    ));
    let e = store
        .bareme_au(NaiveDate::from_ymd_opt(2017, 12, 31).unwrap())
        .unwrap_err();
    assert!(matches!(e, BaremeStoreError::Tarif(_)));
    assert_eq!(e.to_string(), "aucun barème en vigueur au 31/12/2017");
}

/// Signs as the national office would (a test key stands in for it).
fn cle_test() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[42u8; 32])
}

fn signe_test(texte: &str) -> Vec<u8> {
    guichet::tarifs::signature::signer(texte.as_bytes(), &cle_test())
}

/// Issue 19: a later grid's basket row naming a basket the engine does not
/// know is refused with its line and the allowed names, the database byte
/// for byte unchanged; the same row with a known basket imports.
#[test]
fn a_basket_row_with_an_unknown_basket_is_refused_and_the_database_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = base(dir.path());
    let rangee = "\n[[ligne]]\nligne = \"25\"\nsection = \"OPTIQUE\"\nlibelle = \"18 ans et plus — monture de classe B\"\nvariante = { age = \">=18\", equipement = \"monture\", panier = \"PANIER\" }\nunite = \"monture\"\ninitiale = \"30 €\"\nequilibre = \"40 €\"\nreference = \"70 €\"\nintegrale = \"100 €\"\n";
    let texte = |panier: &str| {
        version("2027-01-01", "MGEN Annexe 2 — 2027", "30 %") + &rangee.replace("PANIER", panier)
    };
    let faux = texte("classe_z");
    let m = refuse(&path, "panier.toml", faux.as_bytes());
    let attendu = ligne_de(
        &faux,
        "variante = { age = \">=18\", equipement = \"monture\", panier",
    );
    assert!(
        m.starts_with(&format!("panier.toml, ligne {attendu}")),
        "{m}"
    );
    assert!(m.contains("« classe_z »") || m.contains("classe_z"), "{m}");
    assert!(
        m.contains("classe_a"),
        "the allowed baskets are listed: {m}"
    );

    let mut store = Store::open(&path).unwrap();
    let bon = texte("classe_b");
    let import = store
        .importer_bareme("panier.toml", bon.as_bytes(), maintenant(), true)
        .unwrap();
    assert!(matches!(import, Import::Importe(_)));
}
