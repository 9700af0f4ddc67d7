//! The Tauri side: the window, the app state and the commands. Each command
//! is thin: one call into the modules, conversion to transport types, errors
//! as [`IpcError`]. The only module that knows Tauri.

mod baremes;
mod brouillon;
pub mod documents;
mod estimation_ui;
mod fiches;
mod foyer;
mod grilles;
mod historique;
pub mod simulateurs;

use crate::store::{Store, StoreError};
use crate::tarifs::Bareme;
use crate::transport::{AppInfo, ErrorCode, IpcError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

/// State shared by the commands.
pub struct AppState {
    /// `None` while the database is damaged and not yet restored.
    store: Mutex<Option<Store>>,
    /// The barème versions as last read from the store, with the key they
    /// were read under ([`Store::cle_baremes`]).
    baremes: Mutex<Option<(String, Arc<Vec<Bareme>>)>>,
    started: Instant,
}

/// The locked, open store; derefs to [`Store`].
pub(crate) struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        // lock_store only builds a guard over Some.
        self.0.as_ref().expect("base ouverte")
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("base ouverte")
    }
}

fn lock_store(state: &AppState) -> Result<StoreGuard<'_>, IpcError> {
    let guard = state.store.lock().map_err(|_| {
        IpcError::new(
            ErrorCode::Internal,
            "accès à la base interrompu par une erreur précédente",
        )
    })?;
    if guard.is_none() {
        return Err(IpcError::new(
            ErrorCode::Database,
            historique::MESSAGE_BASE_ENDOMMAGEE,
        ));
    }
    Ok(StoreGuard(guard))
}

/// Every barème version held in the database, for an estimate (one at every
/// keystroke): read again only when the versions held changed — imported
/// here or by `guichet bareme importer`, or a backup restored — which one
/// small query tells (the store is locked meanwhile).
fn baremes_tenus(state: &AppState) -> Result<Arc<Vec<Bareme>>, IpcError> {
    let base = |e: crate::store::tarifs::BaremeStoreError| {
        IpcError::new(ErrorCode::Database, e.to_string())
    };
    let store = lock_store(state)?;
    let cle = store.cle_baremes().map_err(base)?;
    let mut lus = state.baremes.lock().map_err(|_| {
        IpcError::new(
            ErrorCode::Internal,
            "barèmes interrompus par une erreur précédente",
        )
    })?;
    if let Some((deja, baremes)) = lus.as_ref() {
        if *deja == cle {
            return Ok(Arc::clone(baremes));
        }
    }
    let baremes: Arc<Vec<Bareme>> = Arc::new(
        store
            .baremes()
            .map_err(base)?
            .into_iter()
            .map(|(_, b)| b)
            .collect(),
    );
    *lus = Some((cle, Arc::clone(&baremes)));
    Ok(baremes)
}

/// Off the main thread: at start it waits for the store, locked by the
/// start's backup, and the window must not wait with it.
#[tauri::command(async)]
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

/// Called by the page once its first frame is painted, and again with
/// `etape: "formulaire"` once the Estimation form is interactive (catalogue
/// loaded and painted); with `GUICHET_MESURES=1` the delay since process
/// start is printed on stderr, up to `quand` (when it happened, ms since
/// the epoch on the system clock) when the page gives it.
/// `details` are the page's own marks (ms since the page's navigation
/// started), printed as they come.
#[tauri::command]
fn ui_ready(
    state: tauri::State<'_, AppState>,
    etape: Option<String>,
    details: Option<String>,
    quand: Option<f64>,
) {
    let quoi = match etape.as_deref() {
        Some("formulaire") => "formulaire interactif",
        Some("polices") => "polices chargées",
        _ => "premier affichage",
    };
    crate::mesures::marque_de_la_page(state.started, quoi, quand);
    if let Some(details) = details.filter(|_| crate::mesures::actives()) {
        eprintln!("mesure: page ({quoi}) : {details}");
    }
}

/// Opens the window over an already opened store and runs until it is closed.
pub fn run(store: Store, started: Instant) -> Result<(), String> {
    let path = store.path().to_path_buf();
    lancer(path, Ok(store), started)
}

/// Opens the window over a damaged database: every screen says so, and the
/// Historique screen offers to restore a backup.
pub fn run_base_endommagee(
    path: PathBuf,
    erreur: StoreError,
    started: Instant,
) -> Result<(), String> {
    lancer(path, Err(erreur), started)
}

fn lancer(
    path: PathBuf,
    ouverture: Result<Store, StoreError>,
    started: Instant,
) -> Result<(), String> {
    let (store, etat_base) = historique::demarrage(path, ouverture);
    // What the Estimation screen asks first, readied while the window opens.
    // (Without its thread, the catalogue is made on first call.)
    let _ = en_parallele("preparation", estimation_ui::preparer);
    tauri::Builder::default()
        .manage(AppState {
            store: Mutex::new(store),
            baremes: Mutex::new(None),
            started,
        })
        .manage(etat_base)
        .setup(move |app| {
            crate::mesures::marque(started, "fenêtre en préparation");
            // The start's backup and purge, off the way to the first form.
            let app = app.handle().clone();
            let maintenant = chrono::Local::now().naive_local();
            let pour_la_tache = app.clone();
            if let Err(e) = en_parallele("entretien", move || {
                historique::entretien_differe(&pour_la_tache, maintenant);
                crate::mesures::marque(started, "entretien de la base fait");
            }) {
                historique::entretien_non_lance(&app, &e);
            }
            Ok(())
        })
        .on_page_load(move |_, charge| {
            let quoi = match charge.event() {
                tauri::webview::PageLoadEvent::Started => "page demandée",
                tauri::webview::PageLoadEvent::Finished => "page chargée",
            };
            crate::mesures::marque(started, quoi);
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            ui_ready,
            baremes::baremes_etat,
            baremes::bareme_table,
            baremes::bareme_importer,
            baremes::bareme_comparer,
            baremes::imprimer_comparaison_baremes,
            fiches::list_fiches,
            fiches::build_fiche,
            simulateurs::simuler_caution,
            simulateurs::simuler_corem,
            simulateurs::assistance_prime,
            simulateurs::assistance_evenement,
            simulateurs::assistance_enveloppe,
            simulateurs::imprimer_simulation,
            historique::historique_enregistrer,
            historique::historique_lister,
            historique::historique_afficher,
            historique::historique_dupliquer,
            historique::historique_supprimer,
            historique::historique_reglages,
            historique::historique_definir_conservation,
            historique::base_etat,
            historique::base_restaurer,
            documents::imprimer_estimation,
            documents::imprimer_fiche,
            estimation_ui::catalogue,
            estimation_ui::estimer,
            foyer::estimer_foyer,
            brouillon::brouillon_lire,
            brouillon::brouillon_ecrire,
            brouillon::brouillon_effacer,
            grilles::grilles_lister,
            grilles::grilles_enregistrer,
            grilles::grilles_supprimer,
            grilles::grilles_appliquer,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .map_err(|e| format!("la fenêtre n'a pas pu s'ouvrir : {e}"))
}

/// Runs `travail` on a thread of its own; if none can be started, says so
/// on stderr and returns why (the work is then left undone).
fn en_parallele(nom: &str, travail: impl FnOnce() + Send + 'static) -> Result<(), String> {
    std::thread::Builder::new()
        .name(nom.to_string())
        .spawn(travail)
        .map(|_| ())
        .map_err(|e| {
            eprintln!("guichet : tâche « {nom} » non lancée : {e}");
            e.to_string()
        })
}
