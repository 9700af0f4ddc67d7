//! Tauri commands of the Historique screen: save, list, show, duplicate,
//! delete saved estimates, the retention setting, and the database's state
//! (backups, restoring one when the database is damaged). Also what the app
//! does at start: one backup, then the retention purge.

use super::{lock_store, AppState};
use crate::historique::{
    optionnel, ErreurChamp, ErreurSaisie, Initiales, NomBareme, NouvelleEstimation,
    NumeroEstimation, ReferenceAdherent, ValidationMoteur,
};
use crate::store::historique::{ErreurHistorique, Recherche, LIMITE_MAX};
use crate::store::sauvegarde::{self, lister_sauvegardes, verifier_sauvegarde, ErreurSauvegarde};
use crate::store::{Store, StoreError};
use crate::transport::{
    ErrorCode, EstimationDetail, EstimationNumerotee, EstimationResume, EtatBase, IpcError,
    PageHistorique, ReglagesHistorique, RestaurationInfo, SauvegardeInfo,
};
use chrono::{NaiveDateTime, Timelike};
use std::path::PathBuf;
use std::sync::{Condvar, Mutex};
use tauri::{Manager, State};

/// What every command answers while the database is damaged.
pub(super) const MESSAGE_BASE_ENDOMMAGEE: &str =
    "La base de données est endommagée : elle n'a été ni ouverte ni modifiée. \
     Ouvrez l'écran Historique (Alt+5) pour restaurer une sauvegarde, \
     ou fermez Guichet et lancez « guichet base restaurer ».";

/// State of the history and of the database file, beside [`AppState`].
pub struct EtatHistorique {
    chemin: PathBuf,
    /// Why the database could not be opened, until a backup is restored.
    probleme: Mutex<Option<String>>,
    /// What the start did (backup, purge), in French; given by
    /// [`entretien_differe`] once the window is up.
    demarrage: CompteRendu,
}

/// The report of the start's upkeep: `None` until it is done, so that the
/// Historique screen, opened early, waits for it rather than showing no
/// backup.
struct CompteRendu {
    messages: Mutex<Option<Vec<String>>>,
    fait: Condvar,
}

impl CompteRendu {
    fn new(messages: Option<Vec<String>>) -> Self {
        Self {
            messages: Mutex::new(messages),
            fait: Condvar::new(),
        }
    }

    fn publier(&self, messages: Vec<String>) {
        if let Ok(mut m) = self.messages.lock() {
            *m = Some(messages);
        }
        self.fait.notify_all();
    }

    /// The messages, once the upkeep is done.
    fn attendre(&self) -> Result<Vec<String>, IpcError> {
        let indisponible = |_| IpcError::new(ErrorCode::Internal, "état de la base indisponible");
        let m = self.messages.lock().map_err(indisponible)?;
        let m = self
            .fait
            .wait_while(m, |m| m.is_none())
            .map_err(indisponible)?;
        Ok(m.clone().unwrap_or_default())
    }
}

/// At start: the store if the database is sound (its upkeep then waits for
/// [`entretien_differe`]); on a damaged one, nothing but the message.
pub(super) fn demarrage(
    chemin: PathBuf,
    ouverture: Result<Store, StoreError>,
) -> (Option<Store>, EtatHistorique) {
    let (store, probleme, demarrage) = match ouverture {
        Ok(store) => (Some(store), None, None),
        Err(e) => (None, Some(e.to_string()), Some(Vec::new())),
    };
    let etat = EtatHistorique {
        chemin,
        probleme: Mutex::new(probleme),
        demarrage: CompteRendu::new(demarrage),
    };
    (store, etat)
}

/// The start's upkeep on a sound database: one backup, then the retention
/// purge for the day of `maintenant`. Run on its own thread once the window
/// is up, off the way to the first usable form; the store stays locked
/// meanwhile, so a command that needs it waits for the backup to end.
pub(super) fn entretien_differe(app: &tauri::AppHandle, maintenant: NaiveDateTime) {
    let maintenant = maintenant.with_nanosecond(0).unwrap_or(maintenant);
    let state = app.state::<AppState>();
    let etat = app.state::<EtatHistorique>();
    let messages = match state.store.lock() {
        Ok(mut garde) => garde
            .as_mut()
            .map(|store| entretien(store, maintenant))
            .unwrap_or_default(),
        Err(_) => vec!["Sauvegarde au démarrage impossible : base inaccessible".to_string()],
    };
    etat.demarrage.publier(messages);
}

