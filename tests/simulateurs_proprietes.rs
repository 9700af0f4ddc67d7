//! Invariants of the simulators, checked on many generated inputs: the
//! caution cotisation is never negative, never decreases when the amount
//! grows, doubles exactly, and its lines add up; the Corem monthly payments
//! add up to the year; the Assistance premium stays within the yearly
//! premium; the envelope's used and left units account for all of it; ages
//! turn on the birthday itself.

use chrono::NaiveDate;
use guichet::simulateurs::assistance::{enveloppe, prime};
use guichet::simulateurs::caution;
use guichet::simulateurs::corem::{self, Assiette, CoremDemande, Qualite};
use guichet::simulateurs::dates::{age, anniversaire, veille};
use guichet::simulateurs::Baremes;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// An amount in cents up to 1 200 000 €.
fn montant() -> impl Strategy<Value = Decimal> {
    (1i64..=120_000_000i64).prop_map(|c| Decimal::new(c, 2))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1930i32..2030, 1u32..=12, 1u32..=31)
        .prop_filter_map("date réelle", |(a, m, j)| NaiveDate::from_ymd_opt(a, m, j))
}

proptest! {
    #[test]
    fn caution_cotisation_is_monotone_and_never_negative(a in montant(), b in montant()) {
        let bar = Baremes::integres().unwrap().caution;
        let (bas, haut) = if a <= b { (a, b) } else { (b, a) };
        let cb = caution::cotisation(&bar, bas, false);
        let ch = caution::cotisation(&bar, haut, false);
        prop_assert!(cb.cotisation >= Decimal::ZERO);
        prop_assert!(cb.cotisation <= ch.cotisation, "{} → {}, {} → {}", bas, cb.cotisation, haut, ch.cotisation);
        // The flat fee is due on any amount; the ceiling caps it at 11 140 €.
        prop_assert!(cb.cotisation >= Decimal::from(250));
        prop_assert!(ch.cotisation <= Decimal::from(11140));
    }

    #[test]
    fn caution_lines_add_up_and_other_insurance_doubles(a in montant()) {
        let bar = Baremes::integres().unwrap().caution;
        let c = caution::cotisation(&bar, a, false);
        let somme: Decimal = c.lignes.iter().map(|l| l.montant).sum();
        prop_assert_eq!(somme, c.cotisation);
        let d = caution::cotisation(&bar, a, true);
        prop_assert_eq!(d.cotisation, c.cotisation * Decimal::TWO);
        prop_assert_eq!(d.cotisation_base + d.majoration_autre_assurance, d.cotisation);
    }

    #[test]
    fn corem_twelve_payments_add_up_and_are_close(c in 1i64..10_000_000i64) {
        let bar = Baremes::integres().unwrap().corem;
        let d = CoremDemande {
            assiette: Assiette::CotisationAnnuelle(Decimal::new(c, 2)),
            naissance: NaiveDate::from_ymd_opt(1980, 1, 1).unwrap(),
            date_demande: NaiveDate::from_ymd_opt(2018, 6, 1).unwrap(),
            qualite: Qualite::Membre,
            en_activite: true,
            en_arret: false,
            en_invalidite: false,
        };
        let r = corem::simuler(&bar, &d);
        prop_assert!(r.cotisation >= Decimal::ZERO);
        prop_assert_eq!(r.mensualite * Decimal::from(11) + r.derniere_mensualite, r.cotisation);
        prop_assert!(r.derniere_mensualite >= r.mensualite);
        prop_assert!(r.derniere_mensualite - r.mensualite <= Decimal::new(12, 2));
    }

    #[test]
    fn assistance_premium_within_the_year_and_lines_add_up(d in date(), n in 1u32..=2) {
        let bar = Baremes::integres().unwrap().assistance;
        let r = prime::calculer(&bar, &prime::PrimeDemande { date_adhesion: d, assures: n });
        prop_assert!((1..=12).contains(&r.mois_comptes));
        prop_assert!(r.prime_ttc <= bar.prime.ttc && r.prime_ht <= bar.prime.ht);
        prop_assert!(r.prime_ht > Decimal::ZERO);
        prop_assert_eq!(r.prime_ht + r.taxes, r.prime_ttc);
        prop_assert_eq!(r.total_ht + r.total_taxes, r.total_ttc);
    }

    #[test]
    fn envelope_accounts_for_every_unit(q in proptest::collection::vec(0u32..20, 10), dispo in 0u32..=50) {
        let bar = Baremes::integres().unwrap().assistance;
        let consommations = bar.annexe1.iter().zip(&q).map(|(p, q)| (p.code.clone(), *q)).collect();
        let r = enveloppe::calculer(&bar, &enveloppe::EnveloppeDemande {
            annexe: enveloppe::Annexe::Adulte,
            consommations,
            unites_disponibles: Some(dispo),
        });
        let somme: u32 = r.lignes.iter().map(|l| l.unites).sum();
        prop_assert_eq!(somme, r.unites_utilisees);
        prop_assert_eq!(r.unites_utilisees + r.unites_restantes, dispo + r.depassement);
        for l in &r.lignes {
            prop_assert!(l.encore_possible * l.valeur_unitaire <= r.unites_restantes);
        }
    }

    #[test]
    fn age_turns_on_the_birthday(n in date(), k in 1u32..=90) {
        let a = anniversaire(n, k);
        prop_assert_eq!(age(n, a), k);
        prop_assert_eq!(age(n, veille(a)), k - 1);
    }
}
