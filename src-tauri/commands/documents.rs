//! Tauri commands that print: the estimate and a checklist become PDF files,
//! kept in the copies folder (`~/Documents/Guichet` unless the adviser chose
//! another) and opened in the system viewer, whose print dialog prints them
//! (through the opener of Tauri's opener plugin, called from here only: the
//! page cannot open anything itself).
//! The estimate of a pregnant member ends with the maternité checklist
//! unless `OptionsImpression::fiche_jointe` is `false`. `imprimer_estimation`
//! prints a single member's document or a household's.

use super::{baremes_tenus, AppState};
use crate::documents::{
    document_fiche, estimation_imprimee, foyer_imprime, EnTete, SECTION_PAR_DEFAUT,
};
use crate::moteur::foyer::{lecture::lire_document, Document, SituationFoyer};
use crate::moteur::{self, Situation, Tables};
use crate::transport::{ErrorCode, Impression, IpcError, OptionsImpression};
use std::path::{Path, PathBuf};
use tauri::State;

/// A text setting, trimmed; blank counts as not given.
fn rempli(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub(super) fn entete(o: &OptionsImpression) -> EnTete {
    EnTete {
        section: rempli(&o.section).unwrap_or_else(|| SECTION_PAR_DEFAUT.to_string()),
        imprime_le: chrono::Local::now().date_naive(),
        numero: rempli(&o.numero),
        initiales: rempli(&o.initiales),
    }
}

pub(super) fn dossier(o: &OptionsImpression) -> Result<PathBuf, IpcError> {
    let d = match o.dossier.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => PathBuf::from(d),
        None => dirs::document_dir()
            .or_else(dirs::home_dir)
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::InvalidInput,
                    "dossier des copies : aucun dossier personnel trouvé, choisissez-en un",
                )
            })?
            .join("Guichet"),
    };
    std::fs::create_dir_all(&d).map_err(|e| {
        IpcError::new(
            ErrorCode::InvalidInput,
            format!("dossier des copies « {} » : {e}", d.display()),
        )
    })?;
    Ok(d)
}

/// Writes the PDF (write then rename, so a copy is never half written) and
/// opens it unless `GUICHET_NE_PAS_OUVRIR` is set (tests).
pub(super) fn garder_et_ouvrir(
    octets: &[u8],
    dossier: PathBuf,
    nom: &str,
) -> Result<Impression, IpcError> {
    let chemin = dossier.join(nom);
    let provisoire = dossier.join(format!(".{nom}.tmp"));
    std::fs::write(&provisoire, octets)
        .and_then(|_| std::fs::rename(&provisoire, &chemin))
        .map_err(|e| {
            IpcError::new(
                ErrorCode::InvalidInput,
                format!("impossible d'écrire « {} » : {e}", chemin.display()),
            )
        })?;
    let ouvert = std::env::var_os("GUICHET_NE_PAS_OUVRIR").is_none() && ouvrir(&chemin);
    Ok(Impression {
        chemin: chemin.display().to_string(),
        ouvert,
    })
}

/// Opens a written copy in the system's default viewer for PDF files
/// (xdg-open or the desktop's portal on Linux, the shell on Windows and
/// macOS). `false` when no viewer could be started: the copy stays in its
/// folder and the screen says where.
fn ouvrir(chemin: &Path) -> bool {
    tauri_plugin_opener::open_path(chemin, None::<&str>).is_ok()
}

/// A render error: the header fields come from the adviser's settings
/// (section, initials), so a refusal there is an input error naming them.
pub(super) fn erreur_de_rendu(e: crate::pdf::PdfError) -> IpcError {
    use crate::pdf::PdfError;
    let code = match &e {
        PdfError::TropLong { champ } | PdfError::CaractereAbsent { champ, .. }
            if ["section", "initiales du conseiller", "référence"].contains(&champ.as_str()) =>
        {
            ErrorCode::InvalidInput
        }
        _ => ErrorCode::Internal,
    };
    IpcError::new(code, e.to_string())
}

pub(super) fn nom_de_fichier(prefixe: &str, o: &OptionsImpression) -> String {
    let quand = chrono::Local::now().format("%Y%m%d-%H%M%S");
    match &o.numero {
        Some(n) => format!("{prefixe}-{}-{quand}.pdf", n.replace(['/', '\\'], "-")),
        None => format!("{prefixe}-{quand}.pdf"),
    }
}

/// Prints either document: a single member's estimate, or a household's
/// (`foyer`: each person, the household, the cost of each offer).
#[tauri::command]
pub fn imprimer_estimation(
    state: State<'_, AppState>,
    situation: serde_json::Value,
    options: OptionsImpression,
) -> Result<Impression, IpcError> {
    let document = lire_document(&situation).map_err(saisie_a_corriger)?;
    let baremes = baremes_tenus(&state)?;
    let tables = Tables::livrees(&baremes);
    let doc = match document {
        Document::Seul(s) => document_seul(&s, &tables, &options)?,
        Document::Foyer(f) => document_du_foyer(&f, &tables, &options)?,
    };
    let octets = crate::pdf::render(&doc).map_err(erreur_de_rendu)?;
    garder_et_ouvrir(
        &octets,
        dossier(&options)?,
        &nom_de_fichier("estimation", &options),
    )
}

fn saisie_a_corriger(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, e.to_string())
}

fn fiche_illisible(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::InvalidInput, format!("fiche jointe : {e}"))
}

/// One member: every offer of the grid is estimated for the comparison; the
/// member's is highlighted.
fn document_seul(
    situation: &Situation,
    tables: &Tables<'_>,
    options: &OptionsImpression,
) -> Result<crate::pdf::Document, IpcError> {
    let mut toutes_les_offres = situation.clone();
    toutes_les_offres.offre = None;
    let resultat = moteur::estimer(&toutes_les_offres, tables).map_err(saisie_a_corriger)?;
    estimation_imprimee(
        situation,
        &resultat,
        &entete(options),
        options.fiche_jointe.unwrap_or(true),
    )
    .map_err(fiche_illisible)
}

/// A household: estimated with every offer of the grid (and its cotisations), as
/// `guichet estimer --pdf` prints it.
fn document_du_foyer(
    foyer: &SituationFoyer,
    tables: &Tables<'_>,
    options: &OptionsImpression,
) -> Result<crate::pdf::Document, IpcError> {
    let toutes_les_offres = SituationFoyer {
        offre: None,
        ..foyer.clone()
    };
    let resultat =
        moteur::foyer::estimer_foyer(&toutes_les_offres, tables).map_err(saisie_a_corriger)?;
    foyer_imprime(
        foyer,
        &resultat,
        &entete(options),
        options.fiche_jointe.unwrap_or(true),
    )
    .map_err(fiche_illisible)
}

#[tauri::command]
pub fn imprimer_fiche(
    id: String,
    saisie: crate::fiches::SituationText,
    options: OptionsImpression,
) -> Result<Impression, IpcError> {
    let fiche = crate::fiches::build(&id, &saisie)
        .map_err(|e| IpcError::new(ErrorCode::InvalidInput, e.to_string()))?;
    let doc = document_fiche(&fiche, &entete(&options));
    let octets = crate::pdf::render(&doc).map_err(erreur_de_rendu)?;
    garder_et_ouvrir(
        &octets,
        dossier(&options)?,
        &nom_de_fichier(&format!("fiche-{id}"), &options),
    )
}
