//! `guichet estimer FICHIER.json`: reads a situation document (see
//! `moteur::situation`) or a household document (`moteur::foyer`: a
//! `foyer` list of persons, cotisations, the offer comparison), estimates it with the barèmes held in the database
//! (the shipped 2018 table and any imported version) and prints the result
//! as JSON on stdout. Invalid input exits with code 2 and a French message
//! on stderr naming the JSON path; "-" reads the situation from stdin.
//!
//! With `--pdf SORTIE.pdf` the printable estimate is written too (see
//! `sortie_pdf`): it always compares every offer of the grid in force (the member's one
//! highlighted) and, for a pregnant member, ends with the maternité checklist
//! computed with her dates, unless `--sans-fiche`. The JSON is printed only
//! once the PDF is written.

use super::sortie_pdf::{self, OptionsPdf, Refus};
use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::documents::{estimation_imprimee, foyer_imprime, EnTete};
use crate::moteur::foyer::{Document, SituationFoyer};
use crate::moteur::{self, ErreurEstimation, Resultat, Situation, Tables};
use crate::store::Store;
use crate::tarifs::Bareme;
use clap::Args;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct EstimerArgs {
    /// Fichier JSON de la situation (« - » pour l'entrée standard)
    #[arg(value_name = "FICHIER")]
    pub fichier: PathBuf,
    #[command(flatten)]
    pub sortie: OptionsPdf,
    /// Numéro de l'estimation imprimé sur chaque page (avec --pdf)
    #[arg(long, value_name = "NUMERO", requires = "pdf")]
    pub numero: Option<String>,
    /// Sans la fiche « bon à savoir » jointe au PDF (maternité si grossesse)
    #[arg(long, requires = "pdf")]
    pub sans_fiche: bool,
}

/// Runs the subcommand; returns the exit code.
pub fn run(store: &Store, args: &EstimerArgs) -> i32 {
    let entete = match args
        .sortie
        .verifier(chrono::Local::now().date_naive(), &args.numero)
    {
        Ok(e) => e,
        Err((code, message)) => {
            eprintln!("guichet : {message}");
            return code;
        }
    };
    let texte = if args.fichier.as_os_str() == "-" {
        let mut s = String::new();
        match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => s,
            Err(e) => {
                eprintln!("guichet : entrée standard illisible : {e}");
                return EXIT_INVALID_INPUT;
            }
        }
    } else {
        match std::fs::read_to_string(&args.fichier) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "guichet : fichier {} illisible : {e}",
                    args.fichier.display()
                );
                return EXIT_INVALID_INPUT;
            }
        }
    };
    let document = match moteur::foyer::lecture::lire_document_texte(&texte) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("guichet : {e}");
            return EXIT_INVALID_INPUT;
        }
    };
    let baremes: Vec<_> = match store.baremes() {
        Ok(v) => v.into_iter().map(|(_, b)| b).collect(),
        Err(e) => {
            eprintln!("guichet : {e}");
            return EXIT_FAILURE;
        }
    };
    let situation = match document {
        Document::Seul(s) => s,
        Document::Foyer(f) => return estimer_foyer(&f, &baremes, args, &entete),
    };
    match moteur::estimer(&situation, &Tables::livrees(&baremes)) {
        Ok(r) => {
            if let Some(sortie) = &args.sortie.pdf {
                let pdf = quatre_offres(&situation, &r, &baremes).and_then(|quatre| {
                    let doc = estimation_imprimee(&situation, &quatre, &entete, !args.sans_fiche)
                        .map_err(|e| (EXIT_INVALID_INPUT, format!("fiche jointe : {e}")))?;
                    sortie_pdf::ecrire(&doc, sortie)
                });
                if let Err((code, message)) = pdf {
                    eprintln!("guichet : {message}");
                    return code;
                }
            }
            super::imprimer_json(&r)
        }
        Err(ErreurEstimation::Saisie(e)) => {
            eprintln!("guichet : {e}");
            EXIT_INVALID_INPUT
        }
        Err(e @ ErreurEstimation::Donnees(_)) => {
            eprintln!("guichet : {e}");
            EXIT_FAILURE
        }
    }
}

/// A household document: its estimate as JSON, and with `--pdf` the
/// household's print (always every offer of the grid, as the comparison needs).
fn estimer_foyer(
    foyer: &SituationFoyer,
    baremes: &[Bareme],
    args: &EstimerArgs,
    entete: &EnTete,
) -> i32 {
    let tables = Tables::livrees(baremes);
    let r = match moteur::foyer::estimer_foyer(foyer, &tables) {
        Ok(r) => r,
        Err(e) => return refus_estimation(e),
    };
    if let Some(sortie) = &args.sortie.pdf {
        let quatre = if foyer.offre.is_none() {
            Ok(r.clone())
        } else {
            let toutes = SituationFoyer {
                offre: None,
                ..foyer.clone()
            };
            moteur::foyer::estimer_foyer(&toutes, &tables)
        };
        let quatre = match quatre {
            Ok(q) => q,
            Err(e) => return refus_estimation(e),
        };
        let pdf = foyer_imprime(foyer, &quatre, entete, !args.sans_fiche)
            .map_err(|e| (EXIT_INVALID_INPUT, format!("fiche jointe : {e}")))
            .and_then(|doc| sortie_pdf::ecrire(&doc, sortie));
        if let Err((code, message)) = pdf {
            eprintln!("guichet : {message}");
            return code;
        }
    }
    super::imprimer_json(&r)
}

/// An estimate refused: exit 2 for input to correct, 1 for a data fault.
fn refus_estimation(e: ErreurEstimation) -> i32 {
    eprintln!("guichet : {e}");
    match e {
        ErreurEstimation::Saisie(_) => EXIT_INVALID_INPUT,
        ErreurEstimation::Donnees(_) => EXIT_FAILURE,
    }
}

/// The result over every offer of the grid, which the printed estimate compares:
/// `r` itself when the situation names no offer, else a second estimate.
fn quatre_offres(
    situation: &Situation,
    r: &Resultat,
    baremes: &[Bareme],
) -> Result<Resultat, Refus> {
    if situation.offre.is_none() {
        return Ok(r.clone());
    }
    let mut toutes = situation.clone();
    toutes.offre = None;
    moteur::estimer(&toutes, &Tables::livrees(baremes)).map_err(|e| {
        let code = match e {
            ErreurEstimation::Saisie(_) => EXIT_INVALID_INPUT,
            ErreurEstimation::Donnees(_) => EXIT_FAILURE,
        };
        (code, e.to_string())
    })
}
