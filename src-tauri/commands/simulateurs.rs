//! Tauri commands of the Simulateurs screen: one call into
//! [`crate::simulateurs`] each. The barèmes are read once, on first use.
//! Errors cross as [`ErreurSimulateur`] (`code`, `message`, `champ`) so the
//! screen shows each message beside its field. `imprimer_simulation` makes
//! the one-page PDF summary of a result, kept in the copies folder and
//! opened like the other printed documents (see `commands::documents`).

use std::sync::OnceLock;

use crate::documents::{document_simulation, ErreurSimulationImprimee, SimulationSaisie};

use crate::simulateurs::assistance::{
    self, AssistanceSaisie, EnveloppeResultat, EnveloppeSaisie, EvenementResultat, PrimeResultat,
    PrimeSaisie,
};
use crate::simulateurs::caution::{self, CautionResultat, CautionSaisie};
use crate::simulateurs::corem::{self, CoremResultat, CoremSaisie};
use crate::simulateurs::{Baremes, SimulateurError};
use crate::transport::{ErreurSimulateur, ErrorCode, Impression, IpcError, OptionsImpression};

fn baremes() -> Result<&'static Baremes, ErreurSimulateur> {
    static B: OnceLock<Result<Baremes, SimulateurError>> = OnceLock::new();
    B.get_or_init(Baremes::integres)
        .as_ref()
        .map_err(|e| e.clone().into())
}

#[tauri::command]
pub fn simuler_caution(saisie: CautionSaisie) -> Result<CautionResultat, ErreurSimulateur> {
    let b = baremes()?;
    Ok(caution::simuler(&b.caution, &saisie.lire()?))
}

#[tauri::command]
pub fn simuler_corem(saisie: CoremSaisie) -> Result<CoremResultat, ErreurSimulateur> {
    let b = baremes()?;
    Ok(corem::simuler(
        &b.corem,
        &saisie.lire(b.corem.annees_moyenne)?,
    ))
}

#[tauri::command]
pub fn assistance_prime(saisie: PrimeSaisie) -> Result<PrimeResultat, ErreurSimulateur> {
    let b = baremes()?;
    Ok(assistance::prime::calculer(&b.assistance, &saisie.lire()?))
}

#[tauri::command]
pub fn assistance_evenement(
    saisie: AssistanceSaisie,
) -> Result<EvenementResultat, ErreurSimulateur> {
    let b = baremes()?;
    Ok(assistance::evenement::evaluer(
        &b.assistance,
        &saisie.lire()?,
    ))
}

#[tauri::command]
pub fn assistance_enveloppe(
    saisie: EnveloppeSaisie,
) -> Result<EnveloppeResultat, ErreurSimulateur> {
    let b = baremes()?;
    Ok(assistance::enveloppe::calculer(
        &b.assistance,
        &saisie.lire(&b.assistance)?,
    ))
}

/// Prints a simulation: computed again from what was typed, summarised on
/// one page, kept in the copies folder and opened in the system viewer.
#[tauri::command]
pub fn imprimer_simulation(
    simulation: SimulationSaisie,
    options: OptionsImpression,
) -> Result<Impression, ErreurSimulateur> {
    let b = baremes()?;
    let doc =
        document_simulation(b, &simulation, &super::documents::entete(&options)).map_err(|e| {
            match e {
                ErreurSimulationImprimee::Saisie(e) => ErreurSimulateur::from(e),
                e => IpcError::new(ErrorCode::Internal, e.to_string()).into(),
            }
        })?;
    let octets = crate::pdf::render(&doc)
        .map_err(|e| ErreurSimulateur::from(IpcError::new(ErrorCode::Internal, e.to_string())))?;
    let quand = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let nom = match &options.numero {
        Some(n) => format!(
            "{}-{}-{quand}.pdf",
            simulation.prefixe(),
            n.replace(['/', '\\'], "-")
        ),
        None => format!("{}-{quand}.pdf", simulation.prefixe()),
    };
    let dossier = super::documents::dossier(&options).map_err(ErreurSimulateur::from)?;
    super::documents::garder_et_ouvrir(&octets, dossier, &nom).map_err(ErreurSimulateur::from)
}
