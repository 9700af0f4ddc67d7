//! Property tests of the household estimate (`moteur::foyer`) over random
//! households built from the shipped catalogue, barème and AMO parameters:
//! - a household whose acts meet only limits counted per person (no shared
//!   envelope, no psychotherapy, no implant: `part_mgen::portee`) gives,
//!   for each person, act and offer, the amounts of that person's separate
//!   estimate, and household totals that are the sums of the separate
//!   totals, to the cent;
//! - a household of one person is the single-member estimate, explanations
//!   included;
//! - the household golden documents (`tests/cases/15x_foyer_*.toml`) with
//!   one value replaced at random never make the reader or the engine
//!   panic: either an estimate whose reste à charge is frais réels − AMO −
//!   MGEN, or a French refusal naming a path of the document.

use guichet::moteur::foyer::{self, SituationFoyer};
use guichet::moteur::{estimer, lecture, ErreurEstimation, Resultat, Situation, Tables};
use guichet::tarifs::{shipped_baremes, Bareme};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn baremes() -> &'static Vec<Bareme> {
    static B: OnceLock<Vec<Bareme>> = OnceLock::new();
    B.get_or_init(shipped_baremes)
}

fn euros(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// One random act among those whose limits are the person's own (frais
/// réels from 0,01 €: zero frais réels against a base are refused).
fn acte() -> impl Strategy<Value = Value> {
    (
        0usize..9,
        1u32..150_000,
        1u32..100_000,
        0u32..365,
        1u32..4,
        any::<bool>(),
    )
        .prop_map(|(k, fr, brss, jour, q, b)| {
            let brss = euros(brss.min(fr.max(1) * 2));
            let date = (chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()
                + chrono::Days::new(u64::from(jour)))
            .to_string();
            let mut a = match k {
                0 => json!({"code": "consultation_generaliste"}),
                1 => json!({"code": "consultation_specialiste", "optam": b}),
                2 => json!({"code": "seance_kinesitherapie", "brss": brss}),
                3 => json!({"code": "analyses_biologie", "brss": brss}),
                4 => json!({"code": "medicament_65", "brss": brss}),
                5 => json!({"code": "monture", "brss": brss}),
                6 => json!({"code": "verre_progressif", "reseau": b, "brss": brss}),
                7 => json!({"code": "aide_auditive", "reseau": b, "brss": brss}),
                _ => json!({"code": "transport", "brss": brss}),
            };
            let o = a.as_object_mut().unwrap();
            o.insert("date".into(), json!(date));
            o.insert("quantite".into(), json!(q));
            o.insert("frais_reels".into(), json!(euros(fr)));
            a
        })
}

/// One person: age, parcours, CSS, what they already used, their acts.
fn personne() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(acte(), 1..8),
        1940i32..2016,
        any::<bool>(),
        any::<bool>(),
        0u32..5_001,
        0u32..5_001,
        0u32..3,
    )
        .prop_map(|(actes, annee, parcours, css, pf, fr, appareils)| {
            json!({
                "assure": {
                    "date_naissance": format!("{annee}-07-14"),
                    "parcours_soins": parcours,
                    "css": css,
                    "handicap": false,
                    "deja_utilise": {
                        "participations_forfaitaires": euros(pf),
                        "franchises": euros(fr),
                        "appareils_auditifs": appareils
                    }
                },
                "actes": actes
            })
        })
}

fn foyer() -> impl Strategy<Value = Value> {
    proptest::collection::vec(personne(), 1..5).prop_map(|personnes| {
        let foyer: Vec<Value> = personnes
            .into_iter()
            .enumerate()
            .map(|(k, mut p)| {
                p["relation"] = json!(if k == 0 { "adherent" } else { "enfant" });
                p
            })
            .collect();
        json!({"date": "2018-01-01", "foyer": foyer})
    })
}