/// When the upkeep's thread could not be started: says so, on the screen.
pub(super) fn entretien_non_lance(app: &tauri::AppHandle, raison: &str) {
    app.state::<EtatHistorique>()
        .demarrage
        .publier(vec![format!(
            "Sauvegarde au démarrage non faite : {raison}"
        )]);
}

fn entretien(store: &mut Store, maintenant: NaiveDateTime) -> Vec<String> {
    let e = store.entretien_au_demarrage(maintenant);
    let mut messages = Vec::new();
    match e.sauvegarde {
        Ok(s) => messages.push(format!("Sauvegarde faite au démarrage : {}", s.nom)),
        Err(err) => messages.push(format!("Sauvegarde au démarrage impossible : {err}")),
    }
    match e.purge {
        Ok((0, _)) => {}
        Ok((n, avant)) => messages.push(format!(
            "{n} estimation{s} enregistrée{s} avant le {} supprimée{s} (durée de conservation)",
            avant.format("%d/%m/%Y"),
            s = if n > 1 { "s" } else { "" }
        )),
        Err(err) => messages.push(format!(
            "Purge des anciennes estimations impossible : {err}"
        )),
    }
    messages
}

fn erreur_historique(e: ErreurHistorique) -> IpcError {
    let code = match e {
        ErreurHistorique::Introuvable(_) => ErrorCode::NotFound,
        ErreurHistorique::Champ(_) => ErrorCode::InvalidInput,
        ErreurHistorique::Base(StoreError::Sql(_)) => ErrorCode::Internal,
        _ => ErrorCode::Database,
    };
    IpcError::new(code, e.to_string())
}

fn erreur_champ(e: ErreurChamp) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, e.to_string())
}

fn erreur_saisie(e: ErreurSaisie) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, e.to_string())
}

fn maintenant() -> NaiveDateTime {
    let n = chrono::Local::now().naive_local();
    n.with_nanosecond(0).unwrap_or(n)
}

