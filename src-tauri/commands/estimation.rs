//! Tauri commands of the Estimation screen: the catalogue of acts (for the
//! search) and the estimate of a situation. Thin: one call into `moteur`,
//! barèmes from the store, errors as `IpcError` (input errors name the JSON
//! path of the faulty value).

use super::{lock_store, AppState};
use crate::moteur::catalogue::{catalogue_livre, vue, VueCatalogue};
use crate::moteur::{self, ErreurEstimation, Resultat};
use crate::tarifs::amo::parametres_livres;
use crate::transport::{ErrorCode, IpcError};
use chrono::NaiveDate;
use tauri::State;

fn vers_ipc(e: ErreurEstimation) -> IpcError {
    match e {
        ErreurEstimation::Saisie(e) => IpcError::new(ErrorCode::InvalidInput, e.to_string()),
        e @ ErreurEstimation::Donnees(_) => IpcError::new(ErrorCode::Internal, e.to_string()),
    }
}

/// Estimates `situation` (the situation document, as JSON) under the
/// barèmes held in the database.
#[tauri::command]
pub fn estimer(
    state: State<'_, AppState>,
    situation: serde_json::Value,
) -> Result<Resultat, IpcError> {
    let situation = moteur::lecture::lire(&situation)
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?;
    let baremes: Vec<_> = lock_store(&state)?
        .baremes()
        .map_err(|e| IpcError::new(ErrorCode::Database, e.to_string()))?
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    moteur::estimer(&situation, &baremes, parametres_livres(), catalogue_livre()).map_err(vers_ipc)
}

/// The catalogue of acts with default bases valued at `date` (AAAA-MM-JJ;
/// today when absent).
#[tauri::command]
pub fn catalogue(date: Option<String>) -> Result<VueCatalogue, IpcError> {
    let date = match date {
        None => chrono::Local::now().date_naive(),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            IpcError::new(
                ErrorCode::InvalidInput,
                format!("date : date invalide « {s} » (format AAAA-MM-JJ)"),
            )
        })?,
    };
    Ok(vue(catalogue_livre(), parametres_livres(), date))
}
