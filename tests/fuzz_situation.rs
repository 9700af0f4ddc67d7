//! Fuzz target (issue 8): situation documents → strict reading → engine.
//! Whatever comes in (raw bytes, any JSON value, the 106 golden situations
//! mutated at random), nothing panics, and either
//! - the engine answers and its result keeps its invariants (amounts ≥ 0,
//!   reste à charge = frais réels − AMO − MGEN, AMO net = gross − the
//!   deductions, totals = sums of the acts), or
//! - the input is refused with a French message (never serde's English) and
//!   a JSON path inside the document.
//!
//! The same documents go through the history's save check
//! (`NouvelleEstimation::preparer` with `ValidationMoteur`), which must agree
//! with the engine's reader. `scripts/fuzz.sh` runs each target for a set
//! time (see `tests/fuzz_commun`).

mod fuzz_commun;

use fuzz_commun::{commence_en_anglais, fuzz};
use guichet::historique::{lire_situation, NouvelleEstimation, ValidationMoteur};
use guichet::moteur::{estimer, lecture, ErreurEstimation, Resultat, Tables};
use guichet::tarifs::{shipped_baremes, Bareme};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

fn baremes() -> &'static Vec<Bareme> {
    static B: OnceLock<Vec<Bareme>> = OnceLock::new();
    B.get_or_init(shipped_baremes)
}

/// The situations of the golden cases (`tests/cases/*.toml`), as JSON.
fn graines() -> &'static Vec<Value> {
    static G: OnceLock<Vec<Value>> = OnceLock::new();
    G.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
        let mut chemins: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        chemins.sort();
        let graines: Vec<Value> = chemins
            .iter()
            .filter_map(|p| {
                let t: toml::Value = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                t.get("situation").map(|s| serde_json::to_value(s).unwrap())
            })
            .collect();
        assert!(graines.len() >= 100, "{} cas", graines.len());
        graines
    })
}

/// The French refusal of the reader or the engine: a message, never bare
/// English, and a path that is a place in a situation.
fn refus_francais(chemin: &str, message: &str, v: &Value) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "message vide pour {chemin}");
    prop_assert!(
        !commence_en_anglais(message),
        "message en anglais : {chemin} : {message}"
    );
    // The path starts with a field of the document (field names may hold
    // '.' or '[' themselves), or with a field the reader requires.
    let commence_par = |k: &str| {
        chemin == k || chemin.starts_with(&format!("{k}.")) || chemin.starts_with(&format!("{k}["))
    };
    let cles = v.as_object().map(|o| o.keys().any(|k| commence_par(k)));
    prop_assert!(
        chemin.is_empty()
            || chemin == "(racine)"
            || cles == Some(true)
            || ["date", "assure", "actes"].iter().any(|k| commence_par(k)),
        "chemin « {chemin} » hors du document"
    );
    Ok(())
}

fn invariants(r: &Resultat) -> Result<(), TestCaseError> {
    for o in &r.offres {
        let (mut fr, mut net, mut mgen, mut rac) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for a in &o.actes {
            for x in a.montants() {
                prop_assert!(x >= Decimal::ZERO, "montant négatif : {:?}", a);
            }
            prop_assert_eq!(a.reste_a_charge, a.frais_reels - a.amo.net - a.mgen);
            prop_assert_eq!(
                a.amo.net,
                a.amo.brut
                    - a.amo.participation_forfaitaire
                    - a.amo.franchise
                    - a.amo.participation_18
            );
            fr += a.frais_reels;
            net += a.amo.net;
            mgen += a.mgen;
            rac += a.reste_a_charge;
        }
        prop_assert_eq!(o.totaux.frais_reels, fr);
        prop_assert_eq!(o.totaux.amo.net, net);
        prop_assert_eq!(o.totaux.mgen, mgen);
        prop_assert_eq!(o.totaux.reste_a_charge, rac);
    }
    Ok(())
}

