//! Printable documents of the product, described with the `pdf` model: the
//! estimate the member takes home, the "bon à savoir" checklists, the
//! simulation summaries and the comparison of two barème versions. This
//! module decides what is printed and in which words; `pdf` lays it out and
//! is the only one that knows printpdf.

mod comparaison_baremes;
mod devis;
mod estimation;
mod fiche;
mod foyer;
mod simulation;

pub use comparaison_baremes::document_comparaison_baremes;
pub use estimation::document_estimation;
pub use fiche::{document_fiche, joindre_fiche};
pub use foyer::{document_foyer, foyer_imprime};
pub use simulation::{document_simulation, ErreurSimulationImprimee, SimulationSaisie};

use crate::fiches::{Checklist, FicheError, SituationText};
use crate::moteur::{Resultat, Situation};
use crate::pdf::Document;
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

/// The checklist that goes with an estimate, computed with the member's own
/// dates: the maternité checklist when the situation has a pregnancy
/// (`assure.grossesse`), none otherwise.
pub fn fiche_pour(situation: &Situation) -> Result<Option<Checklist>, FicheError> {
    let Some(g) = &situation.assure.grossesse else {
        return Ok(None);
    };
    let texte = |d: NaiveDate| Some(d.format("%Y-%m-%d").to_string());
    let saisie = SituationText {
        debut_grossesse: texte(g.debut),
        terme: texte(g.terme),
        date_accouchement: g.accouchement.and_then(texte),
        ..SituationText::default()
    };
    crate::fiches::build("maternite", &saisie).map(Some)
}

/// The estimate as printed: [`document_estimation`], followed by the
/// checklist of [`fiche_pour`] on its own pages when `avec_fiche` is true.
pub fn estimation_imprimee(
    situation: &Situation,
    resultat: &Resultat,
    entete: &EnTete,
    avec_fiche: bool,
) -> Result<Document, FicheError> {
    let mut doc = document_estimation(situation, resultat, entete);
    if avec_fiche {
        if let Some(fiche) = fiche_pour(situation)? {
            joindre_fiche(&mut doc, &fiche);
        }
    }
    Ok(doc)
}
