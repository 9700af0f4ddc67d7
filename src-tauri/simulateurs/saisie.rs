//! What the adviser typed, turned into typed values. Amounts, dates,
//! percentages and counts arrive as text (from the screen, from CLI flags, or
//! from a JSON file where they may also be numbers) and are read here, once,
//! with a French error naming the field when they cannot be used.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::str::FromStr;

use super::erreur::SimulateurError;

/// A text field that a JSON file may also give as a number (`110000`).
/// Empty means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Texte(pub String);

impl Texte {
    pub fn new(s: impl Into<String>) -> Texte {
        Texte(s.into())
    }

    /// The text, trimmed; `None` when empty.
    pub fn valeur(&self) -> Option<&str> {
        let t = self.0.trim();
        (!t.is_empty()).then_some(t)
    }
}

impl From<&str> for Texte {
    fn from(s: &str) -> Texte {
        Texte(s.to_string())
    }
}

impl<'de> Deserialize<'de> for Texte {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Texte, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Texte;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("un texte ou un nombre")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Texte, E> {
                Ok(Texte(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Texte, E> {
                Ok(Texte(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Texte, E> {
                Ok(Texte(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Texte, E> {
                Ok(Texte(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Texte, E> {
                Ok(Texte(v.to_string()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Texte, E> {
                Ok(Texte::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Texte, E> {
                Ok(Texte::default())
            }
        }
        d.deserialize_any(V)
    }
}

fn manquant(champ: &str) -> SimulateurError {
    SimulateurError::champ(champ, "à renseigner")
}

/// Reads an amount in euros: "110000", "110 000", "110 000,50", "1 234,56 €",
/// "110000.50". At most two decimals; never negative.
pub fn montant(champ: &str, t: &Texte) -> Result<Decimal, SimulateurError> {
    montant_opt(champ, t)?.ok_or_else(|| manquant(champ))
}

/// [`montant`] for an optional field.
pub fn montant_opt(champ: &str, t: &Texte) -> Result<Option<Decimal>, SimulateurError> {
    let Some(brut) = t.valeur() else {
        return Ok(None);
    };
    let s: String = brut
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let illisible = || {
        SimulateurError::champ(
            champ,
            format!("montant illisible « {brut} » (exemple : 110 000 ou 1 234,56)"),
        )
    };
    if s.starts_with('-') {
        return Err(SimulateurError::champ(
            champ,
            format!("le montant ne peut pas être négatif (« {brut} »)"),
        ));
    }
    let (ent, dec) = s.split_once('.').unwrap_or((&s, ""));
    if ent.is_empty()
        || !ent.chars().all(|c| c.is_ascii_digit())
        || !dec.chars().all(|c| c.is_ascii_digit())
        || (s.contains('.') && dec.is_empty())
    {
        return Err(illisible());
    }
    if dec.len() > 2 {
        return Err(SimulateurError::champ(
            champ,
            format!("au plus deux décimales (centimes) : « {brut} »"),
        ));
    }
    if ent.trim_start_matches('0').len() > 12 {
        return Err(SimulateurError::champ(
            champ,
            format!("montant hors de portée : « {brut} »"),
        ));
    }
    Decimal::from_str(&s).map(Some).map_err(|_| illisible())
}

/// A strictly positive amount.
pub fn montant_positif(champ: &str, t: &Texte) -> Result<Decimal, SimulateurError> {
    let m = montant(champ, t)?;
    if m.is_zero() {
        return Err(SimulateurError::champ(
            champ,
            "le montant doit être supérieur à 0",
        ));
    }
    Ok(m)
}

/// Reads a date: "22/11/2026", "1/2/2018" or "2026-11-22".
pub fn date(champ: &str, t: &Texte) -> Result<NaiveDate, SimulateurError> {
    date_opt(champ, t)?.ok_or_else(|| manquant(champ))
}

/// [`date`] for an optional field.
pub fn date_opt(champ: &str, t: &Texte) -> Result<Option<NaiveDate>, SimulateurError> {
    let Some(brut) = t.valeur() else {
        return Ok(None);
    };
    let parties: Option<(i32, u32, u32)> = if let Some((j, reste)) = brut.split_once('/') {
        reste.split_once('/').and_then(|(m, a)| {
            let ok = |x: &str, n: usize| {
                !x.is_empty() && x.len() <= n && x.chars().all(|c| c.is_ascii_digit())
            };
            (ok(j, 2) && ok(m, 2) && a.len() == 4 && ok(a, 4))
                .then(|| Some((a.parse().ok()?, m.parse().ok()?, j.parse().ok()?)))
                .flatten()
        })
    } else {
        let b = brut.as_bytes();
        (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| {
                Some((
                    brut[0..4].parse().ok()?,
                    brut[5..7].parse().ok()?,
                    brut[8..10].parse().ok()?,
                ))
            })
            .flatten()
    };
    let (a, m, j) = parties.ok_or_else(|| {
        SimulateurError::champ(
            champ,
            format!("date illisible « {brut} » (attendu JJ/MM/AAAA)"),
        )
    })?;
    if !(1900..=2200).contains(&a) {
        return Err(SimulateurError::champ(
            champ,
            format!("année hors de portée « {brut} » (1900 à 2200)"),
        ));
    }
    NaiveDate::from_ymd_opt(a, m, j).map(Some).ok_or_else(|| {
        SimulateurError::champ(champ, format!("cette date n'existe pas : « {brut} »"))
    })
}

/// Reads a percentage between 0 and 100: "50", "50 %", "62,5".
pub fn pourcentage_opt(champ: &str, t: &Texte) -> Result<Option<Decimal>, SimulateurError> {
    let Some(brut) = t.valeur() else {
        return Ok(None);
    };
    let sans = brut.trim_end_matches('%').trim();
    let p = montant_opt(champ, &Texte::new(sans)).map_err(|_| {
        SimulateurError::champ(
            champ,
            format!("pourcentage illisible « {brut} » (exemple : 50 ou 62,5)"),
        )
    })?;
    match p {
        Some(p) if p > Decimal::ONE_HUNDRED => Err(SimulateurError::champ(
            champ,
            format!("un pourcentage est compris entre 0 et 100 (« {brut} »)"),
        )),
        p => Ok(p),
    }
}

/// Reads a whole number (months, years, counts), within `min..=max`.
pub fn entier_opt(
    champ: &str,
    t: &Texte,
    min: u32,
    max: u32,
) -> Result<Option<u32>, SimulateurError> {
    let Some(brut) = t.valeur() else {
        return Ok(None);
    };
    let s: String = brut.chars().filter(|c| !c.is_whitespace()).collect();
    let n: u32 = s.parse().map_err(|_| {
        SimulateurError::champ(champ, format!("nombre entier attendu, pas « {brut} »"))
    })?;
    if n < min || n > max {
        return Err(SimulateurError::champ(
            champ,
            format!("valeur attendue entre {min} et {max}, pas {n}"),
        ));
    }
    Ok(Some(n))
}

/// [`entier_opt`] for a required field.
pub fn entier(champ: &str, t: &Texte, min: u32, max: u32) -> Result<u32, SimulateurError> {
    entier_opt(champ, t, min, max)?.ok_or_else(|| manquant(champ))
}

/// Reads one of a fixed list of values (`(value, meaning)` pairs); the error
/// lists the accepted values.
pub fn choix_opt<T: Copy>(
    champ: &str,
    t: &Texte,
    valeurs: &[(&str, T)],
) -> Result<Option<T>, SimulateurError> {
    let Some(brut) = t.valeur() else {
        return Ok(None);
    };
    let cle = brut.to_lowercase().replace('_', "-");
    valeurs
        .iter()
        .find(|(v, _)| v.replace('_', "-") == cle)
        .map(|(_, x)| Some(*x))
        .ok_or_else(|| {
            let liste: Vec<&str> = valeurs.iter().map(|(v, _)| *v).collect();
            SimulateurError::champ(
                champ,
                format!(
                    "valeur « {brut} » inconnue (valeurs possibles : {})",
                    liste.join(", ")
                ),
            )
        })
}

/// [`choix_opt`] for a required field.
pub fn choix<T: Copy>(champ: &str, t: &Texte, valeurs: &[(&str, T)]) -> Result<T, SimulateurError> {
    choix_opt(champ, t, valeurs)?.ok_or_else(|| manquant(champ))
}

/// A yes/no that must be answered (no silent default).
pub fn oui_non(champ: &str, v: Option<bool>) -> Result<bool, SimulateurError> {
    v.ok_or_else(|| SimulateurError::champ(champ, "à renseigner (oui ou non)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn m(s: &str) -> Result<Decimal, SimulateurError> {
        montant("montant", &Texte::new(s))
    }

    #[test]
    fn amounts_in_french_and_plain_forms() {
        assert_eq!(m("110000").unwrap(), dec!(110000));
        assert_eq!(m("110 000").unwrap(), dec!(110000));
        assert_eq!(m("110\u{202f}000,50 €").unwrap(), dec!(110000.50));
        assert_eq!(m("1234.5").unwrap(), dec!(1234.5));
        assert_eq!(m(" 0 ").unwrap(), dec!(0));
    }

    #[test]
    fn bad_amounts_are_refused_naming_the_field() {
        for bad in [
            "abc",
            "1.234,56",
            "12,345",
            "-5",
            "1e5",
            ",5",
            "5,",
            "1 234 567 890 123",
        ] {
            let e = m(bad).unwrap_err();
            assert_eq!(e.nom_champ(), Some("montant"), "{bad}");
        }
        assert!(m("-5").unwrap_err().to_string().contains("négatif"));
        assert!(m("").unwrap_err().to_string().contains("à renseigner"));
        assert!(montant_positif("montant", &Texte::new("0"))
            .unwrap_err()
            .to_string()
            .contains("supérieur à 0"));
    }

    #[test]
    fn dates_french_and_iso() {
        let d = |s: &str| date("date_demande", &Texte::new(s));
        assert_eq!(
            d("22/11/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            d("1/2/2018").unwrap(),
            NaiveDate::from_ymd_opt(2018, 2, 1).unwrap()
        );
        assert_eq!(
            d("2018-02-01").unwrap(),
            NaiveDate::from_ymd_opt(2018, 2, 1).unwrap()
        );
        assert!(d("29/02/2018")
            .unwrap_err()
            .to_string()
            .contains("n'existe pas"));
        assert!(d("2018-2-1").unwrap_err().to_string().contains("illisible"));
        assert!(d("12/05/18").unwrap_err().to_string().contains("illisible"));
        assert!(d("01/01/1850")
            .unwrap_err()
            .to_string()
            .contains("hors de portée"));
        assert_eq!(date_opt("x", &Texte::new("  ")).unwrap(), None);
    }

    #[test]
    fn percentages_counts_and_choices() {
        let p = |s: &str| pourcentage_opt("quote_part", &Texte::new(s));
        assert_eq!(p("50 %").unwrap(), Some(dec!(50)));
        assert_eq!(p("62,5").unwrap(), Some(dec!(62.5)));
        assert!(p("120").is_err());
        assert!(p("beaucoup").is_err());
        assert_eq!(
            entier_opt("duree_mois", &Texte::new("240"), 1, 600).unwrap(),
            Some(240)
        );
        assert!(entier_opt("duree_mois", &Texte::new("0"), 1, 600).is_err());
        assert!(entier_opt("duree_mois", &Texte::new("12,5"), 1, 600).is_err());
        let v = [("in-fine", 1), ("relais", 2)];
        assert_eq!(choix("type", &Texte::new("IN_FINE"), &v).unwrap(), 1);
        let e = choix("type", &Texte::new("viager"), &v).unwrap_err();
        assert!(e.to_string().contains("in-fine, relais"), "{e}");
    }

    #[test]
    fn json_numbers_are_read_as_text() {
        #[derive(Deserialize)]
        struct S {
            a: Texte,
            b: Texte,
            #[serde(default)]
            c: Texte,
        }
        let s: S = serde_json::from_str(r#"{"a": 110000, "b": "1 234,5"}"#).unwrap();
        assert_eq!(s.a.valeur(), Some("110000"));
        assert_eq!(s.b.valeur(), Some("1 234,5"));
        assert_eq!(s.c.valeur(), None);
    }
}
