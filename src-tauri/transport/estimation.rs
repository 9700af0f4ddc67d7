//! Transport types of the Estimation screen: the catalogue as the act search
//! and the act editor need it, and the answer of an estimate (the engine's
//! result, or the input error with the JSON path of the faulty field).

use crate::moteur::catalogue::{ActeCatalogue, Champ, ElementDeclare, EnveloppeDeclaree};
use crate::moteur::{Catalogue, ErreurSaisie, Resultat};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One act of the catalogue, as the UI searches and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActeVue {
    pub code: String,
    pub libelle: String,
    pub section: String,
    pub lignes: Vec<String>,
    pub synonymes: Vec<String>,
    /// Reimbursed by the Sécurité sociale.
    pub rembourse: bool,
    /// The BRSS must be typed (no default base for this act).
    pub brss_a_saisir: bool,
    /// Fields the act requires.
    pub champs: Vec<Champ>,
    /// Fields the act accepts.
    pub champs_optionnels: Vec<Champ>,
    pub elements: Vec<ElementDeclare>,
    pub materiaux: Vec<String>,
    pub codes_lpp: Vec<String>,
    pub age_moins_de: Option<u32>,
    pub note: Option<String>,
    /// The frais réels may be left out (forfait journalier).
    pub frais_reels_optionnels: bool,
}

/// The catalogue for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogueVue {
    pub actes: Vec<ActeVue>,
    pub enveloppes: Vec<EnveloppeDeclaree>,
}

impl ActeVue {
    fn de(a: &ActeCatalogue) -> ActeVue {
        ActeVue {
            code: a.code.clone(),
            libelle: a.libelle.clone(),
            section: a.section.clone(),
            lignes: a.lignes.clone(),
            synonymes: a.synonymes.clone(),
            rembourse: a.rembourse,
            brss_a_saisir: (a.rembourse && a.bases.is_empty()) || a.base_sans_remboursement,
            champs: a.champs.clone(),
            champs_optionnels: a.champs_optionnels.clone(),
            elements: a.elements.clone(),
            materiaux: a.materiaux.clone(),
            codes_lpp: a.codes_lpp.clone(),
            age_moins_de: a.age_moins_de,
            note: a.note.clone(),
            frais_reels_optionnels: a.regle == crate::moteur::catalogue::Regle::ForfaitJournalier,
        }
    }
}

impl From<&Catalogue> for CatalogueVue {
    fn from(c: &Catalogue) -> Self {
        CatalogueVue {
            actes: c.actes.iter().map(ActeVue::de).collect(),
            enveloppes: c.enveloppes.clone(),
        }
    }
}

/// An input error: `chemin` is the JSON path of the field ("actes[0].frais_reels").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ErreurChampVue {
    pub chemin: String,
    pub message: String,
}

impl From<ErreurSaisie> for ErreurChampVue {
    fn from(e: ErreurSaisie) -> Self {
        ErreurChampVue {
            chemin: e.chemin,
            message: e.message,
        }
    }
}

/// The answer of `estimer`: the result, or the input to correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReponseEstimation {
    pub resultat: Option<Resultat>,
    pub erreur: Option<ErreurChampVue>,
}
