//! Printable documents of the product, described with the `pdf` model: the
//! estimate the member takes home and the "bon à savoir" checklists. This
//! module decides what is printed and in which words; `pdf` lays it out and
//! is the only one that knows printpdf.

mod estimation;
mod fiche;
mod simulation;

pub use estimation::document_estimation;
pub use fiche::document_fiche;
pub use simulation::{document_simulation, ErreurSimulationImprimee, SimulationSaisie};

use chrono::NaiveDate;

/// Who prints, when, under which number: the identity block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnTete {
    /// The section's name, configurable ("MGEN — section de la Gironde").
    pub section: String,
    /// The day printed on the document (passed in, never read from the clock).
    pub imprime_le: NaiveDate,
    /// The history number, when the estimate was saved.
    pub numero: Option<String>,
    /// The adviser's initials, when given.
    pub initiales: Option<String>,
}

/// The default section name when none is configured.
pub const SECTION_PAR_DEFAUT: &str = "MGEN — section départementale";