/// One document through the reader, the engine and the history's check.
fn verifier(v: &Value) -> Result<(), TestCaseError> {
    let lu = lecture::lire(v);
    match &lu {
        Err(e) => refus_francais(&e.chemin, &e.message, v)?,
        Ok(s) => match estimer(s, &Tables::livrees(baremes())) {
            Ok(r) => invariants(&r)?,
            Err(ErreurEstimation::Saisie(e)) => refus_francais(&e.chemin, &e.message, v)?,
            Err(e @ ErreurEstimation::Donnees(_)) => {
                return Err(TestCaseError::fail(format!(
                    "erreur de données pour une saisie : {e}"
                )))
            }
        },
    }
    // The history's save: the document rules first, then the same reader.
    match NouvelleEstimation::preparer(v, &ValidationMoteur::default(), None, None, None) {
        Ok(n) => {
            let s = lu.as_ref().map_err(|e| {
                TestCaseError::fail(format!("enregistrable mais refusé par le moteur : {e}"))
            })?;
            prop_assert_eq!(n.date_soins(), s.date);
        }
        Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies.

/// Field names and values a situation uses, so that random documents get
/// past the first checks often.
const CLES: &[&str] = &[
    "date",
    "offre",
    "assure",
    "actes",
    "code",
    "frais_reels",
    "brss",
    "quantite",
    "reseau",
    "optam",
    "praticien",
    "date_naissance",
    "parcours_soins",
    "css",
    "handicap",
    "deja_utilise",
    "grossesse",
    "debut",
    "terme",
    "jours",
    "nuits",
    "sejour",
    "conventionne",
    "dent",
    "dents",
    "exoneration_tm",
    "evolution_vue",
    "materiau",
    "element",
    "debut_traitement",
    "date_adhesion",
    "statut",
    "participations_forfaitaires",
    "franchises",
    "enveloppes",
    "se_soigner_autrement",
    "seances_psychotherapie",
    "implants",
    "remise",
    "appareils",
    "cecite",
];

const CODES: &[&str] = &[
    "consultation_generaliste",
    "consultation_specialiste",
    "acte_technique",
    "seance_kinesitherapie",
    "chambre_particuliere",
    "aide_auditive",
    "verre_unifocal",
    "verre_progressif",
    "monture",
    "osteopathie",
    "medicament_65",
    "couronne",
    "transport",
    "honoraires_hospitaliers",
    "soins_dentaires",
    "implant",
    "frais_de_sejour",
    "forfait_journalier",
    "psychotherapie",
    "orthodontie",
    "lentilles_remboursees",
    "inlay_onlay",
    "frais_accompagnant",
    "examen_prenatal",
];

const TEXTES: &[&str] = &[
    "",
    " ",
    "0000-00-00",
    "2018-02-29",
    "2020-02-29",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "9999-12-31",
    "2018-06-15",
    "2026-03-14",
    "15/06/2018",
    "-0",
    "0",
    "0.00",
    "0.001",
    "1e300",
    "NaN",
    "inf",
    "-Infinity",
    "30,00",
    " 30.00",
    "999999999.99",
    "99999999999999999999",
    "0.000000000000000000000000000001",
    "-5",
    "12.5",
    "reference",
    "initiale",
    "equilibre",
    "integrale",
    "platine",
    "mco",
    "ssr",
    "psy",
    "fonctionnaire",
    "retraite",
    "11",
    "46",
    "dr-a",
    "céramique",
    "\u{0}",
    "<img src=x onerror=alert(1)>",
    "actes[0]",
    "Ω≈ç√",
];

fn feuille() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just(0i64),
            Just(1),
            Just(-1),
            Just(2),
            Just(32),
            Just(500),
            Just(501),
            Just(i64::from(u32::MAX)),
            Just(i64::MAX),
            Just(i64::MIN),
            any::<i64>()
        ]
        .prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        prop::num::f64::NORMAL.prop_map(|x| json!(x)),
        prop::sample::select(TEXTES).prop_map(|s| json!(s)),
        prop::sample::select(CODES).prop_map(|s| json!(s)),
        "\\PC{0,16}".prop_map(Value::String),
        (0u32..60_000, 0u32..100).prop_map(|(c, d)| json!(format!("{}.{:02}", c, d))),
        (-1000i32..12000, 0u32..14, 0u32..33)
            .prop_map(|(a, m, j)| json!(format!("{a:04}-{m:02}-{j:02}"))),
    ]
}

