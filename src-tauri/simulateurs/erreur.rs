//! Errors of the simulators: a field the adviser must correct (named, in
//! French), or an embedded barème that does not read (a bug caught by tests).
//! The simulators only name them; the doors (the window's commands, the
//! command line) give each its code or exit status.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_french_and_names_the_field() {
        let e = SimulateurError::champ("date_demande", "date illisible « 31/02/2018 »");
        assert_eq!(
            e.to_string(),
            "champ « date_demande » : date illisible « 31/02/2018 »"
        );
    }
}
