//! French display formats shared by every caller that prints: amounts
//! ("1 234,56 €") and dates ("22/11/2026"). They spell what the UI's
//! `ui/src/lib/format.ts` spells, so the screen and the paper agree.
//!
//! Separators: the thousands separator and the space before "€" are an
//! ordinary space U+0020. The UI writes the narrow no-break space U+202F,
//! and DejaVu Sans has that glyph, but poppler's `pdftotext` (like most PDF
//! text extractors and search boxes) folds U+202F and U+00A0 into U+0020, so
//! an amount printed with them cannot be found or copied back as written
//! (checked in `tests/pdf_texte.rs`). With U+0020 the PDF's text is exactly
//! the string given here. The line wrapper keeps an amount whole anyway: it
//! never breaks between digit groups nor before "€" (see `wrap.rs`); a
//! caller passing U+202F or U+00A0 strings gets them printed as given.
//! A negative amount starts with the minus sign U+2212 ("−3,00 €").

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// Thousands separator and space before the unit (see the module doc).
pub const SEPARATOR: char = ' ';

/// Minus sign used for negative amounts.
pub const MINUS: char = '\u{2212}';

/// `1234.5` → "1 234,50 €", `-3` → "−3,00 €" (U+2212 minus).
///
/// Amounts are expected already rounded to the cent by the engine; one with
/// more decimals is shown rounded half away from zero (display only: the
/// caller's value is not changed).
pub fn euros(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    // Two decimals exactly ("1234.50"): split the units from the cents.
    let plain = format!("{:.2}", rounded.abs());
    let (digits, cents) = plain.split_once('.').unwrap_or((plain.as_str(), "00"));

    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(SEPARATOR);
        }
        grouped.push(ch);
    }
    let sign = if negative {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}{grouped},{cents}{SEPARATOR}€")
}

/// 2026-11-22 → "22/11/2026".
pub fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn euros_groups_thousands_and_writes_cents() {
        assert_eq!(euros(dec!(1234.5)), "1 234,50 €");
        assert_eq!(euros(dec!(269.52)), "269,52 €");
        assert_eq!(euros(dec!(0)), "0,00 €");
        assert_eq!(euros(dec!(1000000)), "1 000 000,00 €");
        assert_eq!(euros(dec!(999.99)), "999,99 €");
        assert_eq!(euros(dec!(100000)), "100 000,00 €");
    }

    #[test]
    fn euros_keeps_the_sign_with_a_minus_sign() {
        assert_eq!(euros(dec!(-3)), "\u{2212}3,00 €");
        assert_eq!(euros(dec!(-1234.56)), "\u{2212}1 234,56 €");
        // -0,001 shows as 0,00 € without a sign.
        assert_eq!(euros(dec!(-0.001)), "0,00 €");
    }

    #[test]
    fn euros_rounds_half_away_from_zero_for_display() {
        // 0,005 is half a cent: away from zero → 0,01; -0,005 → -0,01.
        assert_eq!(euros(dec!(0.005)), "0,01 €");
        assert_eq!(euros(dec!(-0.005)), "\u{2212}0,01 €");
        assert_eq!(euros(dec!(4.394)), "4,39 €");
    }

    #[test]
    fn date_is_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(date(d), "22/11/2026");
        let d = NaiveDate::from_ymd_opt(2018, 3, 5).unwrap();
        assert_eq!(date(d), "05/03/2018");
    }
}