/// Any JSON value, with the situation's field names as keys.
fn valeur_json() -> impl Strategy<Value = Value> {
    feuille().prop_recursive(6, 96, 8, |interieur| {
        prop_oneof![
            prop::collection::vec(interieur.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        4 => prop::sample::select(CLES).prop_map(str::to_string),
                        1 => "\\PC{0,8}",
                    ],
                    interieur
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A situation-shaped object with random parts.
fn situation_aleatoire() -> impl Strategy<Value = Value> {
    (
        valeur_json(),
        valeur_json(),
        prop::collection::vec(valeur_json(), 0..4),
        feuille(),
    )
        .prop_map(|(assure, extra, actes, date)| {
            json!({"date": date, "assure": assure, "actes": actes, "offre": extra})
        })
}

/// One edit of a document: which node (index among all nodes), what to do.
#[derive(Debug, Clone)]
struct Mutation {
    noeud: usize,
    genre: u8,
    cle: &'static str,
    valeur: Value,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        any::<usize>(),
        0u8..8,
        prop::sample::select(CLES),
        feuille(),
    )
        .prop_map(|(noeud, genre, cle, valeur)| Mutation {
            noeud,
            genre,
            cle,
            valeur,
        })
}

/// JSON pointers of every node of `v`, root first.
fn pointeurs(v: &Value, ici: String, out: &mut Vec<String>) {
    out.push(ici.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointeurs(
                    x,
                    format!("{ici}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointeurs(x, format!("{ici}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn muter(v: &mut Value, m: &Mutation) {
    let mut tous = Vec::new();
    pointeurs(v, String::new(), &mut tous);
    let p = &tous[m.noeud % tous.len()];
    let Some(noeud) = v.pointer_mut(p) else {
        return;
    };
    match m.genre {
        // Replace the node.
        0 | 1 => *noeud = m.valeur.clone(),
        // Add (or overwrite) a field.
        2 => {
            if let Value::Object(o) = noeud {
                o.insert(m.cle.to_string(), m.valeur.clone());
            } else {
                *noeud = m.valeur.clone();
            }
        }
        // Remove a field or an element.
        3 => match noeud {
            Value::Object(o) if !o.is_empty() => {
                let k = o.keys().nth(m.noeud % o.len()).unwrap().clone();
                o.remove(&k);
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(m.noeud % a.len());
            }
            _ => *noeud = Value::Null,
        },
        // Repeat an element of a list (many acts).
        4 => {
            if let Value::Array(a) = noeud {
                if let Some(x) = a.first().cloned() {
                    let n = 1 + m.noeud % 40;
                    a.extend(std::iter::repeat_n(x, n));
                }
            }
        }
        5 => *noeud = json!([noeud.clone()]),
        6 => *noeud = json!({}),
        // Amounts and dates as strings with a twist.
        _ => {
            if let Value::String(s) = noeud {
                let t = match m.noeud % 4 {
                    0 => format!("-{s}"),
                    1 => format!("{s}0"),
                    2 => s.chars().rev().collect(),
                    _ => format!("{s}{s}"),
                };
                *noeud = Value::String(t);
            } else {
                *noeud = m.valeur.clone();
            }
        }
    }
}

fn situation_mutee() -> impl Strategy<Value = Value> {
    (any::<usize>(), prop::collection::vec(mutation(), 1..5)).prop_map(|(i, ms)| {
        let g = graines();
        let mut v = g[i % g.len()].clone();
        for m in &ms {
            muter(&mut v, m);
        }
        v
    })
}

// ---------------------------------------------------------------------------
// Targets.

#[test]
fn golden_situations_pass_every_check() {
    // The seeds themselves: read, estimated, accepted by the history.
    for v in graines() {
        if let Err(e) = verifier(v) {
            panic!("{e}\n{v}");
        }
    }
}

#[test]
fn fuzz_mutated_situations() {
    fuzz("situations_mutees", 256, situation_mutee(), |v| {
        verifier(&v)
    });
}

#[test]
fn fuzz_any_json_value() {
    fuzz(
        "valeurs_json",
        256,
        prop_oneof![valeur_json(), situation_aleatoire()],
        |v| verifier(&v),
    );
}

#[test]
fn fuzz_bytes_and_mutated_text() {
    let texte = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        // A golden situation as text with a few bytes changed.
        (
            any::<usize>(),
            prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)
        )
            .prop_map(|(i, changements)| {
                let g = graines();
                let mut b = serde_json::to_vec_pretty(&g[i % g.len()]).unwrap();
                for (pos, octet) in changements {
                    let n = b.len();
                    b[pos % n] = octet;
                }
                b
            }),
    ];
    fuzz("octets", 256, texte, |octets| {
        // The CLI's path: document rules on the bytes, then the checks.
        match lire_situation(&octets) {
            Ok(objet) => verifier(&Value::Object(objet))?,
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
        // The engine's own text reader (guichet estimer).
        match lecture::lire_texte(&String::from_utf8_lossy(&octets)) {
            Ok(_) => {}
            Err(e) => prop_assert!(!commence_en_anglais(&e.message), "{}", e.message),
        }
        Ok(())
    });
}
