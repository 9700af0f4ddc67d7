//! Property tests of the engine over random situations built from the
//! shipped catalogue, barème and AMO parameters:
//! - every amount is ≥ 0 and the reste à charge is frais réels − AMO − MGEN;
//! - principe indemnitaire: AMO gross + MGEN ≤ frais réels, except the
//!   heavy-act participation MGEN pays (lines 4 and 20); AMO gross ≤ frais
//!   réels (R.160-22);
//! - out of the parcours de soins, the reduced rate applies from 16 only
//!   (L.162-5-3);
//! - totals are the sums of the per-act amounts;
//! - annual caps (participations, franchises), daily caps, the
//!   « se soigner autrement » envelope and the 20 psychotherapy sessions are
//!   never exceeded, whatever the sequence of acts and `deja_utilise`;
//! - each offer's result does not depend on the other offers asked, nor on
//!   their order.

use chrono::{Datelike, NaiveDate};
use guichet::moteur::{estimer, lecture, Resultat, Situation, Tables};
use guichet::tarifs::{shipped_baremes, variante, Bareme, Offre};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The four offers of the 2018 grid, in the Annexe's column order.
const QUATRE: [Offre; 4] = [
    Offre::INITIALE,
    Offre::EQUILIBRE,
    Offre::REFERENCE,
    Offre::INTEGRALE,
];

fn baremes() -> &'static Vec<Bareme> {
    static B: OnceLock<Vec<Bareme>> = OnceLock::new();
    B.get_or_init(shipped_baremes)
}

fn euros(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn date(jour: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Days::new(jour as u64)
}

/// One random act: (code, extra fields) with amounts in cents.
fn acte() -> impl Strategy<Value = Value> {
    // From one cent: zero frais réels against a base entered is refused by design.
    let fr = 1u32..200_000;
    (0usize..22, fr, 1u32..150_000, 0u32..730, 1u32..4, any::<bool>(), any::<bool>(), 1u32..6)
        .prop_map(|(k, fr, brss, jour, q, b1, b2, n)| {
            let d = date(jour).to_string();
            let brss = brss.min(fr.max(1) * 2);
            let mut a = match k {
                0 => json!({"code": "consultation_generaliste"}),
                1 => json!({"code": "consultation_specialiste", "optam": b1}),
                2 => json!({"code": "acte_technique", "optam": b1, "brss": euros(brss), "praticien": if b2 {"dr-a"} else {"dr-b"}}),
                3 => json!({"code": "seance_kinesitherapie", "brss": euros(brss)}),
                4 => json!({"code": "auxiliaire_medical", "brss": euros(brss)}),
                5 => json!({"code": "analyses_biologie", "brss": euros(brss)}),
                6 => json!({"code": "psychotherapie"}),
                7 => json!({"code": "medicament_65", "brss": euros(brss)}),
                8 => json!({"code": "medicament_15", "brss": euros(brss)}),
                9 => json!({"code": "medicament_non_rembourse"}),
                10 => json!({"code": "osteopathie"}),
                11 => json!({"code": "dieteticien"}),
                12 => json!({"code": "chiropraxie"}),
                13 => json!({"code": "honoraires_hospitaliers", "optam": b1, "brss": euros(brss), "exoneration_tm": b2}),
                14 => json!({"code": "frais_de_sejour", "brss": euros(brss)}),
                15 => json!({"code": "forfait_journalier", "jours": n}),
                16 => json!({"code": "chambre_particuliere", "conventionne": b1, "sejour": if b2 {"mco"} else {"ssr"}, "nuits": n}),
                17 => json!({"code": "verre_progressif", "reseau": b1, "brss": euros(brss), "evolution_vue": b2}),
                18 => json!({"code": "implant"}),
                19 => json!({"code": "aide_auditive", "reseau": b1, "brss": euros(brss)}),
                20 => json!({"code": "transport", "brss": euros(brss)}),
                _ => json!({"code": "lentilles_remboursees", "brss": euros(brss)}),
            };
            let o = a.as_object_mut().unwrap();
            o.insert("date".into(), json!(d));
            if !matches!(k, 15 | 16) {
                o.insert("quantite".into(), json!(q));
            }
            o.insert("frais_reels".into(), json!(euros(fr)));
            a
        })
}

fn situation() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(acte(), 1..25),
        1940i32..2015,
        any::<bool>(),
        any::<bool>(),
        0u32..5_001,
        0u32..5_001,
        0u32..15_001,
        0u32..25,
        0u32..4,
        proptest::option::of(0u32..500),
    )
        .prop_map(
            |(actes, annee, parcours, css, pf, fr, env, seances, implants, grossesse)| {
                let mut s = json!({
                    "date": "2018-01-01",
                    "assure": {
                        "date_naissance": format!("{annee}-03-15"),
                        "parcours_soins": parcours,
                        "css": css,
                        "handicap": false,
                        "deja_utilise": {
                            "participations_forfaitaires": euros(pf),
                            "franchises": euros(fr),
                            "enveloppes": { "se_soigner_autrement": euros(env) },
                            "seances_psychotherapie": seances,
                            "implants": implants
                        }
                    },
                    "actes": actes
                });
                if let (Some(j), true) = (grossesse, annee < 2000) {
                    let debut = date(j);
                    s["assure"]["grossesse"] = json!({
                        "debut": debut.to_string(),
                        "terme": (debut + chrono::Days::new(270)).to_string()
                    });
                }
                s
            },
        )
}

