//! Transport types of printing (the estimate and checklist PDFs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who prints and where the copy goes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OptionsImpression {
    /// The section's name printed at the top; the default when absent.
    pub section: Option<String>,
    /// The history number, when the estimate was saved.
    pub numero: Option<String>,
    pub initiales: Option<String>,
    /// The folder that keeps the copies; `~/Documents/Guichet` when absent.
    pub dossier: Option<String>,
    /// Estimate only: append the checklist the situation calls for (a
    /// pregnancy → the maternité checklist with its dates). Absent = yes.
    #[serde(default)]
    pub fiche_jointe: Option<bool>,
}

/// What was printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Impression {
    /// The PDF kept in the copies folder.
    pub chemin: String,
    /// Whether the system viewer was started.
    pub ouvert: bool,
}
