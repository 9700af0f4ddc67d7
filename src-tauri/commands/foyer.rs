//! Tauri command of the household estimate: a household document (read
//! strictly by `moteur::foyer::lecture`), estimated with the barèmes held in
//! the database, the shipped AMO values and catalogue. Input errors come
//! back as data, with the JSON path of the field (`foyer[1].actes[0]…`).

use super::{lock_store, AppState};
use crate::moteur::foyer::{self, lecture::lire_foyer};
use crate::moteur::{ErreurEstimation, Tables};
use crate::transport::{ErreurChampVue, ErrorCode, IpcError, ReponseEstimationFoyer};
use tauri::State;

#[tauri::command]
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
    let baremes: Vec<_> = {
        let store = lock_store(&state)?;
        store
            .baremes()
            .map_err(|e| IpcError::new(ErrorCode::Database, e.to_string()))?
            .into_iter()
            .map(|(_, b)| b)
            .collect()
    };
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
