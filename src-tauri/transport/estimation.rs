//! Transport types of the Estimation screen: the catalogue as the act search
//! and the act editor need it, and the answer of an estimate (the engine's
//! result, or the input error with the JSON path of the faulty field).

use crate::moteur::catalogue::{ActeCatalogue, EnveloppeDeclaree, FicheActe};
use crate::moteur::{Catalogue, ErreurSaisie, Resultat};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One act of the catalogue, as the UI searches and edits it: its
/// [`FicheActe`] (shared with `guichet catalogue`) and what the act editor
/// needs besides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActeVue {
    #[serde(flatten)]
    pub fiche: FicheActe,
    /// The BRSS must be typed (no default base for this act).
    pub brss_a_saisir: bool,
    pub age_moins_de: Option<u32>,
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
            fiche: FicheActe::from(a),
            brss_a_saisir: (a.rembourse && a.bases.is_empty()) || a.base_sans_remboursement,
            age_moins_de: a.age_moins_de,
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

/// The draft of the estimate being typed, as the Estimation screen wrote it
/// (`brouillon_lire`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrouillonVue {
    /// The screen's own JSON text: the form exactly as typed.
    pub contenu: String,
    /// Local time of the last write, `AAAA-MM-JJTHH:MM:SS`.
    pub ecrit_le: String,
}

impl From<crate::store::brouillon::Brouillon> for BrouillonVue {
    fn from(b: crate::store::brouillon::Brouillon) -> Self {
        BrouillonVue {
            contenu: b.contenu,
            ecrit_le: b.ecrit_le.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}
