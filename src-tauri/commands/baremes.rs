//! Tauri commands of the Barèmes screen: the versions held (with the
//! "table too old" warning, decided here from the date the UI passes), one
//! version's table, the import of a version file from a path, and the
//! comparison of two versions held (on screen, and printed like the other
//! documents: see `commands::documents`).

use super::documents::{dossier, entete, erreur_de_rendu, garder_et_ouvrir, nom_de_fichier};
use super::{lock_store, AppState};
use crate::documents::document_comparaison_baremes;
use crate::store::tarifs::BaremeStoreError;
use crate::tarifs::diff::{comparer, DiffBareme};
use crate::tarifs::{annexe, avertissement_anciennete, Bareme};
use crate::transport::{
    table_bareme, ErrorCode, EtatBaremes, Impression, IpcError, OptionsImpression, ResultatImport,
    TableBareme, VersionBaremeInfo,
};
use chrono::NaiveDate;

fn erreur(e: BaremeStoreError) -> IpcError {
    let code = match e {
        BaremeStoreError::Tarif(_)
        | BaremeStoreError::MemeDate { .. }
        | BaremeStoreError::DateAnterieure { .. } => ErrorCode::InvalidInput,
        BaremeStoreError::Introuvable(_) => ErrorCode::NotFound,
        BaremeStoreError::NonSigne { .. } => ErrorCode::UnsignedTariff,
        _ => ErrorCode::Database,
    };
    IpcError::new(code, e.to_string())
}

/// The versions held and, given today's date (`AAAA-MM-JJ`), the warning
/// when the newest one is more than a year old.
#[tauri::command]
pub fn baremes_etat(
    state: tauri::State<'_, AppState>,
    aujourdhui: String,
) -> Result<EtatBaremes, IpcError> {
    let jour = NaiveDate::parse_from_str(&aujourdhui, "%Y-%m-%d").map_err(|_| {
        IpcError::new(
            ErrorCode::InvalidInput,
            format!("champ « aujourdhui » : date « {aujourdhui} » illisible (AAAA-MM-JJ)"),
        )
    })?;
    let store = lock_store(&state)?;
    let versions = store.versions_baremes().map_err(erreur)?;
    let entetes: Vec<Bareme> = versions
        .iter()
        .map(|v| Bareme::new(v.nom.clone(), v.en_vigueur_le, v.source.clone(), Vec::new()))
        .collect();
    Ok(EtatBaremes {
        versions: versions.iter().map(VersionBaremeInfo::from).collect(),
        avertissement: avertissement_anciennete(&entetes, jour),
    })
}

/// One version's table, grouped by section.
#[tauri::command]
pub fn bareme_table(state: tauri::State<'_, AppState>, id: i64) -> Result<TableBareme, IpcError> {
    let store = lock_store(&state)?;
    let version = store.version(id).map_err(erreur)?;
    let bareme = store.bareme(id).map_err(erreur)?;
    Ok(table_bareme(&version, &bareme))
}

/// Validates then imports the version file at `chemin`.
#[tauri::command]
pub fn bareme_importer(
    state: tauri::State<'_, AppState>,
    chemin: String,
    accepter_non_signe: bool,
) -> Result<ResultatImport, IpcError> {
    let chemin = chemin.trim();
    if chemin.is_empty() {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            "champ « chemin » : indiquez le chemin du fichier de barème (.toml)",
        ));
    }
    let chemin = std::path::Path::new(chemin);
    let octets = annexe::lire_fichier(chemin)
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?;
    let mut store = lock_store(&state)?;
    let import = store
        .importer_bareme(
            &chemin.display().to_string(),
            &octets,
            chrono::Utc::now().naive_utc(),
            accepter_non_signe,
        )
        .map_err(erreur)?;
    Ok(ResultatImport::from(&import))
}

/// What changed from version `avant` to version `apres` (ids of versions
/// held): rows added and removed, cells changed old → new per offer.
#[tauri::command]
pub fn bareme_comparer(
    state: tauri::State<'_, AppState>,
    avant: i64,
    apres: i64,
) -> Result<DiffBareme, IpcError> {
    let store = lock_store(&state)?;
    comparaison(&store, avant, apres)
}

/// Prints the comparison of [`bareme_comparer`] (kept in the copies folder
/// and opened in the system viewer).
#[tauri::command]
pub fn imprimer_comparaison_baremes(
    state: tauri::State<'_, AppState>,
    avant: i64,
    apres: i64,
    options: OptionsImpression,
) -> Result<Impression, IpcError> {
    let store = lock_store(&state)?;
    let diff = comparaison(&store, avant, apres)?;
    drop(store);
    let doc = document_comparaison_baremes(&diff, &entete(&options));
    let octets = crate::pdf::render(&doc).map_err(erreur_de_rendu)?;
    garder_et_ouvrir(
        &octets,
        dossier(&options)?,
        &nom_de_fichier("comparaison-baremes", &options),
    )
}

fn comparaison(
    store: &crate::store::Store,
    avant: i64,
    apres: i64,
) -> Result<DiffBareme, IpcError> {
    let a = store.bareme(avant).map_err(erreur)?;
    let b = store.bareme(apres).map_err(erreur)?;
    Ok(comparer(&a, &b))
}
