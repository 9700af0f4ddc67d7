//! MGEN Assistance (contrat collectif MGEN auprès d'IMA Assurances, notice in
//! seed 004 from line ~1650): the premium prorated in the year of joining
//! ([`prime`]), the services an event opens for a household with their limits,
//! deadlines, territorial limits and exclusions ([`evenement`]), and the
//! 50-unit envelope of annexes 1 and 2 ([`enveloppe`]).

mod accompagnement;
pub mod demande;
pub mod enveloppe;
pub mod evenement;
pub mod prime;
mod regles;
mod sejours;
mod services;

pub use enveloppe::{EnveloppeResultat, EnveloppeSaisie};
pub use evenement::{AssistanceSaisie, EvenementResultat};
pub use prime::{PrimeResultat, PrimeSaisie};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether an event opens a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatutService {
    Ouvert,
    /// Opened if a fact the tool cannot know holds (no relative available,
    /// stay longer than N × 24 h…): see `conditions`.
    SousCondition,
    NonOuvert,
}

/// The request deadline of a service, and what a call on a given day leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Delai {
    /// The rule in French.
    pub texte: String,
    /// Last day to ask in time.
    #[ts(type = "string")]
    pub date_limite: NaiveDate,
    /// The day of the call, counted from the event (its first day is day 1).
    #[ts(type = "number | null")]
    pub jour_appel: Option<i64>,
    pub dans_les_delais: Option<bool>,
    /// What is left of the ceiling after a late call ("2 jours, 2 h").
    pub plafond_restant: Option<String>,
}

/// One service of the notice, as this event opens it (or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Service {
    /// Article number of the notice ("1-1", "3-1-3").
    pub code: String,
    pub titre: String,
    pub statut: StatutService,
    /// Hours, days, amounts, frequency.
    pub limites: Vec<String>,
    /// Facts the tool cannot know and on which the service depends.
    pub conditions: Vec<String>,
    /// How it is given: formalities, who decides the hours, when it starts.
    pub modalites: Vec<String>,
    /// Why it is not opened.
    pub motif: Option<String>,
    /// Territorial limit, when it has one.
    pub territoire: Option<String>,
    pub delai: Option<Delai>,
    pub article: String,
}

impl Service {
    fn new(code: &str, titre: &str) -> Service {
        Service {
            code: code.to_string(),
            titre: titre.to_string(),
            statut: StatutService::Ouvert,
            limites: Vec::new(),
            conditions: Vec::new(),
            modalites: Vec::new(),
            motif: None,
            territoire: None,
            delai: None,
            article: format!("art. {code}"),
        }
    }

    fn limite(mut self, s: impl Into<String>) -> Service {
        self.limites.push(s.into());
        self
    }

    /// A formality or a way of giving the service; it does not make it uncertain.
    fn formalite(mut self, s: impl Into<String>) -> Service {
        self.modalites.push(s.into());
        self
    }

    /// A fact the tool cannot know and on which the service depends.
    fn si(mut self, s: impl Into<String>) -> Service {
        self.conditions.push(s.into());
        if self.statut == StatutService::Ouvert {
            self.statut = StatutService::SousCondition;
        }
        self
    }

    fn territoire(mut self, s: impl Into<String>) -> Service {
        self.territoire = Some(s.into());
        self
    }

    /// Closes the service; a later, more fundamental reason replaces the motif.
    fn fermer(&mut self, motif: impl Into<String>) {
        self.statut = StatutService::NonOuvert;
        self.motif = Some(motif.into());
    }

    fn ouvert(&self) -> bool {
        self.statut != StatutService::NonOuvert
    }
}
