//! How a simulator's error crosses IPC: the usual `{code, message}` of
//! [`IpcError`](super::IpcError) plus the name of the field at fault, so the
//! Simulateurs screen shows the message beside it. The simulators name their
//! own errors ([`SimulateurError`]); this is where they get a code.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ErrorCode, IpcError};
use crate::simulateurs::SimulateurError;

/// The error a simulator command returns to the UI: an `IpcError`
/// (`code`, `message`) with the field at fault when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErreurSimulateur {
    pub code: ErrorCode,
    pub message: String,
    pub champ: Option<String>,
}

impl From<SimulateurError> for ErreurSimulateur {
    /// A field to correct → `invalid_input` with the field named; a barème
    /// that does not read → `internal`.
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

impl From<IpcError> for ErreurSimulateur {
    /// Any other failure of a simulator command (printing, the copies
    /// folder): its code and message, no field.
    fn from(e: IpcError) -> Self {
        ErreurSimulateur {
            code: e.code,
            message: e.message,
            champ: None,
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
    fn unreadable_bareme_is_an_internal_error_without_field() {
        let e: ErreurSimulateur = SimulateurError::Bareme {
            fichier: "caution.toml",
            message: "tranche sans taux".into(),
        }
        .into();
        assert_eq!(e.code, ErrorCode::Internal);
        assert_eq!(e.champ, None);
        assert_eq!(
            e.message,
            "barème caution.toml illisible : tranche sans taux"
        );
    }
}
