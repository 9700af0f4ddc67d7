//! Date arithmetic of the checklists: one rule, `anchor + N months + D days`,
//! applied the same way everywhere, plus the French spelling of dates.
//!
//! # The rule (written down once, used by every checklist)
//!
//! A [`Shift`] is `months` (years are 12 months) then `days`:
//!
//! 1. **Months first, always from the anchor itself** (never chained month
//!    after month): the result keeps the anchor's day of the month. When
//!    that day does not exist in the target month, the result is the
//!    **last day of that month** (31 January + 1 month = 28 February, or
//!    29 February in a leap year; 29 February 2024 + 1 year = 28 February
//!    2025). This is how French law counts a period "in months" (Code de
//!    procédure civile, art. 641: a period expires on the same day-number
//!    of the last month, or on that month's last day when it has none).
//! 2. **Then days**, a plain calendar count (`+ 12 days`, `- 1 day`).
//!
//! Consequences used by the checklists:
//!
//! - Month *n* of a pregnancy starts on `start + (n - 1) months`; it ends the
//!   day before month *n + 1* starts. So "before the end of the 3rd month"
//!   is `start + 3 months - 1 day` (10/03/2026 → 09/06/2026) and "the 1st
//!   day of the 6th month" is `start + 5 months` (10/03/2026 → 10/08/2026).
//! - "2 years 3 months from the care" is `care + 27 months`, "2 years" is
//!   `+ 24 months`, "48 hours" is `+ 2 days`, "four weeks" is `+ 28 days`,
//!   "the 12th day after the birth" is `birth + 12 days`.
//!
//! A shift is **never earlier than its anchor** when `28 × months + days ≥ 0`
//! (one month adds at least 28 days): [`Shift::new`] refuses any other
//! shift, so every computed date is on or after the date it comes from.

use chrono::{Datelike, Months, NaiveDate};

/// `anchor + months + days`, the only date computation of the checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    months: u32,
    days: i64,
}

/// A shift that could move a date before its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("décalage de {months} mois et {days} jours : il pourrait tomber avant la date de départ")]
pub struct BackwardShift {
    pub months: u32,
    pub days: i64,
}

impl Shift {
    /// A shift of `months` then `days`; refused when it could go backwards.
    pub fn new(months: u32, days: i64) -> Result<Shift, BackwardShift> {
        if 28 * i64::from(months) + days < 0 {
            return Err(BackwardShift { months, days });
        }
        Ok(Shift { months, days })
    }

    pub fn months(self) -> u32 {
        self.months
    }

    pub fn days(self) -> i64 {
        self.days
    }

    /// Applies the shift; `None` only past chrono's last representable date
    /// (year 262 143), far beyond any date the checklists accept.
    pub fn apply(self, anchor: NaiveDate) -> Option<NaiveDate> {
        add_months(anchor, self.months)?.checked_add_signed(chrono::TimeDelta::try_days(self.days)?)
    }

    /// The rule in words, e.g. "+ 3 mois − 1 jour", "+ 2 ans 3 mois", "+ 12 jours".
    pub fn describe(self) -> String {
        let mut parts = Vec::new();
        let (years, months) = (self.months / 12, self.months % 12);
        let mut month_part = String::new();
        if years > 0 {
            month_part.push_str(&format!("{years} an{}", if years > 1 { "s" } else { "" }));
        }
        if months > 0 {
            if !month_part.is_empty() {
                month_part.push(' ');
            }
            month_part.push_str(&format!("{months} mois"));
        }
        if !month_part.is_empty() {
            parts.push(format!("+ {month_part}"));
        }
        if self.days != 0 {
            let n = self.days.unsigned_abs();
            let sign = if self.days > 0 { "+" } else { "−" };
            parts.push(format!("{sign} {n} jour{}", if n > 1 { "s" } else { "" }));
        }
        if parts.is_empty() {
            "le jour même".to_string()
        } else {
            parts.join(" ")
        }
    }
}

/// `date + months`, keeping the day of the month or falling back to the last
/// day of the target month (see the module doc).
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    // chrono's checked_add_months already clamps to the end of the month;
    // the assertion in the tests pins that behaviour.
    date.checked_add_months(Months::new(months))
}

