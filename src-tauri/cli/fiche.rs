//! `guichet fiche <FICHE> [--debut-grossesse D] …`: builds a "bon à savoir"
//! checklist and prints it as JSON on stdout. Dates as AAAA-MM-JJ or
//! JJ/MM/AAAA. A missing or invalid input exits with code 2 and a French
//! message naming the flag. With `--pdf SORTIE.pdf` the printable checklist
//! is written too (see `sortie_pdf`), before the JSON is printed.

use super::sortie_pdf::{self, OptionsPdf};
use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::documents::document_fiche;
use crate::fiches::{self, SituationText};
use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct FicheArgs {
    /// maternite, arret-travail, carte-vitale, medecin-traitant, franchises,
    /// feuilles-de-soins, changement-situation ou nouvel-adherent
    #[arg(value_name = "FICHE")]
    pub fiche: String,
    /// Date de début de grossesse
    #[arg(long, value_name = "DATE")]
    pub debut_grossesse: Option<String>,
    /// Terme prévu (date présumée de l'accouchement)
    #[arg(long, value_name = "DATE")]
    pub terme: Option<String>,
    /// Date de l'accouchement, s'il a eu lieu
    #[arg(long, value_name = "DATE")]
    pub date_accouchement: Option<String>,
    /// Date de la première constatation médicale de la grossesse
    #[arg(long, value_name = "DATE")]
    pub constatation_grossesse: Option<String>,
    /// Date de l'arrêt de travail
    #[arg(long, value_name = "DATE")]
    pub date_arret: Option<String>,
    /// fonctionnaire, non-fonctionnaire, non-fonctionnaire-court ou demandeur-emploi
    #[arg(long, value_name = "STATUT")]
    pub statut: Option<String>,
    /// Date de la perte, du vol ou de la panne de la carte Vitale
    #[arg(long, value_name = "DATE")]
    pub date_perte: Option<String>,
    /// Carte Vitale : perte, vol ou dysfonctionnement
    #[arg(long, value_name = "MOTIF")]
    pub motif: Option<String>,
    /// Date des soins
    #[arg(long, value_name = "DATE")]
    pub date_soins: Option<String>,
    #[command(flatten)]
    pub sortie: OptionsPdf,
}

impl FicheArgs {
    fn situation(&self) -> SituationText {
        SituationText {
            debut_grossesse: self.debut_grossesse.clone(),
            terme: self.terme.clone(),
            date_accouchement: self.date_accouchement.clone(),
            constatation_grossesse: self.constatation_grossesse.clone(),
            date_arret: self.date_arret.clone(),
            statut: self.statut.clone(),
            date_perte: self.date_perte.clone(),
            motif: self.motif.clone(),
            date_soins: self.date_soins.clone(),
        }
    }
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: &FicheArgs) -> i32 {
    let entete = match args
        .sortie
        .verifier(chrono::Local::now().date_naive(), &None)
    {
        Ok(e) => e,
        Err((code, message)) => {
            eprintln!("guichet : {message}");
            return code;
        }
    };
    match fiches::build(args.fiche.trim(), &args.situation()) {
        Ok(checklist) => {
            if let Some(sortie) = &args.sortie.pdf {
                let doc = document_fiche(&checklist, &entete);
                if let Err((code, message)) = sortie_pdf::ecrire(&doc, sortie) {
                    eprintln!("guichet : {message}");
                    return code;
                }
            }
            super::imprimer_json(&checklist)
        }
        Err(e) if e.is_input_error() => {
            eprintln!("guichet : {}", e.with_flags());
            EXIT_INVALID_INPUT
        }
        Err(e) => {
            eprintln!("guichet : {e}");
            EXIT_FAILURE
        }
    }
}
