//! Tauri commands of the "Bons à savoir" screen: the list of checklists
//! with the inputs each asks for, and one checklist built for the dates
//! entered. Thin: one call into `fiches`, errors as `IpcError`.

use crate::fiches::{self, Checklist, ChecklistSummary, FicheError, SituationText};
use crate::transport::{ErrorCode, IpcError};

fn to_ipc(e: FicheError) -> IpcError {
    let code = match &e {
        FicheError::UnknownFiche { .. } => ErrorCode::NotFound,
        FicheError::Catalog(_) => ErrorCode::Internal,
        _ => ErrorCode::InvalidInput,
    };
    IpcError::new(code, e.to_string())
}

/// The checklists on offer, in menu order.
#[tauri::command]
pub fn list_fiches() -> Result<Vec<ChecklistSummary>, IpcError> {
    fiches::list().map_err(to_ipc)
}

/// Checklist `fiche` built for `situation` (dates as typed: JJ/MM/AAAA or AAAA-MM-JJ).
#[tauri::command]
pub fn build_fiche(fiche: String, situation: SituationText) -> Result<Checklist, IpcError> {
    fiches::build(&fiche, &situation).map_err(to_ipc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_cross_as_invalid_input_naming_the_field() {
        let e = build_fiche("arret-travail".into(), SituationText::default()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(
            e.message,
            "« Date de l'arrêt de travail » : obligatoire pour cette fiche"
        );
        let e = build_fiche("inconnue".into(), SituationText::default()).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    #[test]
    fn list_offers_the_eight_checklists() {
        assert_eq!(list_fiches().unwrap().len(), 8);
    }
}
