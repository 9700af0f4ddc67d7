//! Transport types of the history of estimates and of the database's safety
//! (backups, restoration): what the Historique screen and the CLI's JSON
//! show. Dates are ISO text (`AAAA-MM-JJ`, `AAAA-MM-JJTHH:MM:SS`), formatted
//! the French way by the UI.

use crate::store::historique::{EstimationEnregistree, EstimationStockee, ResumeEstimation};
use crate::store::sauvegarde::{Restauration, SauvegardeVerifiee};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One line of the list of saved estimates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EstimationResume {
    /// `AAAA-NNNNNN`
    pub numero: String,
    /// `AAAA-MM-JJTHH:MM:SS`, local time of the save.
    pub enregistre_le: String,
    /// `AAAA-MM-JJ`
    pub date_soins: String,
    pub initiales: Option<String>,
    pub reference: Option<String>,
    /// Barème (version name or checksum) the estimate was made with.
    pub bareme: Option<String>,
    /// Persons of the saved document: 1 for a single member, more for a
    /// household.
    pub personnes: u32,
}

/// A saved estimate in full: its situation document as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EstimationDetail {
    pub numero: String,
    pub enregistre_le: String,
    pub date_soins: String,
    pub initiales: Option<String>,
    pub reference: Option<String>,
    pub bareme: Option<String>,
    /// `sha256:…` of the canonical text of `situation`.
    pub empreinte: String,
    #[ts(type = "Record<string, unknown>")]
    pub situation: serde_json::Value,
    /// Set when reopened (`historique_afficher`): how the barème in force
    /// on the date of care differs from the one recorded at the save, in
    /// French; null when it is the same (and in exports).
    #[serde(default)]
    pub changement_bareme: Option<String>,
}

/// One page of the list, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageHistorique {
    /// How many saved estimates match the search, over all pages.
    #[ts(type = "number")]
    pub total: u64,
    /// 1 for the first page.
    pub page: u32,
    pub par_page: u32,
    pub estimations: Vec<EstimationResume>,
}

/// The answer to a save or a duplication: the number given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EstimationNumerotee {
    pub numero: String,
    pub enregistre_le: String,
    pub empreinte: String,
}

/// Settings of the history shown on the Historique screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReglagesHistorique {
    /// Saved estimates older than this many days are removed at start.
    pub conservation_jours: u32,
}

/// One backup of the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SauvegardeInfo {
    /// File name, what `guichet base restaurer` takes.
    pub nom: String,
    /// `AAAA-MM-JJTHH:MM:SS`
    pub faite_le: String,
    #[ts(type = "number")]
    pub taille_octets: u64,
    /// Saved estimates it holds, when it is sound.
    #[ts(type = "number | null")]
    pub estimations: Option<u64>,
    /// Why it cannot be used, when it is damaged.
    pub probleme: Option<String>,
}

/// The state of the database as the Historique screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EtatBase {
    pub chemin: String,
    /// Set when the database could not be opened (damaged): the app then
    /// offers to restore a backup.
    pub probleme: Option<String>,
    /// What the start did: backup made, estimates purged, or why not.
    pub demarrage: Vec<String>,
    pub sauvegardes: Vec<SauvegardeInfo>,
}

/// What a restoration did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestaurationInfo {
    pub sauvegarde: String,
    /// Where the previous database file was kept (never deleted).
    pub mise_de_cote: Option<String>,
}

/// Every saved estimate of one member reference (right of access).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportReference {
    pub reference: String,
    pub estimations: Vec<EstimationDetail>,
}

const FORMAT_HORODATAGE: &str = "%Y-%m-%dT%H:%M:%S";

impl From<&ResumeEstimation> for EstimationResume {
    fn from(r: &ResumeEstimation) -> Self {
        EstimationResume {
            numero: r.numero.to_string(),
            enregistre_le: r.enregistre_le.format(FORMAT_HORODATAGE).to_string(),
            date_soins: r.date_soins.format("%Y-%m-%d").to_string(),
            initiales: r.initiales.clone(),
            reference: r.reference.clone(),
            bareme: r.bareme.clone(),
            personnes: r.personnes,
        }
    }
}

impl TryFrom<&EstimationStockee> for EstimationDetail {
    type Error = serde_json::Error;

    /// Fails only if the stored text is not JSON, which its checksum rules out.
    fn try_from(e: &EstimationStockee) -> Result<Self, serde_json::Error> {
        let r = EstimationResume::from(&e.resume);
        Ok(EstimationDetail {
            numero: r.numero,
            enregistre_le: r.enregistre_le,
            date_soins: r.date_soins,
            initiales: r.initiales,
            reference: r.reference,
            bareme: r.bareme,
            empreinte: e.empreinte.clone(),
            situation: serde_json::from_str(&e.situation)?,
            changement_bareme: None,
        })
    }
}

impl From<&EstimationEnregistree> for EstimationNumerotee {
    fn from(e: &EstimationEnregistree) -> Self {
        EstimationNumerotee {
            numero: e.numero.to_string(),
            enregistre_le: e.enregistre_le.format(FORMAT_HORODATAGE).to_string(),
            empreinte: e.empreinte.clone(),
        }
    }
}

impl From<&SauvegardeVerifiee> for SauvegardeInfo {
    fn from(v: &SauvegardeVerifiee) -> Self {
        SauvegardeInfo {
            nom: v.sauvegarde.nom.clone(),
            faite_le: v.sauvegarde.faite_le.format(FORMAT_HORODATAGE).to_string(),
            taille_octets: v.sauvegarde.taille,
            estimations: v.etat.as_ref().ok().copied(),
            probleme: v.etat.as_ref().err().cloned(),
        }
    }
}

impl From<&Restauration> for RestaurationInfo {
    fn from(r: &Restauration) -> Self {
        RestaurationInfo {
            sauvegarde: r.sauvegarde.nom.clone(),
            mise_de_cote: r.mise_de_cote.as_ref().map(|p| p.display().to_string()),
        }
    }
}
