//! The simulators on the command line: `guichet caution`, `guichet corem`,
//! `guichet assistance prime|evenement|enveloppe`. Flags (or a JSON file)
//! in, the result as JSON on stdout; input to correct → exit 2 with a French
//! message on stderr naming the field. `--pdf SORTIE.pdf` also writes the
//! one-page summary of the result (see `documents::document_simulation`).

use clap::{Args, Subcommand};
use serde::Serialize;
use std::path::{Path, PathBuf};

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::documents::{
    document_simulation, EnTete, ErreurSimulationImprimee, SimulationSaisie, SECTION_PAR_DEFAUT,
};
use crate::simulateurs::assistance::{self, AssistanceSaisie, EnveloppeSaisie, PrimeSaisie};
use crate::simulateurs::caution::{self, CautionSaisie, PretSaisie};
use crate::simulateurs::corem::{self, CoremSaisie};
use crate::simulateurs::saisie::Texte;
use crate::simulateurs::{Baremes, SimulateurError};

/// `guichet caution`.
#[derive(Debug, Args)]
pub struct CautionArgs {
    /// Montant emprunté, en euros (un seul prêt ; plusieurs prêts : --fichier)
    #[arg(long, value_name = "N")]
    pub montant: Option<String>,
    /// Assurance de prêt autre que le contrat CNP de MGEN (cotisation × 2)
    #[arg(long)]
    pub autre_assurance: bool,
    /// Type de prêt : amortissable (par défaut), relais, travaux, in-fine
    #[arg(long = "type", value_name = "TYPE")]
    pub type_pret: Option<String>,
    /// Durée du prêt en mois
    #[arg(long, value_name = "N")]
    pub duree_mois: Option<String>,
    /// Date de naissance de l'emprunteur (JJ/MM/AAAA)
    #[arg(long, value_name = "D")]
    pub date_naissance: Option<String>,
    /// Date de naissance du co-emprunteur (JJ/MM/AAAA)
    #[arg(long, value_name = "D")]
    pub date_naissance_co_emprunteur: Option<String>,
    /// Date de la demande de caution (JJ/MM/AAAA)
    #[arg(long, value_name = "D")]
    pub date_demande: Option<String>,
    /// Date d'effet du prêt (sinon la date de la demande)
    #[arg(long, value_name = "D")]
    pub date_effet: Option<String>,
    /// Opération : ancien, ancien-travaux, neuf, terrain
    #[arg(long, value_name = "OP")]
    pub operation: Option<String>,
    /// Coût total de l'opération, frais de notaire et d'agence compris
    #[arg(long, value_name = "N")]
    pub cout_operation: Option<String>,
    /// Apport personnel, en euros
    #[arg(long, value_name = "N")]
    pub apport: Option<String>,
    /// Part du bien détenue par le membre participant, en %
    #[arg(long, value_name = "PCT")]
    pub quote_part: Option<String>,
    /// Capital restant dû sur d'autres opérations cautionnées par MGEN
    #[arg(long, value_name = "N")]
    pub encours_autres: Option<String>,
    /// Situation du bien : metropole, drom, com, etranger
    #[arg(long, value_name = "LIEU")]
    pub localisation: Option<String>,
    /// Demande complète en JSON (plusieurs prêts, co-emprunteur), à la place des options
    #[arg(long, value_name = "F.json")]
    pub fichier: Option<PathBuf>,
    /// Écrit aussi le résumé d'une page en PDF dans ce fichier
    #[arg(long, value_name = "SORTIE.pdf")]
    pub pdf: Option<PathBuf>,
}

