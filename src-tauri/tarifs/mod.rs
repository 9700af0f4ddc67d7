//! The tariff model: the lines and cells of the MGEN Annexe 2 tables
//! (prestations per offer) and the dated AMO parameters, each value with its
//! source. This module only describes and loads data; it computes nothing.
//!
//! [`model`] is the contract between the data files (`assets/tarifs/`), the
//! store and the engine (`moteur`). [`annexe`] reads a table file (with
//! [`cell_text`] for each printed cell and [`validate`] for the checks
//! across lines); [`vigueur`] picks the version in force on a date and
//! [`selection`] the row of a line that fits a situation; [`memo`] keeps what
//! the engine derives from them (indexes, shared strings).

pub mod amo;
pub mod annexe;
pub mod cell_text;
pub mod cent_pour_cent_sante;
pub mod codes_devis;
pub mod diff;
pub mod erreur;
pub mod memo;
pub mod model;
pub mod selection;
pub mod signature;
pub mod validate;
pub mod vigueur;

pub use erreur::TarifError;
pub use model::*;
pub use selection::rangee_applicable;
pub use vigueur::{avertissement_anciennete, bareme_en_vigueur};

/// The table files compiled into the binary: (origin, text).
pub const FICHIERS_LIVRES: &[(&str, &str)] = &[(
    "assets/tarifs/annexe2-2018.toml",
    include_str!("../../assets/tarifs/annexe2-2018.toml"),
)];

/// Reads and validates one table file's text; `origin` names the file in
/// error messages.
pub fn parse_bareme(origin: &str, text: &str) -> Result<Bareme, TarifError> {
    annexe::lire_texte(origin, text).map(|lu| lu.bareme)
}

/// The versions shipped with Guichet, parsed and validated, oldest first.
/// The test `shipped_tables_parse` guarantees they are valid.
pub fn shipped_baremes() -> Vec<Bareme> {
    let mut baremes: Vec<Bareme> = FICHIERS_LIVRES
        .iter()
        .map(|(origine, texte)| {
            parse_bareme(origine, texte).unwrap_or_else(|e| panic!("barème livré invalide : {e}"))
        })
        .collect();
    baremes.sort_by_key(|b| b.en_vigueur_le);
    baremes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_parse() {
        for (origine, texte) in FICHIERS_LIVRES {
            if let Err(e) = parse_bareme(origine, texte) {
                panic!("{e}");
            }
        }
        assert!(!shipped_baremes().is_empty());
    }
}
