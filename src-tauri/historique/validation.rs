//! The check a situation passes before it is saved, the same for the app
//! and the CLI: the engine's strict reader ([`crate::moteur::lecture::lire`])
//! then its catalogue checks ([`crate::moteur::validation::valider`]) with
//! the shipped catalogue. A refusal names the JSON path of the field, as the
//! Estimation screen shows it.

use super::{ErreurSituation, ValidateurSituation};
use crate::moteur::{self, catalogue_livre, ErreurSaisie};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Validates a situation document as the engine reads it; its date of care
/// is the situation's `date`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidationMoteur;

impl ValidateurSituation for ValidationMoteur {
    fn valider(&self, situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation> {
        let erreur = |e: ErreurSaisie| ErreurSituation {
            champ: e.chemin,
            message: e.message,
        };
        let s = moteur::lecture::lire(&Value::Object(situation.clone())).map_err(erreur)?;
        moteur::validation::valider(&s, catalogue_livre()).map_err(erreur)?;
        Ok(s.date)
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

    #[test]
    fn an_engine_situation_is_accepted_with_its_date() {
        let n = NouvelleEstimation::preparer(&situation(), &ValidationMoteur, None, None, None)
            .unwrap();
        assert_eq!(
            n.date_soins(),
            NaiveDate::from_ymd_opt(2018, 6, 15).unwrap()
        );
    }

    #[test]
    fn refusals_name_the_json_path() {
        let mut v = situation();
        v["actes"][0]["frais_reels"] = json!("-5");
        let e = NouvelleEstimation::preparer(&v, &ValidationMoteur, None, None, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "situation : champ « actes[0].frais_reels » : montant négatif (-5)"
        );

        let mut v = situation();
        v["actes"][0]["code"] = json!("acte_inconnu");
        let e = NouvelleEstimation::preparer(&v, &ValidationMoteur, None, None, None).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("situation : champ « actes[0].code » : "),
            "{e}"
        );

        // The history's former minimal document is not a situation.
        let v = json!({"date_soins": "2026-03-14", "actes": []});
        let e = NouvelleEstimation::preparer(&v, &ValidationMoteur, None, None, None).unwrap_err();
        assert!(e.to_string().contains("« date"), "{e}");
    }
}