/// `date - months` with the same end-of-month rule (used to go back from
/// the expected birth date to the start of pregnancy).
pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// "22/11/2026".
pub fn date_fr(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Reads "AAAA-MM-JJ" or "JJ/MM/AAAA" (one-digit day and month accepted in
/// the French form); `None` for anything else or a day that does not exist.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if let Some((d, rest)) = t.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
            return None;
        }
        return ymd(y, m, d);
    }
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    ymd(y, m, d)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn shift(months: u32, days: i64) -> Shift {
        Shift::new(months, days).unwrap()
    }

    #[test]
    fn issue_example_pregnancy_starting_10_march_2026() {
        // end of the 3rd month = start + 3 months − 1 day = 10/06/2026 − 1 = 09/06/2026
        assert_eq!(shift(3, -1).apply(d("2026-03-10")), Some(d("2026-06-09")));
        // 1st day of the 6th month = start + 5 months = 10/08/2026
        assert_eq!(shift(5, 0).apply(d("2026-03-10")), Some(d("2026-08-10")));
    }

    #[test]
    fn month_end_falls_back_to_last_day_of_month() {
        // 31 January + 1 month: no 31 February → last day of February.
        assert_eq!(add_months(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29"))); // leap year
                                                                           // 31 January + 3 months = 30 April (no 31 April), − 1 day = 29 April.
        assert_eq!(shift(3, -1).apply(d("2026-01-31")), Some(d("2026-04-29")));
        // computed from the anchor, not chained: 31/01 + 2 months = 31/03, not 28/03.
        assert_eq!(add_months(d("2026-01-31"), 2), Some(d("2026-03-31")));
        // 31 August + 1 month = 30 September.
        assert_eq!(add_months(d("2025-08-31"), 1), Some(d("2025-09-30")));
    }

    #[test]
    fn twenty_ninth_of_february_and_leap_years() {
        // 29/02/2024 + 2 years (24 months): 2026 has no 29 February → 28/02/2026.
        assert_eq!(shift(24, 0).apply(d("2024-02-29")), Some(d("2026-02-28")));
        // 29/02/2024 + 2 years 3 months = 29/05/2026 (May has a 29th).
        assert_eq!(shift(27, 0).apply(d("2024-02-29")), Some(d("2026-05-29")));
        // 29/02/2024 + 4 years = 29/02/2028 (leap again).
        assert_eq!(shift(48, 0).apply(d("2024-02-29")), Some(d("2028-02-29")));
        // 1900 is not a leap year, 2000 is: 31/01 + 1 month.
        assert_eq!(add_months(d("1900-01-31"), 1), Some(d("1900-02-28")));
        assert_eq!(add_months(d("2000-01-31"), 1), Some(d("2000-02-29")));
        // 30/11/2023 + 27 months = 30/02/2026 → 28/02/2026.
        assert_eq!(shift(27, 0).apply(d("2023-11-30")), Some(d("2026-02-28")));
    }

    #[test]
    fn day_counts_cross_months_and_years() {
        // 48 hours from 30/12/2026 → 01/01/2027.
        assert_eq!(shift(0, 2).apply(d("2026-12-30")), Some(d("2027-01-01")));
        // four weeks from 15/02/2028 (leap): 14 days left in Feb (16..29), 14 in March → 14/03/2028.
        assert_eq!(shift(0, 28).apply(d("2028-02-15")), Some(d("2028-03-14")));
        // 12 days after a birth on 25/12/2026 → 06/01/2027.
        assert_eq!(shift(0, 12).apply(d("2026-12-25")), Some(d("2027-01-06")));
    }

    #[test]
    fn backward_shifts_are_refused() {
        assert!(Shift::new(0, -1).is_err());
        assert!(Shift::new(1, -29).is_err());
        assert!(Shift::new(1, -28).is_ok());
        assert!(Shift::new(3, -1).is_ok());
    }

    #[test]
    fn shifts_are_described_in_french() {
        assert_eq!(shift(3, -1).describe(), "+ 3 mois − 1 jour");
        assert_eq!(shift(27, 0).describe(), "+ 2 ans 3 mois");
        assert_eq!(shift(24, 0).describe(), "+ 2 ans");
        assert_eq!(shift(0, 12).describe(), "+ 12 jours");
        assert_eq!(shift(12, 0).describe(), "+ 1 an");
        assert_eq!(shift(0, 0).describe(), "le jour même");
    }

    #[test]
    fn dates_are_read_in_both_forms_and_written_in_french() {
        assert_eq!(parse_date("2026-03-10"), Some(d("2026-03-10")));
        assert_eq!(parse_date(" 10/03/2026 "), Some(d("2026-03-10")));
        assert_eq!(parse_date("1/3/2026"), Some(d("2026-03-01")));
        assert_eq!(parse_date("29/02/2024"), Some(d("2024-02-29")));
        assert_eq!(parse_date("29/02/2026"), None);
        assert_eq!(parse_date("2026-3-10"), None);
        assert_eq!(parse_date("10/03/26"), None);
        assert_eq!(parse_date("10-03-2026"), None);
        assert_eq!(parse_date("+2026-03-10"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(date_fr(d("2026-11-22")), "22/11/2026");
        assert_eq!(date_fr(d("2027-01-06")), "06/01/2027");
    }
}