/// The household documents of the golden cases.
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
        let g: Vec<Value> = chemins
            .iter()
            .filter_map(|p| {
                let t: toml::Value = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                t.get("foyer").map(|s| serde_json::to_value(s).unwrap())
            })
            .collect();
        assert!(g.len() >= 5, "{} foyers", g.len());
        g
    })
}

/// Replaces the value reached by following `pas` (each step picks a field
/// or an item, modulo their number) with `par`.
fn remplacer(v: &mut Value, pas: &[usize], par: Value) {
    let Some((&p, reste)) = pas.split_first() else {
        *v = par;
        return;
    };
    match v {
        Value::Object(o) if !o.is_empty() => {
            let k = o.keys().nth(p % o.len()).unwrap().clone();
            remplacer(o.get_mut(&k).unwrap(), reste, par);
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            remplacer(&mut a[p % n], reste, par);
        }
        _ => *v = par,
    }
}

fn valeur_hostile() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(-1)),
        Just(json!(1e300)),
        Just(json!("x")),
        Just(json!("-5.00")),
        Just(json!("2018-02-30")),
        Just(json!([])),
        Just(json!({})),
        Just(json!(true)),
        Just(json!("99999999.999")),
        Just(json!({"personne": 7, "acte": 0})),
        Just(json!("adherent")),
    ]
}

fn estimer_foyer(v: &Value) -> (SituationFoyer, foyer::ResultatFoyer) {
    let s = foyer::lecture::lire_foyer(v).expect("foyer lisible");
    let r = foyer::estimer_foyer(&s, &Tables::livrees(baremes())).expect("estimation du foyer");
    (s, r)
}

fn seul(s: &Situation) -> Resultat {
    estimer(s, &Tables::livrees(baremes())).expect("estimation seule")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn per_person_limits_give_the_sum_of_separate_estimates(v in foyer()) {
        let (s, r) = estimer_foyer(&v);
        let mut sommes = vec![[Decimal::ZERO; 3]; r.foyer.len()];
        for (k, membre) in s.membres().iter().enumerate() {
            let separe = seul(membre);
            let ensemble = &r.personnes[k].resultat;
            prop_assert_eq!(separe.offres.len(), ensemble.offres.len());
            for (i, (a, b)) in separe.offres.iter().zip(&ensemble.offres).enumerate() {
                prop_assert_eq!(a.offre, b.offre);
                for (x, y) in a.actes.iter().zip(&b.actes) {
                    prop_assert_eq!(x.montants(), y.montants(), "personne {} acte {}", k, x.index);
                }
                prop_assert_eq!(&a.totaux, &b.totaux);
                sommes[i][0] += a.totaux.amo.net;
                sommes[i][1] += a.totaux.mgen;
                sommes[i][2] += a.totaux.reste_a_charge;
            }
        }
        for (t, somme) in r.foyer.iter().zip(&sommes) {
            prop_assert_eq!(
                [t.totaux.amo.net, t.totaux.mgen, t.totaux.reste_a_charge],
                *somme
            );
        }
    }

    #[test]
    fn a_mutated_household_is_estimated_or_refused_in_french(
        i in 0usize..64,
        pas in proptest::collection::vec(0usize..64, 0..6),
        par in valeur_hostile(),
    ) {
        let g = graines();
        let mut v = g[i % g.len()].clone();
        remplacer(&mut v, &pas, par);
        let tables = Tables::livrees(baremes());
        let refus = |chemin: &str, message: &str| -> Result<(), TestCaseError> {
            prop_assert!(!message.trim().is_empty());
            prop_assert!(
                chemin.is_empty()
                    || ["(racine)", "date", "offre", "foyer", "cotisations", "variation"]
                        .iter()
                        .any(|k| chemin.starts_with(k)),
                "chemin « {} » hors du document",
                chemin
            );
            Ok(())
        };
        match foyer::lecture::lire_document(&v) {
            Err(e) => refus(&e.chemin, &e.message)?,
            Ok(d) => match foyer::estimer_document(&d, &tables) {
                Ok(foyer::ResultatDocument::Foyer(r)) => {
                    for p in &r.personnes {
                        for a in p.resultat.offres.iter().flat_map(|o| o.actes.iter()) {
                            prop_assert_eq!(a.reste_a_charge, a.frais_reels - a.amo.net - a.mgen);
                        }
                    }
                }
                Ok(foyer::ResultatDocument::Seul(_)) => {}
                Err(ErreurEstimation::Saisie(e)) => refus(&e.chemin, &e.message)?,
                Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
            },
        }
    }

    #[test]
    fn a_household_of_one_is_the_single_member_estimate(p in personne()) {
        let mut seul_v = p.clone();
        seul_v["date"] = json!("2018-01-01");
        let situation = lecture::lire(&seul_v).expect("situation lisible");
        let mut un = p;
        un["relation"] = json!("adherent");
        let (_, r) = estimer_foyer(&json!({"date": "2018-01-01", "foyer": [un]}));
        prop_assert_eq!(
            serde_json::to_value(&r.personnes[0].resultat).unwrap(),
            serde_json::to_value(seul(&situation)).unwrap()
        );
    }
}

