//! `--pdf SORTIE.pdf` and its companions (`--section`, `--initiales`; the
//! estimate adds `--numero`), shared by `guichet estimer` and `guichet fiche`: the
//! document is rendered, written next to its destination under a temporary
//! name, then renamed, so SORTIE.pdf is never left half written. Errors are
//! French and name the flag at fault.

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::documents::{EnTete, SECTION_PAR_DEFAUT};
use crate::pdf::{Document, PdfError};
use clap::Args;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Args)]
pub struct OptionsPdf {
    /// Écrit aussi le document PDF dans ce fichier (le JSON reste affiché)
    #[arg(long, value_name = "SORTIE.pdf")]
    pub pdf: Option<PathBuf>,
    /// Nom de la section imprimé en tête (avec --pdf)
    #[arg(long, value_name = "TEXTE", requires = "pdf")]
    pub section: Option<String>,
    /// Initiales du conseiller (avec --pdf)
    #[arg(long, value_name = "XX", requires = "pdf")]
    pub initiales: Option<String>,
}

/// A refusal: the exit code and the French message (without "guichet : ").
pub type Refus = (i32, String);

fn saisie(message: String) -> Refus {
    (EXIT_INVALID_INPUT, message)
}

fn texte_facultatif(v: &Option<String>, drapeau: &str) -> Result<Option<String>, Refus> {
    match v.as_deref().map(str::trim) {
        None => Ok(None),
        Some("") => Err(saisie(format!("{drapeau} : valeur vide"))),
        Some(t) => Ok(Some(t.to_string())),
    }
}

impl OptionsPdf {
    /// Checks the flags before any work: the destination is a file in an
    /// existing folder, the texts are not blank. Returns the header of the
    /// document (printed on `imprime_le`, under `numero` given as `--numero`).
    pub fn verifier(
        &self,
        imprime_le: chrono::NaiveDate,
        numero: &Option<String>,
    ) -> Result<EnTete, Refus> {
        if let Some(p) = &self.pdf {
            destination(p)?;
        }
        Ok(EnTete {
            section: texte_facultatif(&self.section, "--section")?
                .unwrap_or_else(|| SECTION_PAR_DEFAUT.to_string()),
            imprime_le,
            numero: texte_facultatif(numero, "--numero")?,
            initiales: texte_facultatif(&self.initiales, "--initiales")?,
        })
    }
}

/// The folder of `p`, which must exist; `p` itself must not be a folder.
fn destination(p: &Path) -> Result<PathBuf, Refus> {
    if p.as_os_str().is_empty() {
        return Err(saisie("--pdf : chemin vide".into()));
    }
    if p.is_dir() {
        return Err(saisie(format!(
            "--pdf : « {} » est un dossier, indiquez un fichier (par exemple estimation.pdf)",
            p.display()
        )));
    }
    let dossier = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dossier.is_dir() {
        return Err(saisie(format!(
            "--pdf : le dossier « {} » n'existe pas",
            dossier.display()
        )));
    }
    Ok(dossier)
}

/// The flag a header field came from, for render errors.
fn drapeau_du_champ(champ: &str) -> Option<&'static str> {
    match champ {
        "section" => Some("--section"),
        "initiales du conseiller" => Some("--initiales"),
        "référence" => Some("--numero"),
        _ => None,
    }
}

/// Renders `doc` and writes it to `p` (temporary file, then rename).
pub fn ecrire(doc: &Document, p: &Path) -> Result<(), Refus> {
    let octets = crate::pdf::render(doc).map_err(|e| {
        let champ = match &e {
            PdfError::TropLong { champ } | PdfError::CaractereAbsent { champ, .. } => {
                drapeau_du_champ(champ).map(|d| (d, champ.len()))
            }
            _ => None,
        };
        match champ {
            // "section : trop long …" becomes "--section : trop long …".
            Some((d, n)) => saisie(format!("{d}{}", &e.to_string()[n..])),
            None => (EXIT_FAILURE, format!("--pdf : document impossible : {e}")),
        }
    })?;
    let dossier = destination(p)?;
    let nom = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let provisoire = dossier.join(format!(".{nom}.{}.tmp", std::process::id()));
    let ecrit = std::fs::write(&provisoire, &octets).and_then(|_| std::fs::rename(&provisoire, p));
    if let Err(e) = ecrit {
        let _ = std::fs::remove_file(&provisoire);
        let code = match e.kind() {
            ErrorKind::PermissionDenied | ErrorKind::NotFound => EXIT_INVALID_INPUT,
            _ => EXIT_FAILURE,
        };
        return Err((
            code,
            format!("--pdf : impossible d'écrire « {} » : {e}", p.display()),
        ));
    }
    Ok(())
}
