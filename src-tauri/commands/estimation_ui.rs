//! Tauri commands of the Estimation screen: the catalogue of acts, and one
//! estimate of a situation document (read strictly by the engine's reader,
//! computed with the barèmes held in the database, the shipped AMO values and
//! the shipped catalogue). Input errors come back as data, with the JSON
//! path of the field, so that the screen shows them next to the field.

use super::{baremes_tenus, AppState};
use crate::moteur::{self, catalogue_livre, ErreurEstimation, Tables};
use crate::transport::{CatalogueVue, ErreurChampVue, ErrorCode, IpcError, ReponseEstimation};
use std::sync::OnceLock;
use tauri::ipc::Response;
use tauri::State;

/// The catalogue as the screen receives it, as JSON: made once, by
/// [`preparer`] while the window opens, or else by the first call.
fn catalogue_json() -> &'static Result<String, String> {
    static JSON: OnceLock<Result<String, String>> = OnceLock::new();
    JSON.get_or_init(|| {
        serde_json::to_string(&CatalogueVue::from(catalogue_livre())).map_err(|e| e.to_string())
    })
}

/// Readies what the Estimation screen needs first (the catalogue, parsed and
/// as JSON; the shipped AMO parameters and 100 % Santé rules), on a thread
/// of its own at start.
pub(super) fn preparer() {
    let _ = catalogue_json();
    let _ = crate::tarifs::amo::parametres_livres();
    let _ = crate::tarifs::cent_pour_cent_sante::reforme_livree();
}

/// The catalogue ([`CatalogueVue`] as JSON), off the main thread.
#[tauri::command(async)]
pub fn catalogue(state: State<'_, AppState>) -> Result<Response, IpcError> {
    crate::mesures::marque(state.started, "catalogue demandé");
    let json = catalogue_json()
        .as_ref()
        .map_err(|e| IpcError::new(ErrorCode::Internal, format!("catalogue illisible : {e}")))?;
    crate::mesures::marque(state.started, "catalogue prêt");
    Ok(Response::new(json.clone()))
}

/// Off the window's main thread, which also carries the page's IPC calls
/// and frames: an estimate is asked at every keystroke. With
/// `GUICHET_MESURES=1`, says on stderr how long it took in Rust (the
/// barèmes held are read again only when they changed).
#[tauri::command(async)]
pub fn estimer(
    state: State<'_, AppState>,
    situation: serde_json::Value,
) -> Result<ReponseEstimation, IpcError> {
    let debut = std::time::Instant::now();
    let reponse = estimer_lu(&state, &situation);
    if crate::mesures::actives() {
        eprintln!(
            "mesure: estimation en {} µs côté Rust",
            debut.elapsed().as_micros()
        );
    }
    reponse
}

fn estimer_lu(
    state: &AppState,
    situation: &serde_json::Value,
) -> Result<ReponseEstimation, IpcError> {
    let situation = match moteur::lecture::lire(situation) {
        Ok(s) => s,
        Err(e) => {
            return Ok(ReponseEstimation {
                resultat: None,
                erreur: Some(ErreurChampVue::from(e)),
            })
        }
    };
    let baremes = baremes_tenus(state)?;
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