/// `guichet corem`.
#[derive(Debug, Args)]
pub struct CoremArgs {
    /// Cotisation annuelle versée au Corem, en euros
    #[arg(long, value_name = "N")]
    pub cotisation_annuelle: Option<String>,
    /// Versements au Corem des trois années civiles avant l'arrêt, du plus ancien au plus
    /// récent, séparés par des virgules (décimales avec un point) ou par des points-virgules
    #[arg(long, value_name = "A,B,C")]
    pub versements: Option<String>,
    /// Date de naissance (JJ/MM/AAAA)
    #[arg(long, value_name = "D")]
    pub date_naissance: Option<String>,
    /// Date de la demande d'adhésion (JJ/MM/AAAA)
    #[arg(long, value_name = "D")]
    pub date_demande: Option<String>,
    /// Qualité : membre (par défaut), conjoint, autre
    #[arg(long, value_name = "Q")]
    pub qualite: Option<String>,
    /// Pas en activité professionnelle
    #[arg(long)]
    pub inactif: bool,
    /// En arrêt de travail à la date de la demande
    #[arg(long)]
    pub en_arret: bool,
    /// En invalidité à la date de la demande
    #[arg(long)]
    pub en_invalidite: bool,
    /// Demande complète en JSON, à la place des options
    #[arg(long, value_name = "F.json")]
    pub fichier: Option<PathBuf>,
    /// Écrit aussi le résumé d'une page en PDF dans ce fichier
    #[arg(long, value_name = "SORTIE.pdf")]
    pub pdf: Option<PathBuf>,
}

/// `guichet assistance …`.
#[derive(Debug, Subcommand)]
pub enum AssistanceCommande {
    /// Prime MGEN Assistance de l'année d'adhésion
    Prime {
        /// Date d'adhésion (JJ/MM/AAAA)
        #[arg(long, value_name = "D")]
        date_adhesion: String,
        /// Nombre d'assurés : 1 (adhérent, par défaut) ou 2 (avec le conjoint)
        #[arg(long, value_name = "N", default_value = "1")]
        assures: String,
        /// Écrit aussi le résumé d'une page en PDF dans ce fichier
        #[arg(long, value_name = "SORTIE.pdf")]
        pdf: Option<PathBuf>,
    },
    /// Services ouverts par un événement (hospitalisation, PTA, mutation…)
    Evenement {
        /// Événement et foyer en JSON
        #[arg(long, value_name = "F.json")]
        fichier: PathBuf,
        /// Écrit aussi le résumé d'une page en PDF dans ce fichier
        #[arg(long, value_name = "SORTIE.pdf")]
        pdf: Option<PathBuf>,
    },
    /// Enveloppe de 50 unités : ce qui est utilisé et ce qui reste
    Enveloppe {
        /// Annexe et consommations en JSON
        #[arg(long, value_name = "F.json")]
        fichier: PathBuf,
        /// Écrit aussi le résumé d'une page en PDF dans ce fichier
        #[arg(long, value_name = "SORTIE.pdf")]
        pdf: Option<PathBuf>,
    },
}

/// Why a command could not answer.
enum Echec {
    Saisie(String),
    Interne(String),
}

impl From<SimulateurError> for Echec {
    fn from(e: SimulateurError) -> Self {
        match e {
            SimulateurError::Champ { .. } => Echec::Saisie(e.to_string()),
            SimulateurError::Bareme { .. } => Echec::Interne(e.to_string()),
        }
    }
}

fn conclure<T: Serialize>(r: Result<T, Echec>) -> i32 {
    match r.and_then(|v| {
        serde_json::to_string_pretty(&v).map_err(|e| Echec::Interne(format!("sortie JSON : {e}")))
    }) {
        Ok(json) => super::ecrire_ligne(&json),
        Err(Echec::Saisie(m)) => {
            eprintln!("guichet : {m}");
            EXIT_INVALID_INPUT
        }
        Err(Echec::Interne(m)) => {
            eprintln!("guichet : {m}");
            EXIT_FAILURE
        }
    }
}

fn baremes() -> Result<Baremes, Echec> {
    Ok(Baremes::integres()?)
}

/// Reads a JSON request file, with French messages.
fn lire_fichier<T: for<'de> serde::Deserialize<'de>>(chemin: &Path) -> Result<T, Echec> {
    let nom = chemin.display();
    let texte = std::fs::read_to_string(chemin).map_err(|e| {
        Echec::Saisie(match e.kind() {
            std::io::ErrorKind::NotFound => format!("fichier « {nom} » introuvable"),
            _ => format!("fichier « {nom} » illisible"),
        })
    })?;
    serde_json::from_str(&texte).map_err(|e| {
        Echec::Saisie(format!(
            "fichier « {nom} », ligne {} colonne {} : {}",
            e.line(),
            e.column(),
            traduire_erreur_json(&e.to_string())
        ))
    })
}

