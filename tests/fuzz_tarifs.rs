//! Fuzz target (issue 8): tariff files → parsing → validation → engine.
//! Random bytes and the shipped files (Annexe 2 table, AMO parameters)
//! mutated at random (lines deleted, repeated, swapped, numbers replaced by
//! absurd ones, characters changed, keys added): nothing panics; a refused
//! file gets a French message naming the file; a file that is accepted is
//! usable: the engine, given it, estimates golden situations without
//! panicking and with non-negative amounts, or refuses with a message.
//! The signature check takes any bytes without panicking.

mod fuzz_commun;

use fuzz_commun::fuzz;
use guichet::moteur::{estimer, lecture, Situation, Tables};
use guichet::tarifs::amo::{parametres_livres, parse_amo, ParametresAmo};
use guichet::tarifs::{annexe, signature, Bareme, FICHIERS_LIVRES};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use std::sync::OnceLock;

const AMO: &str = include_str!("../assets/tarifs/amo.toml");
const ORIGINE: &str = "essai.toml";

/// A few golden situations of different kinds, to run the engine with an
/// accepted mutated file.
fn situations() -> &'static Vec<Situation> {
    static S: OnceLock<Vec<Situation>> = OnceLock::new();
    S.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
        let mut chemins: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        chemins.sort();
        chemins
            .iter()
            .step_by(20)
            .filter_map(|p| {
                let t: toml::Value = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                let v = serde_json::to_value(t.get("situation")?).unwrap();
                lecture::lire(&v).ok()
            })
            .collect()
    })
}

fn estimer_avec(baremes: &[Bareme], amo: &ParametresAmo) -> Result<(), TestCaseError> {
    for s in situations() {
        // Errors are fine (a file may be valid and still not fit the
        // catalogue: the engine says so); a result must make sense.
        let tables = Tables {
            baremes,
            amo,
            ..Tables::livrees(baremes)
        };
        if let Ok(r) = estimer(s, &tables) {
            for o in &r.offres {
                for a in &o.actes {
                    for x in [a.amo.brut, a.amo.net, a.mgen, a.reste_a_charge, a.brss] {
                        prop_assert!(x >= Decimal::ZERO, "montant négatif : {:?}", a);
                    }
                    prop_assert_eq!(a.reste_a_charge, a.frais_reels - a.amo.net - a.mgen);
                }
            }
        }
    }
    Ok(())
}

fn bareme_livre() -> &'static Bareme {
    static B: OnceLock<Bareme> = OnceLock::new();
    B.get_or_init(|| {
        annexe::lire_texte(FICHIERS_LIVRES[0].0, FICHIERS_LIVRES[0].1)
            .unwrap()
            .bareme
    })
}

/// An annexe file's bytes through the import path.
fn verifier_annexe(octets: &[u8]) -> Result<(), TestCaseError> {
    let _ = signature::verifier(octets, &signature::cle_office());
    match annexe::lire_octets(ORIGINE, octets) {
        Ok(lu) => estimer_avec(&[lu.bareme], parametres_livres())?,
        Err(e) => {
            let m = e.to_string();
            prop_assert!(
                m.starts_with(ORIGINE),
                "le message ne nomme pas le fichier : {m}"
            );
        }
    }
    Ok(())
}

fn verifier_amo(texte: &str) -> Result<(), TestCaseError> {
    match parse_amo(ORIGINE, texte) {
        Ok(p) => estimer_avec(std::slice::from_ref(bareme_livre()), &p)?,
        Err(e) => {
            let m = e.to_string();
            prop_assert!(
                m.starts_with(ORIGINE),
                "le message ne nomme pas le fichier : {m}"
            );
        }
    }
    Ok(())
}

/// Replacement values for a number or a quoted value.
const ABSURDES: &[&str] = &[
    "1e300",
    "-0",
    "\"-0\"",
    "nan",
    "\"NaN\"",
    "inf",
    "-1",
    "\"-5 %\"",
    "0",
    "\"0.000000000000000000000000000001\"",
    "99999999999999999999",
    "\"999999999 €\"",
    "\"0000-00-00\"",
    "\"2018-02-30\"",
    "\"9999-12-31\"",
    "\"1900-01-01\"",
    "\"\"",
    "[]",
    "{}",
    "\"Néant\"",
    "\"30 %\"",
    "\"130 € / œil\"",
    "\"150 % BRSS\"",
    "\"Forfait 25 € / an\"",
    "\"33 €/nuitée\"",
    "true",
    "\"<script>\"",
];

