//! Tauri commands of the Simulateurs screen: one call into
//! [`crate::simulateurs`] each. The barèmes are read once, on first use.
//! Errors cross as [`ErreurSimulateur`] (`code`, `message`, `champ`) so the
//! screen shows each message beside its field.

use std::sync::OnceLock;

use crate::simulateurs::assistance::{
    self, AssistanceSaisie, EnveloppeResultat, EnveloppeSaisie, EvenementResultat, PrimeResultat,
    PrimeSaisie,
};
use crate::simulateurs::caution::{self, CautionResultat, CautionSaisie};
use crate::simulateurs::corem::{self, CoremResultat, CoremSaisie};
use crate::simulateurs::{Baremes, ErreurSimulateur, SimulateurError};

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
