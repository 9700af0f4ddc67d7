//! Fuzz target (issue 8): checklist date computation. Any text in any input
//! of any checklist (dates from year -9999 to 99999 in both written forms,
//! impossible days, random text, random choices, every field at once), and
//! the date rule itself over chrono's whole calendar: nothing panics; a
//! checklist that is built has every computed date on or after the date it
//! counts from and no period ending before it starts; a refusal names a
//! field and is an input error (never a catalogue error).

mod fuzz_commun;

use chrono::{Datelike, NaiveDate};
use fuzz_commun::fuzz;
use guichet::fiches::dates::{add_months, date_fr, parse_date, sub_months, Shift};
use guichet::fiches::{self, ItemDate, SituationText};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Text for one input: dates of every shape, choices, garbage.
fn texte() -> impl Strategy<Value = Option<String>> {
    let nombre = |max: i64| (-max..=max).prop_map(|n| n.to_string());
    proptest::option::weighted(
        0.8,
        prop_oneof![
            (-9999i32..99999, 0u32..14, 0u32..33)
                .prop_map(|(a, m, j)| format!("{a:04}-{m:02}-{j:02}")),
            (0u32..33, 0u32..14, -999i32..99999).prop_map(|(j, m, a)| format!("{j}/{m}/{a}")),
            (1900i32..2101, 1u32..13, 1u32..32).prop_map(|(a, m, j)| format!("{a}-{m:02}-{j:02}")),
            (1u32..32, 1u32..13, 1900i32..2101).prop_map(|(j, m, a)| format!("{j:02}/{m:02}/{a}")),
            prop::sample::select(vec![
                "",
                " ",
                "0000-00-00",
                "2024-02-29",
                "2023-02-29",
                "31/12/9999",
                "01/01/0000",
                "9999-12-31",
                "+262143-12-31",
                "-262144-01-01",
                "29/02/2100",
                "1/1/2026",
                "2026-1-1",
                "2026-11-22T10:00",
                "22.11.2026",
                "fonctionnaire",
                "non_fonctionnaire",
                "retraite",
                "perte",
                "vol",
                "renouvellement",
                "premiere_demande",
                "autre",
                "Ω",
            ])
            .prop_map(str::to_string),
            nombre(99_999_999),
            "\\PC{0,14}",
        ],
    )
}

fn situation() -> impl Strategy<Value = SituationText> {
    prop::collection::vec(texte(), 9).prop_map(|t| SituationText {
        debut_grossesse: t[0].clone(),
        terme: t[1].clone(),
        date_accouchement: t[2].clone(),
        constatation_grossesse: t[3].clone(),
        date_arret: t[4].clone(),
        statut: t[5].clone(),
        date_perte: t[6].clone(),
        motif: t[7].clone(),
        date_soins: t[8].clone(),
    })
}

fn verifier(id: &str, t: &SituationText) -> Result<(), TestCaseError> {
    match fiches::build(id, t) {
        Ok(c) => {
            for item in &c.items {
                prop_assert!(!item.text.contains('{'), "{id} : {}", item.text);
                if let Some(d) = &item.date {
                    for cd in d.computed() {
                        prop_assert!(
                            cd.date >= cd.from_date,
                            "{id}/{} : {} < {}",
                            item.id,
                            cd.date,
                            cd.from_date
                        );
                    }
                    if let ItemDate::Period { start, end } = d {
                        prop_assert!(
                            start.date <= end.date,
                            "{id}/{} : période inversée",
                            item.id
                        );
                    }
                }
            }
        }
        Err(e) => {
            prop_assert!(e.is_input_error(), "{id} : {e}");
            prop_assert!(!e.fields().is_empty(), "{id} : erreur sans champ : {e}");
            prop_assert!(!e.to_string().trim().is_empty());
        }
    }
    Ok(())
}

#[test]
fn fuzz_checklists_with_any_input() {
    let ids: Vec<String> = fiches::list().unwrap().into_iter().map(|f| f.id).collect();
    assert!(ids.len() >= 8);
    fuzz("fiches", 256, (any::<usize>(), situation()), |(i, t)| {
        verifier(&ids[i % ids.len()], &t)
    });
}

#[test]
fn fuzz_the_date_rule_over_the_whole_calendar() {
    let jours = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
    fuzz(
        "regle_des_dates",
        256,
        (
            jours,
            any::<u32>(),
            any::<i64>(),
            0u32..1300,
            -400i64..400,
            "\\PC{0,12}",
        ),
        |(jour, mois, decalage, petits_mois, petits_jours, t)| {
            let d = NaiveDate::from_num_days_from_ce_opt(jour).unwrap();
            let _ = date_fr(d);
            let _ = (add_months(d, mois), sub_months(d, mois));
            for (m, j) in [(mois, decalage), (petits_mois, petits_jours)] {
                match Shift::new(m, j) {
                    Ok(s) => {
                        let _ = s.describe();
                        if let Some(r) = s.apply(d) {
                            prop_assert!(r >= d, "{d} {s:?} → {r}");
                        }
                    }
                    Err(e) => prop_assert!(28 * i64::from(m) + j < 0, "{e}"),
                }
            }
            // Month ends: +1 month from the 31st never overflows into the
            // month after next.
            if let Some(r) = add_months(d, 1) {
                let attendu = (d.month() % 12) + 1;
                prop_assert_eq!(r.month(), attendu, "{} → {}", d, r);
            }
            let _ = parse_date(&t);
            Ok(())
        },
    );
}