/// An optional text field of a form: empty means absent.
fn texte(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_enregistrer(
    state: State<'_, AppState>,
    situation: serde_json::Value,
    initiales: Option<String>,
    reference: Option<String>,
    bareme: Option<String>,
) -> Result<EstimationNumerotee, IpcError> {
    // A save names an offer of a grid held, those of the database now (an
    // import of this session included).
    let validateur = lock_store(&state)?
        .offres_des_baremes()
        .map(ValidationMoteur::avec_offres)
        .unwrap_or_default();
    let estimation = NouvelleEstimation::preparer(
        &situation,
        &validateur,
        optionnel::<Initiales>(texte(&initiales)).map_err(erreur_champ)?,
        optionnel::<ReferenceAdherent>(texte(&reference)).map_err(erreur_champ)?,
        optionnel::<NomBareme>(texte(&bareme)).map_err(erreur_champ)?,
    )
    .map_err(erreur_saisie)?;
    let mut store = lock_store(&state)?;
    let fait = store
        .enregistrer_estimation(&estimation, maintenant())
        .map_err(erreur_historique)?;
    Ok(EstimationNumerotee::from(&fait))
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_lister(
    state: State<'_, AppState>,
    recherche: Option<String>,
    page: u32,
    par_page: u32,
) -> Result<PageHistorique, IpcError> {
    if page == 0 || par_page == 0 || par_page > LIMITE_MAX {
        return Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!("page : page ≥ 1 et 1 à {LIMITE_MAX} estimations par page attendues"),
        ));
    }
    let store = lock_store(&state)?;
    let r = store
        .lister_estimations(&Recherche {
            texte: texte(&recherche),
            limite: par_page,
            decalage: u64::from(page - 1) * u64::from(par_page),
        })
        .map_err(erreur_historique)?;
    Ok(PageHistorique {
        total: r.total,
        page,
        par_page,
        estimations: r.estimations.iter().map(EstimationResume::from).collect(),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_afficher(
    state: State<'_, AppState>,
    numero: String,
) -> Result<EstimationDetail, IpcError> {
    let numero: NumeroEstimation = numero.parse().map_err(erreur_champ)?;
    let store = lock_store(&state)?;
    let e = store
        .afficher_estimation(numero)
        .map_err(erreur_historique)?;
    let mut detail = EstimationDetail::try_from(&e).map_err(|err| {
        IpcError::new(
            ErrorCode::Internal,
            format!("estimation {numero} illisible : {err}"),
        )
    })?;
    // Compared by checksum with the version recorded at the save.
    detail.changement_bareme = store
        .changement_bareme(&e)
        .map_err(erreur_historique)?
        .map(|c| c.message());
    Ok(detail)
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_dupliquer(
    state: State<'_, AppState>,
    numero: String,
) -> Result<EstimationNumerotee, IpcError> {
    let numero: NumeroEstimation = numero.parse().map_err(erreur_champ)?;
    let mut store = lock_store(&state)?;
    let fait = store
        .dupliquer_estimation(numero, maintenant())
        .map_err(erreur_historique)?;
    Ok(EstimationNumerotee::from(&fait))
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_supprimer(
    state: State<'_, AppState>,
    numero: String,
) -> Result<(), IpcError> {
    let numero: NumeroEstimation = numero.parse().map_err(erreur_champ)?;
    let mut store = lock_store(&state)?;
    store
        .supprimer_estimation(numero)
        .map_err(erreur_historique)
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_reglages(
    state: State<'_, AppState>,
) -> Result<ReglagesHistorique, IpcError> {
    let store = lock_store(&state)?;
    Ok(ReglagesHistorique {
        conservation_jours: store.conservation_jours().map_err(erreur_historique)?,
    })
}

#[tauri::command(rename_all = "snake_case")]
pub(super) fn historique_definir_conservation(
    state: State<'_, AppState>,
    jours: u32,
) -> Result<ReglagesHistorique, IpcError> {
    let mut store = lock_store(&state)?;
    store
        .definir_conservation(jours)
        .map_err(erreur_historique)?;
    Ok(ReglagesHistorique {
        conservation_jours: store.conservation_jours().map_err(erreur_historique)?,
    })
}

fn erreur_sauvegarde(e: ErreurSauvegarde) -> IpcError {
    let code = match e {
        ErreurSauvegarde::Introuvable(_) => ErrorCode::NotFound,
        _ => ErrorCode::Database,
    };
    IpcError::new(code, e.to_string())
}

/// The database's state: the problem if it is damaged, what the start did,
/// and the backups with their state. Works while the database is damaged.
/// Runs off the main thread: it waits for the start's upkeep.
#[tauri::command(async, rename_all = "snake_case")]
pub(super) fn base_etat(etat: State<'_, EtatHistorique>) -> Result<EtatBase, IpcError> {
    let demarrage = etat.demarrage.attendre()?;
    let probleme = etat
        .probleme
        .lock()
        .map_err(|_| IpcError::new(ErrorCode::Internal, "état de la base indisponible"))?
        .clone();
    let sauvegardes = lister_sauvegardes(&etat.chemin)
        .map_err(erreur_sauvegarde)?
        .iter()
        .map(|s| SauvegardeInfo::from(&verifier_sauvegarde(s)))
        .collect();
    Ok(EtatBase {
        chemin: etat.chemin.display().to_string(),
        probleme,
        demarrage,
        sauvegardes,
    })
}

/// Replaces the database with a backup (the newest sound one without a
/// name). The current file is kept aside, never deleted; the database is
/// closed during the operation and reopened after it.
#[tauri::command(rename_all = "snake_case")]
pub(super) fn base_restaurer(
    state: State<'_, AppState>,
    etat: State<'_, EtatHistorique>,
    sauvegarde: Option<String>,
) -> Result<RestaurationInfo, IpcError> {
    let mut guard = state.store.lock().map_err(|_| {
        IpcError::new(
            ErrorCode::Internal,
            "accès à la base interrompu par une erreur précédente",
        )
    })?;
    // Close the current connection (if any) before its file is replaced.
    drop(guard.take());
    let resultat = sauvegarde::restaurer(&etat.chemin, texte(&sauvegarde), maintenant());
    let reouverture = Store::open(&etat.chemin);
    let mut probleme = etat
        .probleme
        .lock()
        .map_err(|_| IpcError::new(ErrorCode::Internal, "état de la base indisponible"))?;
    match reouverture {
        Ok(store) => {
            *guard = Some(store);
            *probleme = None;
        }
        Err(e) => *probleme = Some(e.to_string()),
    }
    let r = resultat.map_err(erreur_sauvegarde)?;
    if guard.is_none() {
        return Err(IpcError::new(
            ErrorCode::Database,
            format!(
                "la sauvegarde {} a été remise en place mais la base ne s'ouvre pas : {}",
                r.sauvegarde.nom,
                probleme.clone().unwrap_or_default()
            ),
        ));
    }
    Ok(RestaurationInfo::from(&r))
}
