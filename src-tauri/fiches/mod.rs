//! "Bon à savoir" checklists (fiches): the member's situation and dates →
//! the things to do, each with its text, its computed date, who to send
//! what to, and the section of the Sécurité sociale guide it comes from.
//!
//! - [`dates`]: the one date rule (anchor + months + days, end-of-month
//!   fallback), written down and tested on month-end cases.
//! - [`situation`]: the inputs ([`Field`]), the status and motive choices,
//!   and the anchors the rules count from.
//! - [`catalog`]: the texts, one reviewable TOML file per checklist in
//!   `assets/fiches/`, compiled in and checked at load.
//! - [`checklist`]: the engine that fills a checklist for a situation.
//! - [`model`]: the serializable result the CLI, the UI and the PDF share.
//!
//! Pure code: no clock, no I/O, no Tauri, no SQLite, no PDF.

pub mod catalog;
pub mod checklist;
pub mod dates;
pub mod error;
pub mod model;
pub mod situation;

pub use catalog::Catalog;
pub use error::FicheError;
pub use model::{
    Checklist, ChecklistItem, ChecklistSummary, Choice, ComputedDate, DatedAmount, FieldSpec,
    ItemDate, SituationLine, SourceRef,
};
pub use situation::{Anchor, Field, FieldKind, MotifCarte, Situation, SituationText, Statut};

/// The checklists shipped with the application.
pub fn list() -> Result<Vec<ChecklistSummary>, FicheError> {
    Ok(Catalog::builtin()?.summaries())
}

/// Builds shipped checklist `id` from typed inputs (dates as AAAA-MM-JJ or
/// JJ/MM/AAAA).
pub fn build(id: &str, inputs: &SituationText) -> Result<Checklist, FicheError> {
    let catalog = Catalog::builtin()?;
    let fiche = catalog.get(id)?;
    let situation = inputs.parse()?;
    checklist::build(fiche, &situation)
}
