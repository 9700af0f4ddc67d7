//! Property tests of the 100 % Santé rules (issue 16) over random devis
//! dated 2019–2026, built from the shipped catalogue, barème, AMO
//! parameters and `assets/tarifs/cent-pour-cent-sante.toml`:
//! - an item of a 100 % Santé basket, dated from the day its basket leaves
//!   nothing to pay and priced within its limit, leaves 0,00 € under every
//!   offer;
//! - whatever the basket and the price, AMO + MGEN ≤ the price and every
//!   amount is ≥ 0;
//! - the contrat responsable ceilings are never exceeded: MGEN ≤ 100 € on a
//!   classe B frame, MGEN on a classe B equipment of one date ≤ its
//!   ceiling (420 / 700 / 800 €), MGEN + AMO gross ≤ 1 700 € per classe II
//!   hearing aid.

use chrono::NaiveDate;
use guichet::moteur::{estimer, lecture, Resultat, Tables};
use guichet::tarifs::{shipped_baremes, Bareme};
use proptest::prelude::*;
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

/// A day from `debut` to 31/12/2026.
fn jour_depuis(debut: &str, n: u32) -> String {
    let d: NaiveDate = debut.parse().unwrap();
    let fin: NaiveDate = "2026-12-31".parse().unwrap();
    let span = (fin - d).num_days() as u32 + 1;
    (d + chrono::Days::new(u64::from(n % span))).to_string()
}

fn estimer_json(v: &Value) -> Resultat {
    let s = lecture::lire(v).unwrap_or_else(|e| panic!("{e}\n{v}"));
    estimer(&s, &Tables::livrees(baremes())).unwrap_or_else(|e| panic!("{e}\n{v}"))
}

fn situation(date: &str, naissance: &str, actes: Vec<Value>) -> Value {
    json!({
        "date": date,
        "assure": { "date_naissance": naissance, "parcours_soins": true, "css": false, "handicap": false },
        "actes": actes
    })
}

/// A 100 % Santé item priced within its limit, from its basket's date:
/// (act, limit in cents for the line, first date nothing is left to pay).
fn article_100_sante() -> impl Strategy<Value = (Value, &'static str, bool)> {
    (0usize..6, 1u32..=10_000, 1u32..=3, 0u32..3000, any::<bool>()).prop_map(
        |(k, part, q, _, enfant)| {
            // `part`/10 000 of the limit, at least one cent.
            let dans = |limite: u32| (limite * part / 10_000).max(1);
            match k {
                0 => (
                    json!({"code": "monture", "panier": "classe_a", "brss": "9.00", "frais_reels": euros(dans(3000).max(900))}),
                    "2020-01-01",
                    false,
                ),
                1 => {
                    let limite = 5_000 * q;
                    (
                        json!({"code": "verre_unifocal", "quantite": q, "reseau": false, "panier": "classe_a",
                               "brss": euros(q * 500), "prix_limite": euros(limite), "frais_reels": euros(dans(limite))}),
                        "2020-01-01",
                        false,
                    )
                }
                2 => (
                    json!({"code": "couronne", "panier": "panier_100_sante", "conventionne": true,
                           "dent": "molaire", "materiau": "metallique", "frais_reels": euros(dans(29_000))}),
                    "2020-01-01",
                    false,
                ),
                3 => (
                    json!({"code": "couronne", "panier": "panier_100_sante", "conventionne": true,
                           "dent": "incisive_canine_premolaire", "materiau": "ceramo_metallique", "frais_reels": euros(dans(50_000))}),
                    "2020-01-01",
                    false,
                ),
                4 => {
                    let par_aide = if enfant { 140_000 } else { 95_000 };
                    (
                        json!({"code": "aide_auditive", "quantite": q.min(2), "panier": "classe_1", "reseau": part % 2 == 0,
                               "brss": euros(q.min(2) * 40_000), "frais_reels": euros(dans(par_aide * q.min(2)))}),
                        "2021-01-01",
                        enfant,
                    )
                }
                _ => {
                    let limite = 110_000;
                    (
                        json!({"code": "prothese_amovible_resine", "dents": 14, "panier": "panier_100_sante",
                               "brss": "182.75", "prix_limite": euros(limite), "frais_reels": euros(dans(limite))}),
                        "2021-01-01",
                        false,
                    )
                }
            }
        },
    )
}

