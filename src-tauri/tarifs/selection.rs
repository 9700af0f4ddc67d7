//! Choosing the row of an Annexe line that applies to a situation: the rows
//! of line `ligne` whose variant is contained in the situation's criteria
//! (every key of the row's variant present with the same value), the most
//! specific one winning. A row without a key does not distinguish it (the
//! frames of line 25 are the same in or out of the network).

use super::erreur::TarifError;
use super::model::{Bareme, Ligne};
use super::validate::afficher_variante;
use std::collections::BTreeMap;

/// The row of `ligne` for `criteres` (e.g. `{age: ">=18", equipement:
/// "verre", verre: "progressif_faible_moyenne", reseau: "oui"}`).
pub fn rangee_applicable<'a>(
    bareme: &'a Bareme,
    ligne: &str,
    criteres: &BTreeMap<String, String>,
) -> Result<&'a Ligne, TarifError> {
    let candidates: Vec<&Ligne> = bareme
        .lignes
        .iter()
        .filter(|l| l.ligne == ligne)
        .filter(|l| l.variante.iter().all(|(k, v)| criteres.get(k) == Some(v)))
        .collect();
    let Some(plus) = candidates.iter().map(|l| l.variante.len()).max() else {
        return Err(TarifError::RangeeIntrouvable {
            ligne: ligne.to_string(),
            criteres: afficher_variante(criteres),
        });
    };
    let retenues: Vec<&Ligne> = candidates
        .into_iter()
        .filter(|l| l.variante.len() == plus)
        .collect();
    match retenues.as_slice() {
        [une] => Ok(une),
        plusieurs => Err(TarifError::RangeeAmbigue {
            ligne: ligne.to_string(),
            variantes: plusieurs
                .iter()
                .map(|l| afficher_variante(&l.variante))
                .collect::<Vec<_>>()
                .join(" ; "),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tarifs::{shipped_baremes, variante, Offre};
    use rust_decimal_macros::dec;

    #[test]
    fn the_most_specific_matching_row_applies() {
        let b = &shipped_baremes()[0];
        // Domain example: adult, Référence, OPTISTYA, progressive low correction: 140 €/verre.
        let c = variante([
            ("age", ">=18"),
            ("equipement", "verre"),
            ("verre", "progressif_faible_moyenne"),
            ("reseau", "oui"),
        ]);
        let l = rangee_applicable(b, "25", &c).unwrap();
        assert_eq!(l.cellules[&Offre::REFERENCE].valeur, Some(dec!(140)));
        // The frame row has no network key: it applies in the network too (60 €).
        let c = variante([
            ("age", ">=18"),
            ("equipement", "monture"),
            ("reseau", "oui"),
        ]);
        let l = rangee_applicable(b, "25", &c).unwrap();
        assert_eq!(l.cellules[&Offre::REFERENCE].valeur, Some(dec!(60)));
        // Line 1 has no variant: any situation.
        let l = rangee_applicable(b, "1", &variante([("parcours", "hors")])).unwrap();
        assert_eq!(l.cellules[&Offre::INITIALE].valeur, Some(dec!(30)));
    }

    #[test]
    fn missing_or_ambiguous_criteria_are_errors() {
        let b = &shipped_baremes()[0];
        let e = rangee_applicable(b, "2.1", &variante([("parcours", "dans")])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "aucune rangée de la ligne 2.1 ne correspond à { parcours = dans }"
        );
        let e = rangee_applicable(
            b,
            "8",
            &variante([("taux_amo", "15"), ("rembourse", "non")]),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("plusieurs rangées de la ligne 8 correspondent"),
            "{e}"
        );
    }
}
