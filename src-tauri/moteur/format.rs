//! French formatting of the numbers written in explanations ("1 234,56 €",
//! "70 %", "15/06/2018") and the one rounding rule of the engine.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to the cent, half away from zero (the only rounding the engine does).
pub fn arrondi(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// "1 234,56 €" (always two decimals).
pub fn euros(x: Decimal) -> String {
    let s = format!("{:.2}", x.abs().round_dp(2));
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 + 8);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let sign = if x.is_sign_negative() && !x.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped},{frac} €")
}

/// An unrounded intermediate amount: up to 4 decimals, trailing zeros dropped
/// but at least two ("4,392 €", "17,50 €").
pub fn euros_exact(x: Decimal) -> String {
    if arrondi(x) == x {
        return euros(x);
    }
    let s = x.round_dp(4).normalize().to_string().replace('.', ",");
    format!("{s} €")
}

/// "70 %", "12,5 %".
pub fn pourcent(x: Decimal) -> String {
    format!("{} %", x.normalize().to_string().replace('.', ","))
}

/// "15/06/2018".
pub fn date_fr(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(arrondi(dec!(4.392)), dec!(4.39));
        assert_eq!(arrondi(dec!(0.005)), dec!(0.01));
        assert_eq!(arrondi(dec!(1.704)), dec!(1.70));
        assert_eq!(arrondi(dec!(2.675)), dec!(2.68));
    }

    #[test]
    fn french_amounts() {
        assert_eq!(euros(dec!(1234.5)), "1 234,50 €");
        assert_eq!(euros(dec!(7.5)), "7,50 €");
        assert_eq!(euros(dec!(0)), "0,00 €");
        assert_eq!(euros(dec!(1000000)), "1 000 000,00 €");
        assert_eq!(euros(dec!(-5)), "-5,00 €");
        assert_eq!(euros_exact(dec!(4.392)), "4,392 €");
        assert_eq!(euros_exact(dec!(17.5)), "17,50 €");
        assert_eq!(pourcent(dec!(70)), "70 %");
        assert_eq!(pourcent(dec!(12.50)), "12,5 %");
        assert_eq!(
            date_fr(NaiveDate::from_ymd_opt(2018, 6, 5).unwrap()),
            "05/06/2018"
        );
    }
}