/// A devis line of any basket, at any price, from 2019.
fn ligne_de_devis() -> impl Strategy<Value = Value> {
    (0usize..7, 1u32..300_000, 1u32..=2, any::<bool>(), 0usize..4).prop_map(
        |(k, frais, q, b, v)| {
            let verres = ["verre_unifocal", "verre_unifocal_fort", "verre_progressif", "verre_progressif_fort"][v];
            let mut a = match k {
                0 | 1 => json!({"code": verres, "quantite": 2, "reseau": b, "panier": "classe_b", "brss": "0.10"}),
                2 => json!({"code": "monture", "panier": "classe_b", "brss": "0.05"}),
                3 => json!({"code": "aide_auditive", "quantite": q, "reseau": b, "panier": "classe_2", "brss": euros(q * 40_000)}),
                4 => json!({"code": "couronne", "conventionne": b, "dent": "incisive_canine_premolaire",
                            "materiau": "ceramo_metallique", "panier": if b {"tarifs_maitrises"} else {"tarifs_libres"}}),
                5 => json!({"code": "couronne", "conventionne": true, "dent": "molaire",
                            "materiau": "metallique", "panier": "panier_100_sante"}),
                _ => json!({"code": "aide_auditive", "quantite": q, "reseau": b, "panier": "classe_1", "brss": euros(q * 40_000)}),
            };
            a["frais_reels"] = json!(euros(frais));
            a
        },
    )
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_100_sante_item_within_its_limit_leaves_nothing_to_pay(
        (acte, debut, enfant) in article_100_sante(),
        n in 0u32..4000,
    ) {
        let date = jour_depuis(debut, n);
        let naissance = if enfant { "2012-06-01" } else { "1960-06-01" };
        let r = estimer_json(&situation(&date, naissance, vec![acte.clone()]));
        prop_assert_eq!(r.offres.len(), 4);
        for o in &r.offres {
            let a = &o.actes[0];
            prop_assert_eq!(a.reste_a_charge, Decimal::ZERO, "{:?} {} {}", o.offre, date, acte);
            prop_assert_eq!(a.amo.net + a.mgen, a.frais_reels);
        }
    }

    #[test]
    fn amo_and_mgen_stay_within_the_price_and_the_ceilings(
        lignes in proptest::collection::vec(ligne_de_devis(), 1..6),
        n in 0u32..4000,
        jeune in any::<bool>(),
    ) {
        // From 2021 every basket of these lines exists.
        let date = jour_depuis("2021-01-01", n);
        let naissance = if jeune { "2010-02-02" } else { "1958-02-02" };
        let s = situation(&date, naissance, lignes.clone());
        let r = estimer_json(&s);
        // The equipment's ceiling: its lenses' category when they share one.
        let categories: std::collections::BTreeSet<&str> = lignes
            .iter()
            .filter(|l| l["panier"] == "classe_b" && l["code"] != "monture")
            .map(|l| l["code"].as_str().unwrap())
            .map(|c| match c {
                "verre_unifocal" => "simples",
                "verre_progressif_fort" => "tres_complexes",
                _ => "complexes",
            })
            .collect();
        let plafond_equipement = match categories.iter().next() {
            Some(&"simples") if categories.len() == 1 => Some(d("420")),
            Some(&"complexes") if categories.len() == 1 => Some(d("700")),
            Some(&"tres_complexes") if categories.len() == 1 => Some(d("800")),
            _ => None,
        };
        for o in &r.offres {
            let mut equipement = Decimal::ZERO;
            for (a, l) in o.actes.iter().zip(&lignes) {
                prop_assert!(a.mgen >= Decimal::ZERO && a.amo.net >= Decimal::ZERO && a.reste_a_charge >= Decimal::ZERO);
                prop_assert!(a.amo.net + a.mgen <= a.frais_reels, "{:?} {}", o.offre, l);
                match (l["code"].as_str().unwrap(), l["panier"].as_str().unwrap()) {
                    ("monture", "classe_b") => {
                        prop_assert!(a.mgen <= d("100"));
                        equipement += a.mgen;
                    }
                    ("aide_auditive", "classe_2") => {
                        prop_assert!(a.mgen + a.amo.brut <= d("1700") * Decimal::from(a.quantite));
                    }
                    (_, "classe_b") => equipement += a.mgen,
                    _ => {}
                }
            }
            if let Some(p) = plafond_equipement {
                prop_assert!(equipement <= p, "{:?} {}", o.offre, s);
            }
        }
    }
}

#[test]
fn a_basket_before_its_reform_is_refused_naming_the_field() {
    for (acte, veille) in [
        (
            json!({"code": "monture", "panier": "classe_b", "frais_reels": "80.00"}),
            "2019-12-31",
        ),
        (
            json!({"code": "couronne", "panier": "tarifs_libres", "conventionne": false,
                "dent": "molaire", "frais_reels": "600.00"}),
            "2019-03-31",
        ),
        (
            json!({"code": "aide_auditive", "panier": "classe_2", "reseau": true, "frais_reels": "1200.00"}),
            "2018-12-31",
        ),
    ] {
        let v = situation(veille, "1960-06-01", vec![acte]);
        let s = lecture::lire(&v).unwrap();
        let e = estimer(&s, &Tables::livrees(baremes()))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("actes[0].panier : le panier « "), "{e}");
        assert!(e.contains("n'existe qu'à partir du"), "{e}");
    }
}
