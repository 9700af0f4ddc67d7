//! Errors of the simulators: a field the adviser must correct (named, in
//! French), or an embedded barème that does not read (a bug caught by tests).
//! [`ErreurSimulateur`] is how they cross IPC: the usual `{code, message}`
//! plus the name of the field, so the UI can show the message beside it.

use crate::transport::ErrorCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulateurError {
    /// Input that cannot be used; `champ` is the name of the field as in the
    /// JSON request (`montant`, `prets[1].duree_mois`, `evenement.sortie`…).
    #[error("champ « {champ} » : {message}")]
    Champ { champ: String, message: String },
    /// An embedded barème file that does not read or is inconsistent.
    #[error("barème {fichier} illisible : {message}")]
    Bareme {
        fichier: &'static str,
        message: String,
    },
}

impl SimulateurError {
    pub fn champ(champ: impl Into<String>, message: impl Into<String>) -> SimulateurError {
        SimulateurError::Champ {
            champ: champ.into(),
            message: message.into(),
        }
    }

    /// The field at fault, if the error is about one.
    pub fn nom_champ(&self) -> Option<&str> {
        match self {
            SimulateurError::Champ { champ, .. } => Some(champ),
            SimulateurError::Bareme { .. } => None,
        }
    }
}

/// The error a simulator command returns to the UI: an `IpcError`
/// (`code`, `message`) with the field at fault when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErreurSimulateur {
    pub code: ErrorCode,
    pub message: String,
    pub champ: Option<String>,
}

impl From<SimulateurError> for ErreurSimulateur {
    fn from(e: SimulateurError) -> Self {
        match &e {
            SimulateurError::Champ { champ, message } => ErreurSimulateur {
                code: ErrorCode::InvalidInput,
                message: format!("{champ} : {message}"),
                champ: Some(champ.clone()),
            },
            SimulateurError::Bareme { .. } => ErreurSimulateur {
                code: ErrorCode::Internal,
                message: e.to_string(),
                champ: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_error_names_the_field_for_the_ui() {
        let e: ErreurSimulateur = SimulateurError::champ("montant", "à renseigner").into();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.champ.as_deref(), Some("montant"));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["message"], "montant : à renseigner");
    }

    #[test]
    fn display_is_french_and_names_the_field() {
        let e = SimulateurError::champ("date_demande", "date illisible « 31/02/2018 »");
        assert_eq!(
            e.to_string(),
            "champ « date_demande » : date illisible « 31/02/2018 »"
        );
    }
}
