//! Errors of the engine. Input errors name the JSON path of the faulty value
//! and say in French what is wrong ("actes[2].frais_reels : montant négatif
//! (-5)"); data errors (catalogue vs barème) are bugs of the shipped files.

/// An input the adviser must correct. Displayed "chemin : message" (just
/// the message when the whole text is at fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if chemin.is_empty() { String::new() } else { format!("{chemin} : ") })]
pub struct ErreurSaisie {
    /// JSON path: "actes[2].frais_reels", "assure.grossesse.terme", "" for the root.
    pub chemin: String,
    pub message: String,
}

impl ErreurSaisie {
    pub fn new(chemin: impl Into<String>, message: impl Into<String>) -> Self {
        ErreurSaisie {
            chemin: chemin.into(),
            message: message.into(),
        }
    }
}

/// Why an estimate could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurEstimation {
    /// The situation must be corrected.
    #[error("{0}")]
    Saisie(#[from] ErreurSaisie),
    /// The shipped data do not fit together (a bug, not the adviser's fault).
    #[error("données de Guichet incohérentes : {0}")]
    Donnees(String),
}

/// The JSON path of an act ("actes[3]"), written out only when an error
/// names it.
#[derive(Debug, Clone, Copy)]
pub struct CheminActe(pub usize);

impl std::fmt::Display for CheminActe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "actes[{}]", self.0)
    }
}

impl ErreurEstimation {
    /// The same error about the acts listed under `liste` instead of
    /// `actes` (the devis's 100 % Santé alternative is estimated as a
    /// situation of its own).
    pub fn dans(self, liste: &str) -> Self {
        match self {
            ErreurEstimation::Saisie(mut e) => {
                if let Some(reste) = e.chemin.strip_prefix("actes") {
                    e.chemin = format!("{liste}{reste}");
                }
                ErreurEstimation::Saisie(e)
            }
            donnees => donnees,
        }
    }
}
