//! The `guichet` command line: without a subcommand it opens the window; with
//! one it works headless, JSON in and out, French help and messages.
//! Exit codes: 0 success, 2 invalid input (message on stderr), 1 other failure.

mod bareme;

use crate::store::{resolve_db_path, Store};
use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Instant;

/// Exit code for input the adviser must correct.
pub const EXIT_INVALID_INPUT: i32 = 2;
/// Exit code for any other failure (database, disk, bug).
pub const EXIT_FAILURE: i32 = 1;

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
    /// Crée ou met à jour la base, puis affiche son chemin et la version de son schéma
    Base,
    /// Barèmes MGEN (Annexe 2) : lister, versions, importer
    #[command(subcommand)]
    Bareme(bareme::BaremeCommand),
}

/// Entry point of the binary; returns the process exit code.
pub fn main() -> i32 {
    let started = Instant::now();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => EXIT_INVALID_INPUT,
            };
        }
    };
    let mut store = match open_store(cli.db.clone()) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("guichet : {message}");
            return EXIT_FAILURE;
        }
    };
    match cli.command {
        None => match crate::commands::run(store, started) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("guichet : {message}");
                EXIT_FAILURE
            }
        },
        Some(Command::Base) => {
            let version = store.schema_version().unwrap_or(-1);
            println!(
                "{}",
                serde_json::json!({ "chemin": store.path().display().to_string(), "schema": version })
            );
            0
        }
        Some(Command::Bareme(command)) => bareme::run(&mut store, command),
    }
}

fn open_store(flag: Option<PathBuf>) -> Result<Store, String> {
    let (path, _) = resolve_db_path(flag, std::env::var_os("GUICHET_DB"))?;
    let mut store = Store::open(&path).map_err(|e| e.to_string())?;
    store
        .seed_baremes_livres(chrono::Utc::now().naive_utc())
        .map_err(|e| e.to_string())?;
    Ok(store)
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
