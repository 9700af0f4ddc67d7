//! `guichet catalogue [--date AAAA-MM-JJ]`: prints the catalogue of acts as
//! JSON — code, French label, Annexe lines, synonyms, the fields each act
//! needs, its default BRSS (valued at the date, today by default) or that
//! the base must be entered, the AMO rate and deduction.

use super::EXIT_INVALID_INPUT;
use crate::moteur::catalogue::{catalogue_livre, vue};
use crate::tarifs::amo::parametres_livres;
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct CatalogueArgs {
    /// Date à laquelle évaluer les bases et taux (AAAA-MM-JJ ; aujourd'hui par défaut)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &CatalogueArgs) -> i32 {
    let date = match &args.date {
        None => chrono::Local::now().date_naive(),
        Some(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                eprintln!("guichet : --date : date invalide « {s} » (format AAAA-MM-JJ)");
                return EXIT_INVALID_INPUT;
            }
        },
    };
    super::imprimer_json(&vue(catalogue_livre(), parametres_livres(), date))
}
