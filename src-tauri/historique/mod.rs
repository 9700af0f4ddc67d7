//! The history of estimates, without SQL and without the clock: what a saved
//! estimate is made of, how a situation document is read strictly, and the
//! checks done before anything is written. The storage itself is
//! `store::historique`; the CLI and the Tauri commands give it the date.
//!
//! The validation of a situation plugs in through [`ValidateurSituation`]
//! (a closure works); the one the app and the CLI use is
//! [`validation::ValidationMoteur`], the engine's strict reader.

pub mod champs;
pub mod document;
pub mod validation;

pub use champs::{
    cle_reference, optionnel, ErreurChamp, Initiales, NomBareme, NumeroEstimation,
    ReferenceAdherent,
};
pub use document::{canonique, empreinte, lire_situation, verifier_valeur, ErreurDocument};
pub use validation::ValidationMoteur;

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Why a situation does not satisfy the validator: the field and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("champ « {champ} » : {message}")]
pub struct ErreurSituation {
    pub champ: String,
    pub message: String,
}

/// Validates a situation document as the engine would, and says which date of
/// care it is for. Implemented for every `Fn(&Map) -> Result<NaiveDate, _>`.
pub trait ValidateurSituation {
    fn valider(&self, situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation>;
}

impl<F> ValidateurSituation for F
where
    F: Fn(&Map<String, Value>) -> Result<NaiveDate, ErreurSituation>,
{
    fn valider(&self, situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation> {
        self(situation)
    }
}

/// A validation that only needs the date of care in `date_soins`
/// (`AAAA-MM-JJ`): for tests of the storage, not for what advisers save.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidationMinimale;

/// Name of the field of a situation that holds the date of care.
pub const CHAMP_DATE_SOINS: &str = "date_soins";

impl ValidateurSituation for ValidationMinimale {
    fn valider(&self, situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation> {
        date_soins(situation)
    }
}

/// Reads `date_soins` of a situation document.
pub fn date_soins(situation: &Map<String, Value>) -> Result<NaiveDate, ErreurSituation> {
    let erreur = |message: &str| ErreurSituation {
        champ: CHAMP_DATE_SOINS.to_string(),
        message: message.to_string(),
    };
    match situation.get(CHAMP_DATE_SOINS) {
        None => Err(erreur(
            "absent : la date des soins est obligatoire (AAAA-MM-JJ)",
        )),
        Some(Value::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| erreur("date attendue au format AAAA-MM-JJ")),
        Some(_) => Err(erreur(
            "date attendue au format AAAA-MM-JJ, entre guillemets",
        )),
    }
}

/// Why an estimate cannot be saved: the document or one field is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurSaisie {
    #[error("{0}")]
    Document(#[from] ErreurDocument),
    #[error("situation : {0}")]
    Situation(#[from] ErreurSituation),
    #[error("{0}")]
    Champ(#[from] ErreurChamp),
}

/// An estimate ready to be saved: the checked situation as canonical text,
/// its checksum, its date of care and the optional fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleEstimation {
    situation: String,
    empreinte: String,
    date_soins: NaiveDate,
    personnes: u32,
    pub initiales: Option<Initiales>,
    pub reference: Option<ReferenceAdherent>,
    pub bareme: Option<NomBareme>,
}

impl NouvelleEstimation {
    /// Checks `situation` (rules of [`document`], then `validateur`) and
    /// builds the estimate to save.
    pub fn preparer(
        situation: &Value,
        validateur: &dyn ValidateurSituation,
        initiales: Option<Initiales>,
        reference: Option<ReferenceAdherent>,
        bareme: Option<NomBareme>,
    ) -> Result<Self, ErreurSaisie> {
        let objet = verifier_valeur(situation)?;
        let date_soins = validateur.valider(objet)?;
        let texte = canonique(situation);
        Ok(NouvelleEstimation {
            empreinte: empreinte(&texte),
            situation: texte,
            date_soins,
            personnes: personnes(objet),
            initiales,
            reference,
            bareme,
        })
    }

    /// The canonical JSON text of the situation.
    pub fn situation(&self) -> &str {
        &self.situation
    }

    /// `sha256:…` of [`Self::situation`].
    pub fn empreinte(&self) -> &str {
        &self.empreinte
    }

    pub fn date_soins(&self) -> NaiveDate {
        self.date_soins
    }

    /// How many persons the document holds: the length of a household's
    /// `foyer` list (`moteur::foyer`), else 1.
    pub fn personnes(&self) -> u32 {
        self.personnes
    }
}

/// The persons of a situation document: its `foyer` list's length, at
/// least 1.
fn personnes(situation: &Map<String, Value>) -> u32 {
    match situation.get("foyer") {
        Some(Value::Array(l)) => u32::try_from(l.len()).unwrap_or(u32::MAX).max(1),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn minimal_validation_needs_the_date_of_care() {
        let v = json!({"actes": []});
        let e =
            NouvelleEstimation::preparer(&v, &ValidationMinimale, None, None, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "situation : champ « date_soins » : absent : la date des soins est obligatoire (AAAA-MM-JJ)"
        );
        let v = json!({"date_soins": 20260314});
        assert!(NouvelleEstimation::preparer(&v, &ValidationMinimale, None, None, None).is_err());
    }

    #[test]
    fn a_closure_can_validate() {
        let refuse_sans_actes = |m: &Map<String, Value>| {
            if m.get("actes")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                date_soins(m)
            } else {
                Err(ErreurSituation {
                    champ: "actes".into(),
                    message: "au moins un acte".into(),
                })
            }
        };
        let v = json!({"date_soins": "2026-03-14", "actes": []});
        let e = NouvelleEstimation::preparer(&v, &refuse_sans_actes, None, None, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "situation : champ « actes » : au moins un acte"
        );
        let v = json!({"date_soins": "2026-03-14", "actes": [{"code": "G"}]});
        let n = NouvelleEstimation::preparer(&v, &refuse_sans_actes, None, None, None).unwrap();
        assert_eq!(
            n.date_soins(),
            NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
        );
        assert_eq!(
            n.situation(),
            r#"{"actes":[{"code":"G"}],"date_soins":"2026-03-14"}"#
        );
        assert_eq!(n.empreinte(), empreinte(n.situation()));
    }
}
