//! Tauri command of the household estimate: a household document (read
//! strictly by `moteur::foyer::lecture`), estimated with the barèmes held in
//! the database, the shipped AMO values and catalogue. Input errors come
//! back as data, with the JSON path of the field (`foyer[1].actes[0]…`).

use super::{baremes_tenus, AppState};
use crate::moteur::foyer::{self, lecture::lire_foyer};
use crate::moteur::{ErreurEstimation, Tables};
use crate::transport::{ErreurChampVue, ErrorCode, IpcError, ReponseEstimationFoyer};
use tauri::State;

/// Off the window's main thread, as `estimer`: asked at every keystroke of
/// a household.
#[tauri::command(async)]
pub fn estimer_foyer(
    state: State<'_, AppState>,
    situation: serde_json::Value,
) -> Result<ReponseEstimationFoyer, IpcError> {
    let refus = |e| ReponseEstimationFoyer {
        resultat: None,
        erreur: Some(ErreurChampVue::from(e)),
    };
    let situation = match lire_foyer(&situation) {
        Ok(s) => s,
        Err(e) => return Ok(refus(e)),
    };
    let baremes = baremes_tenus(&state)?;
    match foyer::estimer_foyer(&situation, &Tables::livrees(&baremes)) {
        Ok(r) => Ok(ReponseEstimationFoyer {
            resultat: Some(r),
            erreur: None,
        }),
        Err(ErreurEstimation::Saisie(e)) => Ok(refus(e)),
        Err(e @ ErreurEstimation::Donnees(_)) => {
            Err(IpcError::new(ErrorCode::Internal, e.to_string()))
        }
    }
}
