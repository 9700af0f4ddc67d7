//! Date coverage of the tariff versions: for every day from 2018-01-01 to
//! 2026-11-22, exactly one version of the MGEN table applies (no gap, no
//! overlap), with the shipped table alone and with versions imported after
//! it; before the first version, the lookup says so.

use chrono::{Days, NaiveDate};
use guichet::store::Store;
use guichet::tarifs::{bareme_en_vigueur, Bareme, FICHIERS_LIVRES};
use proptest::prelude::*;

fn d(y: i32, m: u32, j: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, j).unwrap()
}

/// The versions whose validity interval [start, next start) holds `jour`,
/// computed from the intervals, independently of `bareme_en_vigueur`.
fn applicables(debuts: &[NaiveDate], jour: NaiveDate) -> Vec<NaiveDate> {
    let mut tries = debuts.to_vec();
    tries.sort();
    (0..tries.len())
        .filter(|&i| tries[i] <= jour && tries.get(i + 1).is_none_or(|suivant| jour < *suivant))
        .map(|i| tries[i])
        .collect()
}

fn entetes(store: &Store) -> Vec<Bareme> {
    store
        .versions_baremes()
        .unwrap()
        .into_iter()
        .map(|v| Bareme::new(v.nom, v.en_vigueur_le, v.source, vec![]))
        .collect()
}

fn balayer(baremes: &[Bareme]) -> usize {
    let debuts: Vec<NaiveDate> = baremes.iter().map(|b| b.en_vigueur_le).collect();
    let mut jour = d(2018, 1, 1);
    let mut jours = 0;
    while jour <= d(2026, 11, 22) {
        let a = applicables(&debuts, jour);
        assert_eq!(a.len(), 1, "{jour} : {} versions applicables", a.len());
        let choisi = bareme_en_vigueur(baremes, jour).unwrap();
        assert_eq!(choisi.en_vigueur_le, a[0], "{jour}");
        jour = jour + Days::new(1);
        jours += 1;
    }
    jours
}

#[test]
fn exactly_one_version_applies_every_day_since_2018() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("g.db")).unwrap();
    let t = d(2026, 11, 22).and_hms_opt(8, 0, 0).unwrap();
    store.seed_baremes_livres(t).unwrap();

    // Shipped table alone: 2018-01-01 … 2026-11-22 is 3 248 days
    // (2018–2025: 8 × 365 + 2 leap days = 2 922; 2026 up to 22/11: 326).
    assert_eq!(balayer(&entetes(&store)), 3248);

    // With two later versions imported in date order.
    let texte = FICHIERS_LIVRES[0].1;
    for (date, nom) in [("2020-07-01", "2020"), ("2024-01-01", "2024")] {
        let v = texte
            .replacen(
                "en_vigueur_le = \"2018-01-01\"",
                &format!("en_vigueur_le = \"{date}\""),
                1,
            )
            .replacen(
                "nom = \"MGEN Annexe 2 — 2018\"",
                &format!("nom = \"MGEN Annexe 2 — {nom}\""),
                1,
            );
        // Signed as the national office would (a test key stands in for it).
        let cle = ed25519_dalek::SigningKey::from_bytes(&[42u8; 32]);
        let signe = guichet::tarifs::signature::signer(v.as_bytes(), &cle);
        store
            .importer_bareme_avec_cle(nom, &signe, t, false, &cle.verifying_key())
            .unwrap();
    }
    let baremes = entetes(&store);
    assert_eq!(baremes.len(), 3);
    assert_eq!(balayer(&baremes), 3248);

    // The store's own lookup on the boundaries.
    for (jour, nom) in [
        (d(2018, 1, 1), "MGEN Annexe 2 — 2018"),
        (d(2020, 6, 30), "MGEN Annexe 2 — 2018"),
        (d(2020, 7, 1), "MGEN Annexe 2 — 2020"),
        (d(2023, 12, 31), "MGEN Annexe 2 — 2020"),
        (d(2024, 1, 1), "MGEN Annexe 2 — 2024"),
        (d(2026, 11, 22), "MGEN Annexe 2 — 2024"),
    ] {
        assert_eq!(store.bareme_au(jour).unwrap().0.nom, nom, "{jour}");
    }
    assert_eq!(
        store.bareme_au(d(2017, 12, 31)).unwrap_err().to_string(),
        "aucun barème en vigueur au 31/12/2017"
    );
}

proptest! {
    /// Whatever distinct start dates are held, a date on or after the first
    /// one has exactly one version: the latest start on or before it.
    #[test]
    fn the_latest_start_on_or_before_the_date_applies(
        decalages in proptest::collection::btree_set(0u64..4000, 1..6),
        jour in 0u64..4500,
    ) {
        let origine = d(2018, 1, 1);
        let baremes: Vec<Bareme> = decalages
            .iter()
            .map(|j| Bareme::new(format!("v{j}"), origine + Days::new(*j), String::new(), vec![]))
            .collect();
        let jour = origine + Days::new(jour);
        let debuts: Vec<NaiveDate> = baremes.iter().map(|b| b.en_vigueur_le).collect();
        let a = applicables(&debuts, jour);
        match bareme_en_vigueur(&baremes, jour) {
            Ok(b) => {
                prop_assert_eq!(a.len(), 1);
                prop_assert_eq!(b.en_vigueur_le, a[0]);
            }
            Err(e) => {
                prop_assert!(a.is_empty());
                prop_assert!(e.to_string().starts_with("aucun barème en vigueur au "));
            }
        }
    }
}
