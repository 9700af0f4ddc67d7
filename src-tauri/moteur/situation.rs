//! The situation document: who receives the care, what was already used this
//! year, and the acts to estimate. It is what the UI sends, what the CLI reads
//! and what the history saves. Field names are French and fixed by issue 4.
//!
//! ```text
//! { "date": "2018-06-15",              date of care by default (AAAA-MM-JJ)
//!   "offre": "reference",              optional; absent = every offer of the grid
//!   "assure": {
//!     "date_naissance": "1983-02-01",  required
//!     "statut": "fonctionnaire",       optional: fonctionnaire | non_fonctionnaire
//!                                      | retraite | etudiant | ayant_droit
//!     "parcours_soins": true,          required: a médecin traitant is declared
//!                                      and the care follows the parcours
//!     "css": false,                    required: Complémentaire santé solidaire
//!     "handicap": false,               required (companion fees, line 24)
//!     "date_adhesion": "2015-09-01",   optional: start of MGEN membership; the
//!                                      optical renewal periods run from it
//!                                      (Annexe note ** of line 25)
//!     "grossesse": { "debut": "2018-01-10", "terme": "2018-10-10",
//!                    "accouchement": "2018-10-02" },   optional; accouchement optional
//!     "deja_utilise": {                optional; all fields optional, absent = 0 / none
//!       "participations_forfaitaires": "12.00",  € deducted this calendar year
//!       "franchises": "8.50",                    € deducted this calendar year
//!       "enveloppes": { "se_soigner_autrement": "50.00" },  € paid by MGEN from
//!                                      each annual envelope this year (ids: see
//!                                      `guichet catalogue`, "enveloppes")
//!       "seances_psychotherapie": 4,   this calendar year (line 7)
//!       "appareils_auditifs": 1,       devices bought this calendar year (line 29)
//!       "implants": 1,                 this and last calendar year (26.5.1)
//!       "couronnes_sur_implant": 0,    this and last calendar year (26.5.2)
//!       "semestres_orthodontie": 2,    semesters of active treatment already paid
//!       "dernier_equipement_optique": "2017-03-01", date of the last glasses paid
//!       "derniere_aide_auditive": "2020-03-01"  date of the last hearing aid paid
//!                                      (100 % Santé renewal, `moteur::panier`)
//!     } },
//!   "actes": [ {
//!     "code": "consultation_generaliste",   from the catalogue
//!     "date": "2018-06-15",            optional; default the situation's date
//!     "quantite": 1,                   optional, default 1: identical units
//!                                      (sessions, lenses, boxes, teeth…)
//!     "frais_reels": "30.00",          total billed for the line (all units)
//!     "brss": "25.00",                 total base for the line; optional when
//!                                      the catalogue has a default per unit
//!     "taux_amo": "70",                optional override of the AMO rate
//!     "exoneration_tm": false,         optional: ticket modérateur exonerated (ALD…)
//!     "praticien": "dr-martin",        optional: same-doctor daily cap of the
//!                                      participation forfaitaire
//!     …and the fields the act needs, listed per act in the catalogue:
//!     "optam", "reseau", "conventionne", "cecite", "evolution_vue" (booleans),
//!     "nuits", "jours", "appareils", "dents" (integers: nights, days of the
//!     forfait journalier, hearing aids owned, teeth on a dental appliance),
//!     "sejour" (mco | maternite | psychiatrie | ssr), "dent"
//!     (incisive_canine_premolaire | molaire), "debut_traitement"
//!     (avant_16_ans | apres_16_ans), "element" and "materiau" (values listed
//!     by the act), "code_lpp" (a code listed by the act, or a code of the
//!     reform's data for it from its date), "code_ccam" (the devis's CCAM
//!     code: 4 capital letters, 3 digits; a known code implies the basket,
//!     tooth and base, `moteur::codes_devis`).
//! } ] }
//! ```
//! Amounts are decimal strings with at most two decimals; the JSON reader
//! ([`super::lecture`]) refuses unknown fields and impossible values with a
//! French message naming the JSON path.
//!
//! A household is the same document with a `foyer` list of persons, each
//! with their own `assure` and `actes`, instead of `assure` and `actes`
//! (see [`super::foyer`]); a document without `foyer` is read as above.

pub use crate::tarifs::cent_pour_cent_sante::Panier;
use crate::tarifs::Offre;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The whole input of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// Default date of care.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// One offer, or `None` for the four.
    #[serde(default)]
    pub offre: Option<Offre>,
    pub assure: Assure,
    pub actes: Vec<Acte>,
    /// The 100 % Santé equipment the practitioner must also offer in a
    /// devis (optics, dental, hearing): estimated beside the chosen one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub alternative_100_sante: Option<Vec<Acte>>,
}

impl Situation {
    /// An amount `assure.deja_utilise` states for the calendar year
    /// `annee`: it is this year's consumption, so it counts only in the year
    /// of the situation's date; acts of a later year start from zero.
    pub fn deja_montant(
        &self,
        annee: i32,
        f: impl FnOnce(&DejaUtilise) -> Option<Decimal>,
    ) -> Decimal {
        if annee != chrono::Datelike::year(&self.date) {
            return Decimal::ZERO;
        }
        self.assure
            .deja_utilise
            .as_ref()
            .and_then(f)
            .unwrap_or_default()
    }
}

/// Professional status (informative: the engine does not use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Statut {
    Fonctionnaire,
    NonFonctionnaire,
    Retraite,
    Etudiant,
    AyantDroit,
}

impl Statut {
    pub const NOMS: [&'static str; 5] = [
        "fonctionnaire",
        "non_fonctionnaire",
        "retraite",
        "etudiant",
        "ayant_droit",
    ];
}

