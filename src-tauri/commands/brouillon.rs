//! Tauri commands of the draft of the estimate being typed: read once at
//! start, written at every change (the screen keeps one write in flight and
//! sends the last state), cleared when the estimate is saved or dropped.
//! They run on the async runtime's threads, not the window's main thread,
//! and through the draft's own connection (the main store is locked only
//! to reach it): a write waits for the disk, the window and the estimates
//! do not.

use super::{lock_store, AppState};
use crate::store::brouillon::{Brouillons, ErreurBrouillon};
use crate::transport::{BrouillonVue, ErrorCode, IpcError};
use chrono::Timelike;
use std::sync::Arc;
use tauri::State;

fn erreur(e: ErreurBrouillon) -> IpcError {
    let code = match e {
        ErreurBrouillon::TropGrand { .. } | ErreurBrouillon::PasUnObjet => ErrorCode::InvalidInput,
        ErreurBrouillon::DisquePlein | ErreurBrouillon::Base(_) => ErrorCode::Database,
        ErreurBrouillon::Interrompu => ErrorCode::Internal,
    };
    IpcError::new(code, e.to_string())
}

/// The draft's connection; the main store's lock is held only to get it.
fn brouillons(state: &AppState) -> Result<Arc<Brouillons>, IpcError> {
    lock_store(state)?
        .brouillons()
        .map_err(|e| IpcError::new(ErrorCode::Database, e.to_string()))
}

#[tauri::command(async)]
pub fn brouillon_lire(state: State<'_, AppState>) -> Result<Option<BrouillonVue>, IpcError> {
    let store = lock_store(&state)?;
    Ok(store
        .lire_brouillon()
        .map_err(erreur)?
        .map(BrouillonVue::from))
}

#[tauri::command(async)]
pub fn brouillon_ecrire(state: State<'_, AppState>, contenu: String) -> Result<(), IpcError> {
    let maintenant = chrono::Local::now().naive_local();
    let maintenant = maintenant.with_nanosecond(0).unwrap_or(maintenant);
    brouillons(&state)?
        .ecrire(&contenu, maintenant)
        .map_err(erreur)
}

#[tauri::command(async)]
pub fn brouillon_effacer(state: State<'_, AppState>) -> Result<(), IpcError> {
    brouillons(&state)?.effacer().map(|_| ()).map_err(erreur)
}
