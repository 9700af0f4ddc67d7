//! The `guichet` command line: without a subcommand it opens the window; with
//! one it works headless, JSON in and out, French help and messages.
//! Exit codes: 0 success, 2 invalid input (message on stderr), 1 other failure.

mod bareme;
mod base;
mod catalogue;
mod erreurs;
mod estimer;
mod fiche;
mod historique;
mod simulateurs;
mod sortie_pdf;

use crate::store::{resolve_db_path, Store};
use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;

/// Exit code for input the adviser must correct.
pub const EXIT_INVALID_INPUT: i32 = 2;
/// Exit code for any other failure (database, disk, bug).
pub const EXIT_FAILURE: i32 = 1;

/// French layout of the help of the subcommands.
const MODELE_AIDE: &str = "{about}\n\nUtilisation : {usage}\n\n{all-args}";

#[derive(Debug, Parser)]
#[command(
    name = "guichet",
    version,
    about = "Guichet — estimations de remboursement et bons à savoir pour les conseillers MGEN.\n\
             Sans commande : ouvre la fenêtre de l'application.",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Commandes",
    next_help_heading = "Options",
    help_template = "{about}\n\nUtilisation : {usage}\n\n{all-args}"
)]
pub struct Cli {
    /// Fichier de base de données (sinon GUICHET_DB, sinon $XDG_DATA_HOME/guichet/guichet.db)
    #[arg(long, value_name = "CHEMIN", global = true)]
    pub db: Option<PathBuf>,

    /// Affiche la version
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    /// Affiche cette aide
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Crée ou met à jour la base, puis affiche son chemin et la version de son schéma ; ou : vérifier, sauvegarder, sauvegardes, restaurer, mettre-de-cote
    #[command(
        help_template = MODELE_AIDE,
        subcommand_help_heading = "Commandes",
        next_help_heading = "Options",
        disable_help_subcommand = true
    )]
    Base {
        #[command(subcommand)]
        action: Option<base::ActionBase>,
    },
    /// Estimations enregistrées : enregistrer, lister, afficher, dupliquer, supprimer, exporter, purger, conservation
    #[command(
        subcommand,
        help_template = MODELE_AIDE,
        subcommand_help_heading = "Commandes",
        next_help_heading = "Options",
        disable_help_subcommand = true
    )]
    Historique(historique::ActionHistorique),
    /// Affiche en JSON une fiche « bon à savoir » calculée avec les dates de l'adhérent
    Fiche(Box<fiche::FicheArgs>),
    /// Caution acquisition : cotisation par tranches et conditions d'attribution (JSON)
    Caution(simulateurs::CautionArgs),
    /// Option invalidité Corem : cotisation, conditions et dates (JSON)
    Corem(simulateurs::CoremArgs),
    /// MGEN Assistance : prime, services ouverts par un événement, enveloppe d'unités (JSON)
    #[command(subcommand)]
    Assistance(simulateurs::AssistanceCommande),
    /// Barèmes MGEN (Annexe 2) : lister, versions, importer
    #[command(subcommand)]
    Bareme(bareme::BaremeCommand),
    /// Estime une situation (fichier JSON) : Sécurité sociale, MGEN et reste à charge par offre (JSON)
    Estimer(estimer::EstimerArgs),
    /// Affiche en JSON le catalogue des actes (libellés, lignes de l'Annexe, champs, bases par défaut)
    Catalogue(catalogue::CatalogueArgs),
}

