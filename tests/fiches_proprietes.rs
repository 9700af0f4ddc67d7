//! Invariants of the checklists over any dates from 1900 to 2100: building
//! never panics; when it succeeds every computed date is on or after the
//! date it is counted from, periods do not end before they start, every
//! placeholder is filled; when it fails, the error names a field.

use chrono::{Datelike, Days, NaiveDate};
use guichet::fiches::{self, Field, FieldKind, SituationText};
use proptest::prelude::*;

const FIRST: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
/// Days from 01/01/1900 to 31/12/2100.
const SPAN: u64 = 73_413;

fn set(t: &mut SituationText, field: Field, value: String) {
    let v = Some(value);
    match field {
        Field::DebutGrossesse => t.debut_grossesse = v,
        Field::Terme => t.terme = v,
        Field::DateAccouchement => t.date_accouchement = v,
        Field::ConstatationGrossesse => t.constatation_grossesse = v,
        Field::DateArret => t.date_arret = v,
        Field::Statut => t.statut = v,
        Field::DatePerte => t.date_perte = v,
        Field::Motif => t.motif = v,
        Field::DateSoins => t.date_soins = v,
    }
}

fn check(id: &str, inputs: &SituationText) -> Result<(), TestCaseError> {
    match fiches::build(id, inputs) {
        Ok(c) => {
            prop_assert!(!c.items.is_empty());
            for item in &c.items {
                prop_assert!(
                    !item.text.contains('{') && !item.text.contains('}'),
                    "{}",
                    item.text
                );
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
                    if let fiches::ItemDate::Period { start, end } = d {
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
            prop_assert!(!e.fields().is_empty(), "{id} : {e}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any checklist, any subset of its inputs, dates anywhere in 1900..2100.
    #[test]
    fn any_dates_give_dates_on_or_after_their_anchor(
        which in 0usize..8,
        picks in prop::collection::vec((any::<bool>(), 0..SPAN, 0usize..4, any::<bool>()), 4),
    ) {
        let list = fiches::list().unwrap();
        let fiche = &list[which];
        let mut t = SituationText::default();
        for (spec, (present, days, choice, french)) in fiche.fields.iter().zip(&picks) {
            if !present {
                continue;
            }
            let value = match spec.kind {
                FieldKind::Date => {
                    let d = FIRST.checked_add_days(Days::new(*days)).unwrap();
                    if *french { d.format("%d/%m/%Y").to_string() } else { d.to_string() }
                }
                FieldKind::Choice => spec.choices[choice % spec.choices.len()].value.clone(),
            };
            set(&mut t, spec.field, value);
        }
        check(&fiche.id, &t)?;
    }

    /// Maternity with every pregnancy date close together, so that most
    /// cases are consistent and the period rule is exercised.
    #[test]
    fn maternity_with_plausible_dates(
        start in 0..SPAN,
        birth_after in 140u64..320,
        found_after in 0u64..120,
        with_terme in any::<bool>(),
        with_birth in any::<bool>(),
    ) {
        let d = |n: u64| FIRST.checked_add_days(Days::new(n)).unwrap().to_string();
        let t = SituationText {
            debut_grossesse: Some(d(start)),
            terme: with_terme.then(|| d(start + birth_after)),
            date_accouchement: with_birth.then(|| d(start + birth_after - 3)),
            constatation_grossesse: Some(d(start + found_after)),
            ..SituationText::default()
        };
        check("maternite", &t)?;
    }

    /// Typed garbage never panics and is refused naming a field.
    #[test]
    fn garbage_is_refused_not_panicking(text in "\\PC{0,12}", which in 0usize..8) {
        let list = fiches::list().unwrap();
        let fiche = &list[which];
        if let Some(spec) = fiche.fields.first() {
            let mut t = SituationText::default();
            set(&mut t, spec.field, text);
            check(&fiche.id, &t)?;
        }
    }
}

/// Catala-style coverage sweep: every day from the first known amounts to
/// the end of 2026 (where the versions change), then the 1st and 15th of
/// every month to 2100, gives a franchises checklist: no gap between versions.
#[test]
fn franchises_cover_every_date_from_2008_to_2100() {
    let check = |d: NaiveDate| {
        let t = SituationText {
            date_soins: Some(d.to_string()),
            ..SituationText::default()
        };
        if let Err(e) = fiches::build("franchises", &t) {
            panic!("{d} : {e}");
        }
    };
    let mut d = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap();
    while d.year() <= 2026 {
        check(d);
        d = d.succ_opt().unwrap();
    }
    for year in 2027..=2100 {
        for month in 1..=12 {
            for day in [1, 15] {
                check(NaiveDate::from_ymd_opt(year, month, day).unwrap());
            }
        }
    }
}
