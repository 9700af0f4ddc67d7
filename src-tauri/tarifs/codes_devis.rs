//! The codes a devis prints on a line (CCAM for dental prosthetics, LPP for
//! optics and hearing aids) as dated data of the reform
//! (`[[code]]` in `assets/tarifs/cent-pour-cent-sante.toml`): for each code
//! known, the act of the catalogue it is, the basket and tooth it implies,
//! the AMO parameter of its base, from when it exists, with its text,
//! source and certainty. This module reads and looks up; the engine checks
//! an act against its code (`moteur::codes_devis`).

use super::cent_pour_cent_sante::{Certitude, Panier};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The nomenclature a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nomenclature {
    /// Classification commune des actes médicaux (dental acts).
    Ccam,
    /// Liste des produits et prestations (optics, hearing aids).
    Lpp,
}

impl Nomenclature {
    /// « code CCAM », « code LPP ».
    pub fn nom(self) -> &'static str {
        match self {
            Nomenclature::Ccam => "code CCAM",
            Nomenclature::Lpp => "code LPP",
        }
    }

    /// The act's field that carries a code of this nomenclature.
    pub fn champ(self) -> &'static str {
        match self {
            Nomenclature::Ccam => "code_ccam",
            Nomenclature::Lpp => "code_lpp",
        }
    }
}

/// A code printed on a devis and what it implies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeDevis {
    pub code: String,
    pub nomenclature: Nomenclature,
    /// The catalogue act the code is.
    pub acte: String,
    /// The basket the code puts the item in, if it implies one.
    #[serde(default)]
    pub panier: Option<Panier>,
    /// The tooth the code's label requires ("incisive_canine_premolaire",
    /// "molaire"), if any.
    #[serde(default)]
    pub dent: Option<String>,
    pub libelle: String,
    /// The code exists from this date.
    pub depuis: NaiveDate,
    /// The AMO parameter (amo.toml) of the code's base, when a source
    /// gives it.
    #[serde(default)]
    pub base: Option<String>,
    pub reference: String,
    pub source: String,
    pub certitude: Certitude,
    #[serde(default)]
    pub note: Option<String>,
}

/// Whether `code` is written as the CCAM writes a code: four capital
/// letters then three digits (« HBLD634 »).
pub fn format_ccam(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_uppercase)
        && b[4..].iter().all(u8::is_ascii_digit)
}

/// Whether `code` is written as the LPP writes a code: seven digits.
pub fn format_lpp(code: &str) -> bool {
    code.len() == 7 && code.bytes().all(|c| c.is_ascii_digit())
}

/// The known code `code` of `nomenclature`, if any.
pub fn chercher<'a>(
    codes: &'a [CodeDevis],
    nomenclature: Nomenclature,
    code: &str,
) -> Option<&'a CodeDevis> {
    codes
        .iter()
        .find(|c| c.nomenclature == nomenclature && c.code == code)
}

/// Checks the codes of the data file: each written in its nomenclature's
/// format, once; not dated before the basket it implies exists
/// (`existe_depuis` of that basket).
pub fn verifier(
    codes: &[CodeDevis],
    existe_depuis: impl Fn(Panier) -> NaiveDate,
) -> Result<(), String> {
    for (i, c) in codes.iter().enumerate() {
        let bien_ecrit = match c.nomenclature {
            Nomenclature::Ccam => format_ccam(&c.code),
            Nomenclature::Lpp => format_lpp(&c.code),
        };
        if !bien_ecrit {
            return Err(format!("{} « {} » mal écrit", c.nomenclature.nom(), c.code));
        }
        if codes[..i]
            .iter()
            .any(|d| d.nomenclature == c.nomenclature && d.code == c.code)
        {
            return Err(format!(
                "{} « {} » écrit deux fois",
                c.nomenclature.nom(),
                c.code
            ));
        }
        if c.panier.is_some_and(|p| c.depuis < existe_depuis(p)) {
            return Err(format!(
                "{} « {} » daté avant son panier",
                c.nomenclature.nom(),
                c.code
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ccam_and_lpp_formats() {
        assert!(format_ccam("HBLD634"));
        for faux in ["hbld634", "HBLD63", "HBLD6345", "HB1D634", "HBLD63A", ""] {
            assert!(!format_ccam(faux), "{faux}");
        }
        assert!(format_lpp("2203240"));
        assert!(!format_lpp("220324") && !format_lpp("22O3240"));
    }
}
