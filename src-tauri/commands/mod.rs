//! The Tauri side: the window, the app state and the commands. Each command
//! is thin: one call into the modules, conversion to transport types, errors
//! as [`IpcError`]. The only module that knows Tauri.

mod fiches;
pub mod simulateurs;

use crate::store::Store;
use crate::transport::{AppInfo, ErrorCode, IpcError};
use std::sync::Mutex;
use std::time::Instant;

/// State shared by the commands.
pub struct AppState {
    store: Mutex<Store>,
    started: Instant,
}

fn lock_store(state: &AppState) -> Result<std::sync::MutexGuard<'_, Store>, IpcError> {
    state.store.lock().map_err(|_| {
        IpcError::new(
            ErrorCode::Internal,
            "accès à la base interrompu par une erreur précédente",
        )
    })
}

#[tauri::command]
fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let store = lock_store(&state)?;
    let schema_version = store
        .schema_version()
        .map_err(|e| IpcError::new(ErrorCode::Database, e.to_string()))?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store.path().display().to_string(),
        schema_version,
    })
}

/// Called by the page once its first frame is painted; with
/// `GUICHET_MESURES=1` the delay since process start is printed on stderr.
#[tauri::command]
fn ui_ready(state: tauri::State<'_, AppState>) {
    if std::env::var_os("GUICHET_MESURES").is_some() {
        eprintln!(
            "mesure: premier affichage {} ms après le démarrage",
            state.started.elapsed().as_millis()
        );
    }
}

/// Opens the window over an already opened store and runs until it is closed.
pub fn run(store: Store, started: Instant) -> Result<(), String> {
    tauri::Builder::default()
        .manage(AppState {
            store: Mutex::new(store),
            started,
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            ui_ready,
            fiches::list_fiches,
            fiches::build_fiche,
            simulateurs::simuler_caution,
            simulateurs::simuler_corem,
            simulateurs::assistance_prime,
            simulateurs::assistance_evenement,
            simulateurs::assistance_enveloppe,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .map_err(|e| format!("la fenêtre n'a pas pu s'ouvrir : {e}"))
}