/// The household golden document of case 170 (a conjoint's devis with its
/// 100 % Santé option).
fn foyer_170() -> Value {
    graines()
        .iter()
        .find(|g| g["foyer"][1].get("alternative_100_sante").is_some())
        .expect("cas 170")
        .clone()
}

#[test]
fn a_persons_100_sante_option_is_their_single_estimate_option_when_alone_in_its_limits() {
    // Case 170: the adhérent's consultation meets no optical limit, so the
    // conjoint's two options are those of their own single document.
    let v = foyer_170();
    let (s, r) = estimer_foyer(&v);
    let mut seul_v = v["foyer"][1].clone();
    let o = seul_v.as_object_mut().unwrap();
    o.remove("relation");
    o.remove("nom");
    o.insert("date".into(), v["date"].clone());
    o.insert("offre".into(), v["offre"].clone());
    let separe = seul(&lecture::lire(&seul_v).expect("situation lisible"));
    assert!(separe.alternative_100_sante.is_some());
    assert_eq!(
        serde_json::to_value(&r.personnes[1].resultat.alternative_100_sante).unwrap(),
        serde_json::to_value(&separe.alternative_100_sante).unwrap()
    );
    // The household's totals and the adhérent's result stay the chosen acts'.
    assert_eq!(r.personnes[0].resultat.alternative_100_sante, None);
    assert_eq!(s.foyer[1].alternative_100_sante.as_ref().unwrap().len(), 2);
    assert_eq!(
        foyer::reste_du_foyer(&r, guichet::tarifs::Offre::EQUILIBRE),
        Some(Decimal::new(55191, 2))
    );
}

#[test]
fn errors_in_a_persons_option_name_its_path_in_the_household() {
    let mut v = foyer_170();
    v["foyer"][1]["alternative_100_sante"][1]["frais_reels"] = json!("-1.00");
    let e = foyer::lecture::lire_foyer(&v).unwrap_err();
    assert_eq!(e.chemin, "foyer[1].alternative_100_sante[1].frais_reels");
    let mut v = foyer_170();
    v["foyer"][1]["alternative_100_sante"][0]["code"] = json!("lunettes_de_soleil");
    let s = foyer::lecture::lire_foyer(&v).expect("lisible");
    let Err(ErreurEstimation::Saisie(e)) = foyer::estimer_foyer(&s, &Tables::livrees(baremes()))
    else {
        panic!("refus attendu");
    };
    assert_eq!(e.chemin, "foyer[1].alternative_100_sante[0].code");
    assert!(e.message.contains("lunettes_de_soleil"), "{}", e.message);
    let mut v = foyer_170();
    v["foyer"][1]["alternative_100_sante"] = json!([]);
    let e = foyer::lecture::lire_foyer(&v).unwrap_err();
    assert_eq!(e.chemin, "foyer[1].alternative_100_sante");
    assert_eq!(e.message, "aucun acte à estimer");
}