/// serde_json's messages, in French for the usual cases.
fn traduire_erreur_json(m: &str) -> String {
    let m = m.split(" at line ").next().unwrap_or(m);
    let champ = |prefixe: &str| {
        m.strip_prefix(prefixe)
            .and_then(|r| r.split('`').next())
            .map(str::to_string)
    };
    if let Some(c) = champ("unknown field `") {
        format!("champ « {c} » inconnu")
    } else if let Some(c) = champ("missing field `") {
        format!("champ « {c} » manquant")
    } else if m.starts_with("invalid type") {
        format!("type de valeur inattendu ({m})")
    } else if m.starts_with("EOF") {
        "fichier JSON incomplet".to_string()
    } else {
        format!("JSON invalide ({m})")
    }
}

/// `--pdf`: the one-page summary of the same request, printed today.
fn ecrire_pdf(b: &Baremes, saisie: SimulationSaisie, sortie: Option<&Path>) -> Result<(), Echec> {
    let Some(sortie) = sortie else {
        return Ok(());
    };
    let entete = EnTete {
        section: SECTION_PAR_DEFAUT.to_string(),
        imprime_le: chrono::Local::now().date_naive(),
        numero: None,
        initiales: None,
    };
    let doc = document_simulation(b, &saisie, &entete).map_err(|e| match e {
        ErreurSimulationImprimee::Saisie(e) => e.into(),
        e => Echec::Interne(e.to_string()),
    })?;
    let octets = crate::pdf::render(&doc).map_err(|e| Echec::Interne(e.to_string()))?;
    std::fs::write(sortie, octets).map_err(|e| {
        Echec::Saisie(format!(
            "--pdf : impossible d'écrire « {} » ({e})",
            sortie.display()
        ))
    })
}

fn texte(o: &Option<String>) -> Texte {
    Texte(o.clone().unwrap_or_default())
}

/// `guichet caution`.
pub fn caution(a: CautionArgs) -> i32 {
    conclure((|| {
        let b = baremes()?;
        let depuis_options = a.fichier.is_none();
        let saisie: CautionSaisie = match &a.fichier {
            Some(f) => {
                let autres = a.montant.is_some()
                    || a.autre_assurance
                    || a.type_pret.is_some()
                    || a.duree_mois.is_some()
                    || a.date_naissance.is_some()
                    || a.date_naissance_co_emprunteur.is_some()
                    || a.date_demande.is_some()
                    || a.date_effet.is_some()
                    || a.operation.is_some()
                    || a.cout_operation.is_some()
                    || a.apport.is_some()
                    || a.quote_part.is_some()
                    || a.encours_autres.is_some()
                    || a.localisation.is_some();
                if autres {
                    return Err(Echec::Saisie(
                        "--fichier remplace les autres options : mettez tout dans le fichier"
                            .into(),
                    ));
                }
                lire_fichier(f)?
            }
            None => CautionSaisie {
                prets: vec![PretSaisie {
                    montant: texte(&a.montant),
                    type_pret: Texte(a.type_pret.clone().unwrap_or_else(|| "amortissable".into())),
                    duree_mois: texte(&a.duree_mois),
                }],
                autre_assurance: a.autre_assurance,
                date_demande: texte(&a.date_demande),
                date_naissance: texte(&a.date_naissance),
                date_naissance_co_emprunteur: texte(&a.date_naissance_co_emprunteur),
                date_effet: texte(&a.date_effet),
                operation: texte(&a.operation),
                cout_operation: texte(&a.cout_operation),
                apport: texte(&a.apport),
                quote_part: texte(&a.quote_part),
                encours_autres: texte(&a.encours_autres),
                localisation: texte(&a.localisation),
            },
        };
        let demande = saisie.lire().map_err(|e| {
            // With flags there is one loan: name its fields as the flags.
            match e {
                SimulateurError::Champ { champ, message } if depuis_options => {
                    let champ = champ
                        .strip_prefix("prets[1].")
                        .unwrap_or(&champ)
                        .to_string();
                    Echec::Saisie(SimulateurError::Champ { champ, message }.to_string())
                }
                e => e.into(),
            }
        })?;
        let r = caution::simuler(&b.caution, &demande);
        ecrire_pdf(&b, SimulationSaisie::Caution(saisie), a.pdf.as_deref())?;
        Ok(r)
    })())
}

