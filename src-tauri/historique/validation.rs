//! The check a situation passes before it is saved, the same for the app
//! and the CLI: the engine's strict reader of either document
//! ([`crate::moteur::foyer::lecture::lire_document`]: a single member, or a
//! household) then its catalogue checks ([`crate::moteur::validation::valider`],
//! for each person of a household) with the shipped catalogue, and the
//! offer named, which must be one of the grids held (which offers exist is
//! the grids' to say: [`ValidationMoteur::avec_offres`]). A refusal names
//! the JSON path of the field, as the Estimation screen shows it.

use super::{ErreurSituation, ValidateurSituation};
use crate::moteur::foyer::lecture::lire_document;
use crate::moteur::foyer::{saisie_dans_personne, Document};
use crate::moteur::{self, catalogue_livre, ErreurSaisie};
use crate::tarifs::{shipped_baremes, Offre};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Validates a situation document as the engine reads it; its date of care
/// is the situation's `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationMoteur {
    /// The offers of the grids held, in the order first met.
    offres: Vec<Offre>,
}

impl Default for ValidationMoteur {
    /// With the offers of the grids shipped in the binary.
    fn default() -> Self {
        static LIVREES: OnceLock<Vec<Offre>> = OnceLock::new();
        let offres = LIVREES.get_or_init(|| {
            shipped_baremes()
                .iter()
                .flat_map(|b| b.codes_offres().collect::<Vec<_>>())
                .collect()
        });
        ValidationMoteur::avec_offres(offres.iter().copied())
    }
}

impl ValidationMoteur {
    /// With the offers of the grids held (each once, in the order given).
    pub fn avec_offres(offres: impl IntoIterator<Item = Offre>) -> Self {
        let mut connues: Vec<Offre> = Vec::new();
        for o in offres {
            if !connues.contains(&o) {
                connues.push(o);
            }
        }
        ValidationMoteur { offres: connues }
    }

    /// The document's offer, if it names one, is an offer of a grid held.
    fn offre_connue(&self, offre: Option<Offre>) -> Result<(), ErreurSaisie> {
        match offre {
            Some(o) if !self.offres.contains(&o) => {
                let codes: Vec<&str> = self.offres.iter().map(|o| o.code()).collect();
                Err(ErreurSaisie::new(
                    "offre",
                    format!(
                        "offre inconnue « {o} » (offres des barèmes : {})",
                        codes.join(", ")
                    ),
                ))
            }
            _ => Ok(()),
        }
    }
}

impl ValidateurSituation for ValidationMoteur {
    fn valider(&self, situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation> {
        let erreur = |e: ErreurSaisie| ErreurSituation {
            champ: e.chemin,
            message: e.message,
        };
        match lire_document(&Value::Object(situation.clone())).map_err(erreur)? {
            Document::Seul(s) => {
                self.offre_connue(s.offre).map_err(erreur)?;
                moteur::validation::valider(&s, catalogue_livre()).map_err(erreur)?;
                Ok(s.date)
            }
            Document::Foyer(f) => {
                self.offre_connue(f.offre).map_err(erreur)?;
                for (k, s) in f.membres().iter().enumerate() {
                    moteur::validation::valider(s, catalogue_livre())
                        .map_err(|e| erreur(saisie_dans_personne(e, k)))?;
                }
                Ok(f.date)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::historique::NouvelleEstimation;
    use serde_json::json;

    /// The domain's GP example as the engine reads it.
    fn situation() -> Value {
        json!({
            "date": "2018-06-15",
            "offre": "reference",
            "assure": {"date_naissance": "1983-02-01", "parcours_soins": true, "css": false,
                       "handicap": false, "deja_utilise": {}},
            "actes": [{"code": "consultation_generaliste", "frais_reels": "30.00"}]
        })
    }

    /// `preparer` with the default checks, no initials, reference nor barème.
    fn preparer_sans_identite(
        v: &Value,
    ) -> Result<NouvelleEstimation, crate::historique::ErreurSaisie> {
        NouvelleEstimation::preparer(v, &ValidationMoteur::default(), None, None, None)
    }

    #[test]
    fn an_engine_situation_is_accepted_with_its_date() {
        let n = preparer_sans_identite(&situation()).unwrap();
        assert_eq!(
            n.date_soins(),
            NaiveDate::from_ymd_opt(2018, 6, 15).unwrap()
        );
    }

    /// A household document, as `moteur::foyer` reads it.
    fn foyer() -> Value {
        json!({
            "date": "2018-06-15",
            "foyer": [
                {"relation": "adherent", "assure": situation()["assure"].clone(),
                 "actes": [{"code": "consultation_generaliste", "frais_reels": "30.00"}]},
                {"relation": "enfant", "nom": "Léa",
                 "assure": {"date_naissance": "2010-05-01", "parcours_soins": true,
                            "css": false, "handicap": false},
                 "actes": [{"code": "consultation_generaliste", "frais_reels": "25.00"}]}
            ],
            "cotisations": {"reference": "720.00"}
        })
    }

    #[test]
    fn a_household_is_accepted_with_its_date_and_persons() {
        let n = preparer_sans_identite(&foyer()).unwrap();
        assert_eq!(
            n.date_soins(),
            NaiveDate::from_ymd_opt(2018, 6, 15).unwrap()
        );
        assert_eq!(n.personnes(), 2);
        let seul = preparer_sans_identite(&situation()).unwrap();
        assert_eq!(seul.personnes(), 1);
    }

    #[test]
    fn a_household_refusal_names_the_person() {
        let mut v = foyer();
        v["foyer"][1]["actes"][0]["code"] = json!("acte_inconnu");
        let e = preparer_sans_identite(&v).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("situation : champ « foyer[1].actes[0].code » : "),
            "{e}"
        );
    }

    #[test]
    fn refusals_name_the_json_path() {
        let mut v = situation();
        v["actes"][0]["frais_reels"] = json!("-5");
        let e = preparer_sans_identite(&v).unwrap_err();
        assert_eq!(
            e.to_string(),
            "situation : champ « actes[0].frais_reels » : montant négatif (-5)"
        );

        let mut v = situation();
        v["actes"][0]["code"] = json!("acte_inconnu");
        let e = preparer_sans_identite(&v).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("situation : champ « actes[0].code » : "),
            "{e}"
        );

        // The history's former minimal document is not a situation.
        let v = json!({"date_soins": "2026-03-14", "actes": []});
        let e = preparer_sans_identite(&v).unwrap_err();
        assert!(e.to_string().contains("« date"), "{e}");
    }
}
