//! Tauri commands of the Estimation screen: the catalogue of acts, and one
//! estimate of a situation document (read strictly by the engine's reader,
//! computed with the barèmes held in the database, the shipped AMO values and
//! the shipped catalogue). Input errors come back as data, with the JSON
//! path of the field, so that the screen shows them next to the field.

use super::{lock_store, AppState};
use crate::moteur::{self, catalogue_livre, ErreurEstimation, Tables};
use crate::transport::{CatalogueVue, ErreurChampVue, ErrorCode, IpcError, ReponseEstimation};
use tauri::State;

#[tauri::command]
pub fn catalogue() -> CatalogueVue {
    CatalogueVue::from(catalogue_livre())
}

#[tauri::command]
pub fn estimer(
    state: State<'_, AppState>,
    situation: serde_json::Value,
) -> Result<ReponseEstimation, IpcError> {
    let situation = match moteur::lecture::lire(&situation) {
        Ok(s) => s,
        Err(e) => {
            return Ok(ReponseEstimation {
                resultat: None,
                erreur: Some(ErreurChampVue::from(e)),
            })
        }
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
    match moteur::estimer(&situation, &Tables::livrees(&baremes)) {
        Ok(r) => Ok(ReponseEstimation {
            resultat: Some(r),
            erreur: None,
        }),
        Err(ErreurEstimation::Saisie(e)) => Ok(ReponseEstimation {
            resultat: None,
            erreur: Some(ErreurChampVue::from(e)),
        }),
        Err(e @ ErreurEstimation::Donnees(_)) => {
            Err(IpcError::new(ErrorCode::Internal, e.to_string()))
        }
    }
}