fn run(v: &Value) -> (Situation, Resultat) {
    let s = lecture::lire(v).unwrap_or_else(|e| panic!("{e}\n{v}"));
    let r = estimer(&s, &Tables::livrees(baremes())).unwrap_or_else(|e| panic!("{e}\n{v}"));
    (s, r)
}

fn deja(v: &Value, cle: &str) -> Decimal {
    v["assure"]["deja_utilise"][cle]
        .as_str()
        .map(|s| s.parse().unwrap())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn amounts_are_non_negative_and_bounded_by_the_expense(v in situation()) {
        let (_, r) = run(&v);
        for o in &r.offres {
            let mut t = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            for a in &o.actes {
                for x in [a.amo.brut, a.amo.participation_forfaitaire, a.amo.franchise,
                          a.amo.participation_18, a.amo.net, a.mgen, a.reste_a_charge, a.brss] {
                    prop_assert!(x >= Decimal::ZERO, "{} {:?}", a.code, a);
                }
                prop_assert_eq!(a.reste_a_charge, a.frais_reels - a.amo.net - a.mgen);
                prop_assert_eq!(a.amo.net, a.amo.brut - a.amo.participation_forfaitaire
                    - a.amo.franchise - a.amo.participation_18);
                // Principe indemnitaire, the MGEN-paid heavy-act participation aside.
                prop_assert!(a.amo.brut + a.mgen <= a.frais_reels + a.amo.participation_18,
                    "{}: {} + {} > {}", a.code, a.amo.brut, a.mgen, a.frais_reels);
                prop_assert_eq!(a.mgen.round_dp(2), a.mgen);
                // R.160-22: the AMO never pays more than the expense.
                prop_assert!(a.amo.brut <= a.frais_reels, "{}: AMO {} > frais {}",
                    a.code, a.amo.brut, a.frais_reels);
                t.0 += a.frais_reels; t.1 += a.amo.net; t.2 += a.mgen; t.3 += a.reste_a_charge;
            }
            prop_assert_eq!(o.totaux.frais_reels, t.0);
            prop_assert_eq!(o.totaux.amo.net, t.1);
            prop_assert_eq!(o.totaux.mgen, t.2);
            prop_assert_eq!(o.totaux.reste_a_charge, t.3);
        }
    }

    #[test]
    fn annual_and_daily_caps_are_never_exceeded(v in situation()) {
        let (s, r) = run(&v);
        let o = &r.offres[0];
        let mut pf_an: BTreeMap<i32, Decimal> = BTreeMap::new();
        let mut fr_an: BTreeMap<i32, Decimal> = BTreeMap::new();
        let mut pf_jour: BTreeMap<(NaiveDate, String), Decimal> = BTreeMap::new();
        let mut fr_jour: BTreeMap<(NaiveDate, String), Decimal> = BTreeMap::new();
        for a in &o.actes {
            let acte = &s.actes[a.index as usize];
            *pf_an.entry(a.date.year()).or_default() += a.amo.participation_forfaitaire;
            *fr_an.entry(a.date.year()).or_default() += a.amo.franchise;
            if let Some(p) = &acte.praticien {
                *pf_jour.entry((a.date, p.clone())).or_default() += a.amo.participation_forfaitaire;
            }
            *fr_jour.entry((a.date, a.code.to_string())).or_default() += a.amo.franchise;
        }
        let cinquante = Decimal::from(50);
        for (annee, x) in pf_an {
            let d = if annee == 2018 { deja(&v, "participations_forfaitaires") } else { Decimal::ZERO };
            prop_assert!(x <= (cinquante - d).max(Decimal::ZERO), "participations {annee}: {x}");
        }
        for (annee, x) in fr_an {
            let d = if annee == 2018 { deja(&v, "franchises") } else { Decimal::ZERO };
            prop_assert!(x <= (cinquante - d).max(Decimal::ZERO), "franchises {annee}: {x}");
        }
        for ((_, _), x) in pf_jour {
            prop_assert!(x <= Decimal::from(4));
        }
        for ((_, code), x) in fr_jour {
            match code.as_str() {
                "seance_kinesitherapie" | "auxiliaire_medical" => prop_assert!(x <= Decimal::from(2)),
                "transport" => prop_assert!(x <= Decimal::from(4)),
                _ => {}
            }
        }
    }

    #[test]
    fn no_parcours_reduction_under_16(v in situation()) {
        let (s, r) = run(&v);
        let naissance = s.assure.date_naissance;
        for a in &r.offres[0].actes {
            let anniversaire = naissance.with_year(a.date.year()).unwrap();
            let age = a.date.year() - naissance.year() - i32::from(a.date < anniversaire);
            let minorable = ["consultation_generaliste", "consultation_specialiste", "acte_technique"]
                .contains(&a.code.as_str());
            if minorable && !s.assure.parcours_soins {
                // L.162-5-3: the reduced rate (30 %) from 16 only; under 16
                // the normal one (70 %), 100 % on a heavy act or maternité.
                let normal = if age >= 16 { 30 } else { 70 };
                prop_assert!([Decimal::from(normal), Decimal::ONE_HUNDRED].contains(&a.taux_amo),
                    "{} le {}, {} ans : taux {}", a.code, a.date, age, a.taux_amo);
            }
        }
    }

    #[test]
    fn envelopes_and_session_limits_are_never_exceeded(v in situation()) {
        let (_, r) = run(&v);
        let b = &baremes()[0];
        for o in &r.offres {
            let enveloppe = b
                .cellule("10", &variante([]), o.offre)
                .and_then(|c| c.valeur)
                .unwrap();
            let seance = b.cellule("7", &variante([]), o.offre).and_then(|c| c.valeur).unwrap();
            let mut env: BTreeMap<i32, Decimal> = BTreeMap::new();
            let mut seances: BTreeMap<i32, Decimal> = BTreeMap::new();
            for a in &o.actes {
                if ["osteopathie", "dieteticien", "chiropraxie"].contains(&a.code.as_str()) {
                    *env.entry(a.date.year()).or_default() += a.mgen;
                }
                if a.code == "psychotherapie" {
                    *seances.entry(a.date.year()).or_default() += a.mgen / seance;
                }
            }
            for (annee, x) in env {
                let d = v["assure"]["deja_utilise"]["enveloppes"]["se_soigner_autrement"]
                    .as_str()
                    .filter(|_| annee == 2018)
                    .map(|s| s.parse::<Decimal>().unwrap())
                    .unwrap_or_default();
                prop_assert!(x <= (enveloppe - d).max(Decimal::ZERO), "{:?} {annee}: {x}", o.offre);
            }
            for (annee, n) in seances {
                let d = if annee == 2018 {
                    Decimal::from(v["assure"]["deja_utilise"]["seances_psychotherapie"].as_u64().unwrap())
                } else { Decimal::ZERO };
                prop_assert!(n <= (Decimal::from(20) - d).max(Decimal::ZERO), "{:?} {annee}: {n}", o.offre);
            }
        }
    }

    #[test]
    fn each_offer_is_independent_of_the_others_and_of_their_order(v in situation()) {
        let (_, toutes) = run(&v);
        prop_assert_eq!(
            toutes.offres.iter().map(|o| o.offre).collect::<Vec<_>>(),
            QUATRE.to_vec()
        );
        for o in QUATRE {
            let mut seule = v.clone();
            seule["offre"] = serde_json::to_value(o).unwrap();
            let (_, r) = run(&seule);
            prop_assert_eq!(r.offres.len(), 1);
            let attendu = toutes.offres.iter().find(|x| x.offre == o).unwrap();
            prop_assert_eq!(&r.offres[0], attendu);
        }
    }
}
