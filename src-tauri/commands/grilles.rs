//! Tauri commands of the section's cotisation grids (issue 17): list the
//! grids kept, create or replace one, delete one, and what one gives a
//! household offer by offer (the sums are Rust's; the screen filters the
//! grids in force at the estimate's date and writes those amounts into
//! the cotisation fields).

use super::{lock_store, AppState};
use crate::cotisations::foyer::{cotisations_du_foyer, CotisationGrille};
use crate::cotisations::{GrilleEnregistree, GrilleSaisie};
use crate::moteur::foyer::Relation;
use crate::store::grilles::ErreurGrilleStore;
use crate::tarifs::{offres_2018, Offre};
use crate::transport::{ErrorCode, IpcError};
use tauri::State;

fn erreur(e: ErreurGrilleStore) -> IpcError {
    let code = match e {
        ErreurGrilleStore::Saisie(_) => ErrorCode::InvalidInput,
        ErreurGrilleStore::Introuvable(_) => ErrorCode::NotFound,
        ErreurGrilleStore::Base(_) => ErrorCode::Database,
    };
    IpcError::new(code, e.to_string())
}

fn base(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::Database, e.to_string())
}

/// Every grid kept, the most recent date d'effet first.
#[tauri::command(async)]
pub fn grilles_lister(state: State<'_, AppState>) -> Result<Vec<GrilleEnregistree>, IpcError> {
    lock_store(&state)?.grilles_cotisations().map_err(base)
}

/// Creates (`saisie.id` absent) or replaces a grid, checked against the
/// offers of the barèmes held; the list as it now is.
#[tauri::command(async)]
pub fn grilles_enregistrer(
    state: State<'_, AppState>,
    saisie: GrilleSaisie,
) -> Result<Vec<GrilleEnregistree>, IpcError> {
    let mut store = lock_store(&state)?;
    let mut offres: Vec<Offre> = store.offres_des_baremes().map_err(base)?;
    if offres.is_empty() {
        offres = offres_2018().into_iter().map(|o| o.code).collect();
    }
    let grille = saisie
        .lire(&offres)
        .map_err(|e| erreur(ErreurGrilleStore::Saisie(e)))?;
    store
        .enregistrer_grille(saisie.id, &grille)
        .map_err(erreur)?;
    store.grilles_cotisations().map_err(base)
}

/// Deletes grid `id`; the list as it now is.
#[tauri::command(async)]
pub fn grilles_supprimer(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<GrilleEnregistree>, IpcError> {
    let mut store = lock_store(&state)?;
    store.supprimer_grille(id).map_err(erreur)?;
    store.grilles_cotisations().map_err(base)
}

/// What grid `id` gives the household whose persons have `relations`
/// (the adhérent included), for each offer of `offres`, in that order.
#[tauri::command(async)]
pub fn grilles_appliquer(
    state: State<'_, AppState>,
    id: i64,
    relations: Vec<Relation>,
    offres: Vec<Offre>,
) -> Result<Vec<CotisationGrille>, IpcError> {
    let grille = lock_store(&state)?
        .grilles_cotisations()
        .map_err(base)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| erreur(ErreurGrilleStore::Introuvable(id)))?;
    cotisations_du_foyer(&grille.grille, &relations, &offres)
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))
}