/// The person who receives the care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Assure {
    #[ts(type = "string")]
    pub date_naissance: NaiveDate,
    #[serde(default)]
    pub statut: Option<Statut>,
    pub parcours_soins: bool,
    pub css: bool,
    pub handicap: bool,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub date_adhesion: Option<NaiveDate>,
    #[serde(default)]
    pub grossesse: Option<Grossesse>,
    #[serde(default)]
    pub deja_utilise: Option<DejaUtilise>,
}

/// Pregnancy dates (maternité window, seed 000).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Grossesse {
    #[ts(type = "string")]
    pub debut: NaiveDate,
    #[ts(type = "string")]
    pub terme: NaiveDate,
    /// Actual date of birth, when known; otherwise the term is used.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub accouchement: Option<NaiveDate>,
}

/// This year's consumption before the acts of the situation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DejaUtilise {
    #[serde(default)]
    #[ts(type = "string | null")]
    pub participations_forfaitaires: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub franchises: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "Record<string, string>")]
    pub enveloppes: BTreeMap<String, Decimal>,
    #[serde(default)]
    pub seances_psychotherapie: Option<u32>,
    #[serde(default)]
    pub appareils_auditifs: Option<u32>,
    #[serde(default)]
    pub implants: Option<u32>,
    #[serde(default)]
    pub couronnes_sur_implant: Option<u32>,
    #[serde(default)]
    pub semestres_orthodontie: Option<u32>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub dernier_equipement_optique: Option<NaiveDate>,
    /// Date of the last hearing aid paid (100 % Santé renewal, 4 years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub derniere_aide_auditive: Option<NaiveDate>,
}

/// Kind of hospital stay (lines 21, 22).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sejour {
    /// Médecine, chirurgie, obstétrique.
    Mco,
    Maternite,
    Psychiatrie,
    /// Soins de suite et de réadaptation.
    Ssr,
}

impl Sejour {
    pub const NOMS: [&'static str; 4] = ["mco", "maternite", "psychiatrie", "ssr"];

    pub fn nom(self) -> &'static str {
        Self::NOMS[self as usize]
    }
}

/// Kind of tooth (lines 26.3.1.4, 26.3.2.x).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Dent {
    IncisiveCaninePremolaire,
    Molaire,
}

impl Dent {
    pub fn nom(self) -> &'static str {
        match self {
            Dent::IncisiveCaninePremolaire => "incisive_canine_premolaire",
            Dent::Molaire => "molaire",
        }
    }
}

/// When an orthodontic treatment not reimbursed by the AMO started (26.8.1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DebutTraitement {
    #[serde(rename = "avant_16_ans")]
    Avant16Ans,
    #[serde(rename = "apres_16_ans")]
    Apres16Ans,
}

impl DebutTraitement {
    pub fn nom(self) -> &'static str {
        match self {
            DebutTraitement::Avant16Ans => "avant_16_ans",
            DebutTraitement::Apres16Ans => "apres_16_ans",
        }
    }
}

/// One line of care (one act code, possibly several identical units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Acte {
    pub code: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub date: Option<NaiveDate>,
    pub quantite: u32,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub frais_reels: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub brss: Option<Decimal>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub taux_amo: Option<Decimal>,
    #[serde(default)]
    pub exoneration_tm: Option<bool>,
    #[serde(default)]
    pub praticien: Option<String>,
    #[serde(default)]
    pub optam: Option<bool>,
    #[serde(default)]
    pub reseau: Option<bool>,
    #[serde(default)]
    pub conventionne: Option<bool>,
    #[serde(default)]
    pub cecite: Option<bool>,
    #[serde(default)]
    pub evolution_vue: Option<bool>,
    #[serde(default)]
    pub nuits: Option<u32>,
    #[serde(default)]
    pub jours: Option<u32>,
    #[serde(default)]
    pub appareils: Option<u32>,
    #[serde(default)]
    pub sejour: Option<Sejour>,
    #[serde(default)]
    pub element: Option<String>,
    #[serde(default)]
    pub code_lpp: Option<String>,
    /// The CCAM code printed on the devis line (dental prosthetics: four
    /// capital letters, three digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code_ccam: Option<String>,
    #[serde(default)]
    pub dent: Option<Dent>,
    #[serde(default)]
    pub materiau: Option<String>,
    #[serde(default)]
    pub debut_traitement: Option<DebutTraitement>,
    #[serde(default)]
    pub dents: Option<u32>,
    /// The basket (class) the devis puts the item in (optics, dental
    /// prosthetics, hearing aids; from the reform's dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub panier: Option<Panier>,
    /// The price limit (PLV or HLF) printed on the devis for the whole
    /// line, when our sources do not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub prix_limite: Option<Decimal>,
}

impl Acte {
    /// A bare act of `code` with one unit and these frais réels (tests, UI defaults).
    pub fn nouveau(code: &str, frais_reels: Decimal) -> Acte {
        Acte {
            code: code.to_string(),
            date: None,
            quantite: 1,
            frais_reels: Some(frais_reels),
            brss: None,
            taux_amo: None,
            exoneration_tm: None,
            praticien: None,
            optam: None,
            reseau: None,
            conventionne: None,
            cecite: None,
            evolution_vue: None,
            nuits: None,
            jours: None,
            appareils: None,
            sejour: None,
            element: None,
            code_lpp: None,
            code_ccam: None,
            dent: None,
            materiau: None,
            debut_traitement: None,
            dents: None,
            panier: None,
            prix_limite: None,
        }
    }
}