/// Splits `--versements`: on ';' when there is one (commas are then
/// decimal commas), else on ','.
fn decouper_versements(s: &str) -> Vec<Texte> {
    let sep = if s.contains(';') { ';' } else { ',' };
    s.split(sep).map(|x| Texte(x.trim().to_string())).collect()
}

/// `guichet corem`.
pub fn corem(a: CoremArgs) -> i32 {
    conclure((|| {
        let b = baremes()?;
        let saisie: CoremSaisie = match &a.fichier {
            Some(f) => {
                if a.cotisation_annuelle.is_some()
                    || a.versements.is_some()
                    || a.date_naissance.is_some()
                    || a.date_demande.is_some()
                    || a.qualite.is_some()
                    || a.inactif
                    || a.en_arret
                    || a.en_invalidite
                {
                    return Err(Echec::Saisie(
                        "--fichier remplace les autres options : mettez tout dans le fichier"
                            .into(),
                    ));
                }
                lire_fichier(f)?
            }
            None => CoremSaisie {
                cotisation_annuelle: texte(&a.cotisation_annuelle),
                versements: a
                    .versements
                    .as_deref()
                    .map(decouper_versements)
                    .unwrap_or_default(),
                date_naissance: texte(&a.date_naissance),
                date_demande: texte(&a.date_demande),
                qualite: Texte(a.qualite.clone().unwrap_or_else(|| "membre".into())),
                en_activite: Some(!a.inactif),
                en_arret: a.en_arret,
                en_invalidite: a.en_invalidite,
            },
        };
        let demande = saisie.lire(b.corem.annees_moyenne)?;
        let r = corem::simuler(&b.corem, &demande);
        ecrire_pdf(&b, SimulationSaisie::Corem(saisie), a.pdf.as_deref())?;
        Ok(r)
    })())
}

/// `guichet assistance …`.
pub fn assistance(c: AssistanceCommande) -> i32 {
    match c {
        AssistanceCommande::Prime {
            date_adhesion,
            assures,
            pdf,
        } => conclure((|| {
            let b = baremes()?;
            let s = PrimeSaisie {
                date_adhesion: Texte(date_adhesion),
                assures: Texte(assures),
            };
            let r = assistance::prime::calculer(&b.assistance, &s.lire()?);
            ecrire_pdf(&b, SimulationSaisie::AssistancePrime(s), pdf.as_deref())?;
            Ok(r)
        })()),
        AssistanceCommande::Evenement { fichier, pdf } => conclure((|| {
            let b = baremes()?;
            let s: AssistanceSaisie = lire_fichier(&fichier)?;
            let r = assistance::evenement::evaluer(&b.assistance, &s.lire()?);
            ecrire_pdf(&b, SimulationSaisie::AssistanceEvenement(s), pdf.as_deref())?;
            Ok(r)
        })()),
        AssistanceCommande::Enveloppe { fichier, pdf } => conclure((|| {
            let b = baremes()?;
            let s: EnveloppeSaisie = lire_fichier(&fichier)?;
            let r = assistance::enveloppe::calculer(&b.assistance, &s.lire(&b.assistance)?);
            ecrire_pdf(&b, SimulationSaisie::AssistanceEnveloppe(s), pdf.as_deref())?;
            Ok(r)
        })()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versements_split_on_commas_or_semicolons() {
        let v =
            |s: &str| -> Vec<String> { decouper_versements(s).into_iter().map(|t| t.0).collect() };
        assert_eq!(v("1200,1100.50,1000"), ["1200", "1100.50", "1000"]);
        assert_eq!(v("1 200,50; 1100 ;1000"), ["1 200,50", "1100", "1000"]);
    }

    #[test]
    fn json_errors_are_translated() {
        assert_eq!(
            traduire_erreur_json("unknown field `montnat`, expected one of `prets`"),
            "champ « montnat » inconnu"
        );
        assert_eq!(
            traduire_erreur_json("EOF while parsing an object at line 3 column 1"),
            "fichier JSON incomplet"
        );
    }
}