const LIGNES: &[&str] = &[
    "[[ligne]]",
    "[[parametre]]",
    "[[parametre.valeur]]",
    "[bareme]",
    "ligne = \"1\"",
    "ligne = \"99\"",
    "variante = { age = \"<18\" }",
    "unite = \"lune\"",
    "limites = [{ compteur = \"implants\", max = -2, periode = \"2 années civiles\" }]",
    "enveloppe = \"x\"",
    "nature = \"forfait_journalier_en_vigueur\"",
    "depuis = \"2017-12-31\"",
    "valeur = \"1e300\"",
    "en_vigueur_le = \"2018-01-01\"",
    "inconnue = 1",
    "]]",
    "\"",
    "reprises = [\"initiale\", \"initiale\"]",
];

#[derive(Debug, Clone)]
struct Edition {
    ligne: usize,
    genre: u8,
    n: usize,
    octet: u8,
}

fn edition() -> impl Strategy<Value = Edition> {
    (any::<usize>(), 0u8..7, any::<usize>(), any::<u8>()).prop_map(|(ligne, genre, n, octet)| {
        Edition {
            ligne,
            genre,
            n,
            octet,
        }
    })
}

/// Applies line-level edits to a TOML text.
fn editer(texte: &str, editions: &[Edition]) -> String {
    let mut lignes: Vec<String> = texte.lines().map(str::to_string).collect();
    for e in editions {
        if lignes.is_empty() {
            break;
        }
        let i = e.ligne % lignes.len();
        match e.genre {
            0 => {
                lignes.remove(i);
            }
            1 => {
                let l = lignes[i].clone();
                lignes.insert(i, l);
            }
            2 => {
                let j = e.n % lignes.len();
                lignes.swap(i, j);
            }
            // The value after `=` replaced by an absurd one.
            3 => {
                if let Some((cle, _)) = lignes[i].split_once('=') {
                    lignes[i] = format!("{cle}= {}", ABSURDES[e.n % ABSURDES.len()]);
                }
            }
            // One digit changed (tampering).
            4 => {
                let l = &lignes[i];
                if let Some((pos, _)) = l
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .nth(e.n % 8)
                {
                    let mut s = l.clone();
                    s.replace_range(pos..pos + 1, &((e.octet % 10).to_string()));
                    lignes[i] = s;
                }
            }
            5 => lignes.insert(i, LIGNES[e.n % LIGNES.len()].to_string()),
            // One byte of the line replaced (may break UTF-8 once encoded).
            _ => {
                let mut b = lignes[i].clone().into_bytes();
                if !b.is_empty() {
                    let n = b.len();
                    b[e.n % n] = e.octet;
                }
                lignes[i] = String::from_utf8_lossy(&b).into_owned();
            }
        }
    }
    lignes.join("\n")
}

#[test]
fn shipped_files_pass_every_check() {
    verifier_annexe(FICHIERS_LIVRES[0].1.as_bytes()).unwrap();
    verifier_amo(AMO).unwrap();
}

#[test]
fn fuzz_mutated_annexe() {
    fuzz(
        "annexe_mutee",
        48,
        prop::collection::vec(edition(), 1..6),
        |editions| verifier_annexe(editer(FICHIERS_LIVRES[0].1, &editions).as_bytes()),
    );
}

#[test]
fn fuzz_mutated_amo() {
    fuzz(
        "amo_mute",
        96,
        prop::collection::vec(edition(), 1..6),
        |editions| verifier_amo(&editer(AMO, &editions)),
    );
}

#[test]
fn fuzz_tariff_bytes() {
    let octets = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        // A small valid-looking header followed by random text.
        "\\PC{0,400}".prop_map(|s| format!(
            "[bareme]\nnom = \"x\"\nsource = \"y\"\nen_vigueur_le = \"2018-01-01\"\n{s}"
        )
        .into_bytes()),
        // The start of the shipped file cut anywhere.
        any::<usize>().prop_map(|n| {
            let t = FICHIERS_LIVRES[0].1.as_bytes();
            t[..n % t.len()].to_vec()
        }),
    ];
    fuzz("octets_bareme", 96, octets, |b| {
        verifier_annexe(&b)?;
        verifier_amo(&String::from_utf8_lossy(&b))
    });
}
