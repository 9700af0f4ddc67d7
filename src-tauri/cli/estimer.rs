//! `guichet estimer FICHIER.json`: reads a situation document (see
//! `moteur::situation`), estimates it with the barèmes held in the database
//! (the shipped 2018 table and any imported version) and prints the result
//! as JSON on stdout. Invalid input exits with code 2 and a French message
//! on stderr naming the JSON path; "-" reads the situation from stdin.

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::moteur::{self, catalogue_livre, ErreurEstimation};
use crate::store::Store;
use crate::tarifs::amo::parametres_livres;
use clap::Args;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct EstimerArgs {
    /// Fichier JSON de la situation (« - » pour l'entrée standard)
    #[arg(value_name = "FICHIER")]
    pub fichier: PathBuf,
}

/// Runs the subcommand; returns the exit code.
pub fn run(store: &Store, args: &EstimerArgs) -> i32 {
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
    let situation = match moteur::lecture::lire_texte(&texte) {
        Ok(s) => s,
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
    match moteur::estimer(&situation, &baremes, parametres_livres(), catalogue_livre()) {
        Ok(r) => match serde_json::to_string_pretty(&r) {
            Ok(json) => {
                println!("{json}");
                0
            }
            Err(e) => {
                eprintln!("guichet : sortie JSON impossible : {e}");
                EXIT_FAILURE
            }
        },
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
