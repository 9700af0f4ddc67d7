//! Date arithmetic shared by the simulators: anniversaries, age in completed
//! years, months added, first day of the next month. Every function takes its
//! dates as arguments; none reads the clock.
//!
//! A 29 February birth has its anniversary on 28 February in common years:
//! when a month has no day with the same number, the period ends on the last
//! day of that month (the rule of art. 641 of the Code de procédure civile for
//! periods in months or years, applied here by analogy).

use chrono::{Datelike, Days, Months, NaiveDate};

/// `d` plus `n` months, kept within the month (31/01 + 1 month = 28 or 29/02).
pub fn ajouter_mois(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `d` plus `n` days.
pub fn ajouter_jours(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// The day before `d`.
pub fn veille(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(NaiveDate::MIN)
}

/// The `ans`-th anniversary of a birth date.
pub fn anniversaire(naissance: NaiveDate, ans: u32) -> NaiveDate {
    ajouter_mois(naissance, ans.saturating_mul(12))
}

/// Age in completed years on `le` (0 before the first birthday; `le` must not
/// be before the birth, which the callers check).
pub fn age(naissance: NaiveDate, le: NaiveDate) -> u32 {
    if le < naissance {
        return 0;
    }
    let mut ans = (le.year() - naissance.year()).max(0) as u32;
    while ans > 0 && anniversaire(naissance, ans) > le {
        ans -= 1;
    }
    ans
}

/// The first day of the month after the month of `d` (a request on the 1st
/// also takes effect on the 1st of the next month).
pub fn premier_du_mois_suivant(d: NaiveDate) -> NaiveDate {
    let debut = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
    ajouter_mois(debut, 1)
}

/// 31 December of the year of `d`.
pub fn fin_d_annee(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

/// Number of days from `debut` to `fin` (negative when `fin` is earlier).
pub fn jours_entre(debut: NaiveDate, fin: NaiveDate) -> i64 {
    (fin - debut).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: i32, m: u32, j: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, j).unwrap()
    }

    #[test]
    fn age_turns_on_the_birthday_itself() {
        let n = d(1948, 6, 15);
        assert_eq!(age(n, d(2018, 6, 14)), 69);
        assert_eq!(age(n, d(2018, 6, 15)), 70);
        assert_eq!(age(n, d(2018, 6, 16)), 70);
        assert_eq!(age(n, d(1948, 6, 15)), 0);
        assert_eq!(age(n, d(1949, 6, 14)), 0);
    }

    #[test]
    fn leap_day_birth_has_its_anniversary_on_28_february() {
        let n = d(2000, 2, 29);
        assert_eq!(anniversaire(n, 18), d(2018, 2, 28));
        assert_eq!(anniversaire(n, 20), d(2020, 2, 29));
        assert_eq!(age(n, d(2018, 2, 27)), 17);
        assert_eq!(age(n, d(2018, 2, 28)), 18);
    }

    #[test]
    fn first_of_next_month_and_year_end() {
        assert_eq!(premier_du_mois_suivant(d(2018, 3, 1)), d(2018, 4, 1));
        assert_eq!(premier_du_mois_suivant(d(2018, 3, 31)), d(2018, 4, 1));
        assert_eq!(premier_du_mois_suivant(d(2018, 12, 15)), d(2019, 1, 1));
        assert_eq!(fin_d_annee(d(2018, 4, 1)), d(2018, 12, 31));
    }

    #[test]
    fn months_days_and_eve() {
        assert_eq!(ajouter_mois(d(2018, 1, 31), 1), d(2018, 2, 28));
        assert_eq!(ajouter_mois(d(2018, 1, 15), 240), d(2038, 1, 15));
        assert_eq!(ajouter_jours(d(2018, 3, 10), 29), d(2018, 4, 8));
        assert_eq!(veille(d(2018, 3, 1)), d(2018, 2, 28));
        assert_eq!(jours_entre(d(2018, 3, 10), d(2018, 3, 13)), 3);
        assert_eq!(jours_entre(d(2018, 3, 13), d(2018, 3, 10)), -3);
    }
}
