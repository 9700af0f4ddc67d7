//! French formatting of the numbers written in explanations ("1 234,56 €",
//! "70 %", "15/06/2018") and the one rounding rule of the engine.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to the cent, half away from zero (the only rounding the engine
/// does); an amount with two decimals or fewer is kept as it is.
pub fn arrondi(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `pct` % of `x`, exactly: the product with two more decimals (the same
/// value as `x × pct / 100`, without a division).
pub fn pourcentage(x: Decimal, pct: Decimal) -> Decimal {
    let produit = x * pct;
    let mut centieme = produit;
    match centieme.set_scale(produit.scale() + 2) {
        Ok(()) => centieme,
        Err(_) => produit / Decimal::ONE_HUNDRED,
    }
}

/// An amount already in cents, written with exactly two decimals ("18.00",
/// not "18") in the result. Amounts with more decimals are rounded by
/// [`arrondi`] first: this never changes a value shown.
pub fn centimes(x: Decimal) -> Decimal {
    let mut y = arrondi(x);
    y.rescale(2);
    y
}

/// The exact sum of amounts, added one at a time from zero: amounts in
/// cents give a sum with two decimals.
#[derive(Debug, Default, Clone, Copy)]
pub struct Somme(Decimal);

impl Somme {
    pub fn ajouter(&mut self, m: Decimal) {
        self.0 += m;
    }

    pub fn total(self) -> Decimal {
        self.0
    }
}

/// "1 234,56 €" (always two decimals; rounded to the cent, half away
/// from zero).
pub fn euros(x: Decimal) -> String {
    let mut s = String::with_capacity(16);
    let _ = ecrire_euros(&mut s, x);
    s
}

/// Writes [`euros`] into `f`: the whole euros in groups of three digits,
/// then the cents.
pub fn ecrire_euros(f: &mut impl std::fmt::Write, x: Decimal) -> std::fmt::Result {
    let mut c = arrondi(x);
    c.rescale(2);
    let cents = c.mantissa();
    if cents < 0 {
        f.write_char('-')?;
    }
    let chiffres = (cents.unsigned_abs() / 100).to_string();
    for (i, chiffre) in chiffres.chars().enumerate() {
        if i > 0 && (chiffres.len() - i).is_multiple_of(3) {
            f.write_char(' ')?;
        }
        f.write_char(chiffre)?;
    }
    write!(f, ",{:02} €", cents.unsigned_abs() % 100)
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
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn sums_keep_the_value_and_two_decimals() {
        let s = |v: &[Decimal]| {
            let mut s = Somme::default();
            v.iter().for_each(|m| s.ajouter(*m));
            s.total().to_string()
        };
        assert_eq!(s(&[]), "0");
        assert_eq!(s(&[dec!(0.00)]), "0.00");
        assert_eq!(s(&[dec!(0.00), dec!(0.00)]), "0.00");
        assert_eq!(
            (Decimal::ZERO + dec!(0.00) + dec!(0.00)).to_string(),
            "0.00",
            "what adding from zero gave"
        );
        assert_eq!(s(&[dec!(1.10), dec!(-0.35), dec!(2400.00)]), "2400.75");
        assert_eq!(s(&[dec!(1.10), dec!(2.205), dec!(3)]), "6.305");
    }

    #[test]
    fn a_percentage_is_exact() {
        // 70 % of 25,00 € = 17,50 € ; 30 % of 16,13 € = 4,839 €.
        assert_eq!(pourcentage(dec!(25.00), dec!(70)), dec!(17.5));
        assert_eq!(pourcentage(dec!(16.13), dec!(30)), dec!(4.839));
        assert_eq!(pourcentage(dec!(0.01), dec!(12.5)), dec!(0.00125));
        assert_eq!(pourcentage(dec!(-3), dec!(40)), dec!(-1.2));
        // Too many decimals for two more: falls back to the division.
        let fin = Decimal::new(1, 28);
        assert_eq!(pourcentage(fin, dec!(100)), fin);
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(arrondi(dec!(4.392)), dec!(4.39));
        assert_eq!(arrondi(dec!(0.005)), dec!(0.01));
        assert_eq!(arrondi(dec!(1.704)), dec!(1.70));
        assert_eq!(arrondi(dec!(2.675)), dec!(2.68));
        assert_eq!(arrondi(dec!(-2.675)), dec!(-2.68));
        assert_eq!(arrondi(dec!(-4.392)), dec!(-4.39));
        assert_eq!(arrondi(dec!(-0.004)), dec!(0.00));
        assert_eq!(arrondi(dec!(4.8390)), dec!(4.84));
        assert_eq!(arrondi(dec!(12.3449999)), dec!(12.34));
        // Beyond 64 bits or 18 decimals: the library's rounding, same rule.
        assert_eq!(
            arrondi(dec!(123456789012345678901.005)),
            dec!(123456789012345678901.01)
        );
        assert_eq!(arrondi(dec!(0.0000000000000000000051)), dec!(0.00));
        // Whatever the path, the rule is the library's half away from zero.
        for m in [
            -100_005i64,
            -99_995,
            -5,
            5,
            15,
            25,
            99_995,
            100_005,
            123_456_789,
        ] {
            for echelle in 3..=8 {
                let x = Decimal::new(m, echelle);
                let attendu = x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                assert_eq!(arrondi(x), attendu, "{x}");
            }
        }
        assert_eq!(centimes(dec!(18)).to_string(), "18.00");
        assert_eq!(centimes(dec!(0)).to_string(), "0.00");
        assert_eq!(centimes(dec!(7.5)).to_string(), "7.50");
    }

    #[test]
    fn french_amounts() {
        assert_eq!(euros(dec!(1234.5)), "1 234,50 €");
        assert_eq!(euros(dec!(7.5)), "7,50 €");
        assert_eq!(euros(dec!(0)), "0,00 €");
        assert_eq!(euros(dec!(1000000)), "1 000 000,00 €");
        assert_eq!(euros(dec!(-5)), "-5,00 €");
        assert_eq!(euros(dec!(-1234.565)), "-1 234,57 €");
        assert_eq!(euros(dec!(999.995)), "1 000,00 €");
        assert_eq!(euros(dec!(-0.001)), "0,00 €");
        assert_eq!(euros(dec!(0.05)), "0,05 €");
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