/// Entry point of the binary; returns the process exit code.
pub fn main() -> i32 {
    let started = crate::mesures::depart();
    let cli = match lire_arguments() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if let Some(code) = sans_base(cli.command.as_ref()) {
        return code;
    }
    let path = match resolve_db_path(cli.db.clone(), std::env::var_os("GUICHET_DB")) {
        Ok((p, _)) => p,
        Err(message) => {
            eprintln!("guichet : {message}");
            return EXIT_FAILURE;
        }
    };
    let maintenant = chrono::Local::now().naive_local();
    // Listing backups, restoring one, setting the file aside: without opening
    // the database, which may be damaged.
    if let Some(Command::Base {
        action: Some(action),
    }) = &cli.command
    {
        if action.sans_ouverture() {
            return base::executer_sans_ouverture(action, &path, maintenant);
        }
    }
    crate::mesures::marque(started, "arguments lus");
    let mut store = match Store::open(&path) {
        Ok(s) => s,
        // The window opens anyway and offers to restore a backup.
        Err(e) if cli.command.is_none() && e.est_endommagee() => {
            return match crate::commands::run_base_endommagee(path, e, started) {
                Ok(()) => 0,
                Err(message) => {
                    eprintln!("guichet : {message}");
                    EXIT_FAILURE
                }
            };
        }
        Err(e) => {
            eprintln!("guichet : {e}");
            if matches!(e, crate::store::StoreError::NotADatabase { .. }) {
                eprintln!(
                    "guichet : si c'est bien la base de Guichet, voyez « guichet base sauvegardes » \
                     puis « guichet base restaurer »"
                );
            }
            return EXIT_FAILURE;
        }
    };
    crate::mesures::marque(started, "base ouverte");
    // First start: the shipped barème versions are written into the base.
    if let Err(e) = store.seed_baremes_livres(chrono::Utc::now().naive_utc()) {
        eprintln!("guichet : {e}");
        return EXIT_FAILURE;
    }
    crate::mesures::marque(started, "barèmes livrés vérifiés");
    executer(cli.command, store, maintenant, started)
}

/// The command line, or the exit code when it does not read (0 for
/// `--help` and `--version`, after printing them).
fn lire_arguments() -> Result<Cli, i32> {
    Cli::try_parse().map_err(|e| {
        match erreurs::message(&e) {
            Some(message) => eprintln!("guichet : {message}"),
            None => {
                let _ = e.print();
            }
        }
        match e.kind() {
            clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
            _ => EXIT_INVALID_INPUT,
        }
    })
}

/// Runs `command` (the window when there is none) on the opened database.
fn executer(
    command: Option<Command>,
    mut store: Store,
    maintenant: chrono::NaiveDateTime,
    started: std::time::Instant,
) -> i32 {
    match command {
        None => match crate::commands::run(store, started) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("guichet : {message}");
                EXIT_FAILURE
            }
        },
        Some(Command::Base {
            action: Some(action),
        }) => base::executer(&action, &store, maintenant),
        Some(Command::Historique(action)) => {
            // A save names an offer of a grid held (the shipped ones if the
            // database cannot say).
            let validateur = store
                .offres_des_baremes()
                .map(crate::historique::ValidationMoteur::avec_offres)
                .unwrap_or_default();
            historique::executer(action, &mut store, &validateur, maintenant)
        }
        Some(Command::Base { action: None }) => {
            let version = store.schema_version().unwrap_or(-1);
            imprimer_json(
                &serde_json::json!({ "chemin": store.path().display().to_string(), "schema": version }),
            )
        }
        Some(Command::Fiche(args)) => fiche::run(&args),
        Some(Command::Caution(a)) => simulateurs::caution(a),
        Some(Command::Corem(a)) => simulateurs::corem(a),
        Some(Command::Assistance(c)) => simulateurs::assistance(c),
        Some(Command::Bareme(command)) => bareme::run(&mut store, command),
        Some(Command::Estimer(args)) => estimer::run(&store, &args),
        Some(Command::Catalogue(args)) => catalogue::run(&args),
    }
}

/// The subcommands that need no database — the checklists, the comparison
/// of two grid files — run here, before any database is opened.
fn sans_base(command: Option<&Command>) -> Option<i32> {
    match command? {
        Command::Fiche(args) => Some(fiche::run(args)),
        Command::Bareme(bareme::BaremeCommand::Diff {
            avant,
            apres,
            texte,
            sortie,
        }) => Some(bareme::diff(avant, apres, *texte, sortie)),
        _ => None,
    }
}

/// Prints a value as pretty JSON on stdout (see [`ecrire_ligne`]).
pub(crate) fn imprimer_json<T: serde::Serialize>(valeur: &T) -> i32 {
    match serde_json::to_string_pretty(valeur) {
        Ok(json) => ecrire_ligne(&json),
        Err(e) => {
            eprintln!("guichet : sortie JSON impossible : {e}");
            EXIT_FAILURE
        }
    }
}

/// Writes one line on stdout and flushes it. A closed pipe (`guichet
/// catalogue | head`) or a full disk is an exit code and a French message,
/// never a panic as with `println!`.
pub(crate) fn ecrire_ligne(texte: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{texte}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("guichet : écriture sur la sortie impossible : {e}");
            EXIT_FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn help_is_in_french() {
        let help = Cli::command().render_help().to_string();
        assert!(help.contains("Utilisation"), "{help}");
        assert!(help.contains("Affiche la version"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
    }
}
