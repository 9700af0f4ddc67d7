//! The result of an estimate: per offer, per act, the AMO part with each
//! deduction, the MGEN part, the reste à charge, and the explanation trace
//! (formula with the numbers, reference, date of effect, source, kind), plus
//! warnings. Every amount is rounded to the cent; totals are the exact sums
//! of the amounts shown per act.

use super::chaine::{Chaine, Chaines};
use super::journal::{Avertissements, Explications};
use crate::tarifs::Offre;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an explanation line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GenreExplication {
    /// A computed amount.
    Calcul,
    /// A ceiling that bounds an amount (principe indemnitaire, annual cap…).
    Plafond,
    /// A count limit or an envelope (20 sessions a year, 125 € a year…).
    Limite,
    /// Something the adviser must notice (also listed in `avertissements`).
    Avertissement,
}

/// Kinds of warnings, for the UI to pick an icon; the message says it all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CodeAvertissement {
    /// The amount depends on an ambiguous cell of the table.
    LectureAConfirmer,
    /// A count limit is reached (sessions, devices, implants…).
    LimiteAtteinte,
    /// An annual envelope is used up.
    EnveloppeEpuisee,
    /// The newest MGEN table is more than a year older than the date of care.
    BaremeAncien,
    /// An AMO value is used after the date up to which it was checked.
    ParametreAmoNonVerifie,
    /// A devis price above the price limit of its 100 % Santé basket or
    /// capped fees (it should not happen).
    PrixLimiteDepasse,
    /// Optical equipment outside its renewal period.
    HorsRenouvellement,
    /// A condition of the table is not met (companion, conventionné only…).
    ConditionNonRemplie,
    /// Anything else worth saying (deductions left for later, readings…).
    Information,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Avertissement {
    pub code: CodeAvertissement,
    pub message: String,
}

/// The Sécurité sociale part of one act.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartAmo {
    /// BRSS × rate, before any deduction.
    #[ts(type = "string")]
    pub brut: Decimal,
    #[ts(type = "string")]
    pub participation_forfaitaire: Decimal,
    #[ts(type = "string")]
    pub franchise: Decimal,
    /// The heavy-act participation (R.160-16: 18 €, 24 € from 2019).
    #[ts(type = "string")]
    pub participation_18: Decimal,
    /// brut − the three deductions: what the member receives.
    #[ts(type = "string")]
    pub net: Decimal,
}

/// One act under one offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultatActe {
    /// Position of the act in the input `actes`.
    pub index: u32,
    #[ts(type = "string")]
    pub code: Chaine,
    #[ts(type = "string")]
    pub libelle: Chaine,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub quantite: u32,
    #[ts(type = "string")]
    pub frais_reels: Decimal,
    /// The base used by the AMO (total for the line), 0 when not reimbursed.
    #[ts(type = "string")]
    pub brss: Decimal,
    /// The AMO rate applied, in percent.
    #[ts(type = "string")]
    pub taux_amo: Decimal,
    pub amo: PartAmo,
    #[ts(type = "string")]
    pub mgen: Decimal,
    /// frais_reels − amo.net − mgen.
    #[ts(type = "string")]
    pub reste_a_charge: Decimal,
    /// Annexe lines applied ("2.1", "20"…).
    #[ts(type = "Array<string>")]
    pub lignes_annexe: Chaines,
    /// The MGEN table used ("MGEN Annexe 2 — 2018").
    #[ts(type = "string")]
    pub bareme: Chaine,
    /// True when an amount depends on an ambiguous cell.
    pub lecture_a_confirmer: bool,
    #[ts(type = "Array<Explication>")]
    pub explications: Explications,
    #[ts(type = "Array<Avertissement>")]
    pub avertissements: Avertissements,
}

impl ResultatActe {
    /// Every amount of the act, in the order of [`Totaux`]: frais réels,
    /// base, AMO gross, participation forfaitaire, franchise, 18 €
    /// participation, AMO net, MGEN, reste à charge.
    pub fn montants(&self) -> [Decimal; 9] {
        [
            self.frais_reels,
            self.brss,
            self.amo.brut,
            self.amo.participation_forfaitaire,
            self.amo.franchise,
            self.amo.participation_18,
            self.amo.net,
            self.mgen,
            self.reste_a_charge,
        ]
    }
}

/// Sums over the acts of one offer (exact sums of the per-act amounts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Totaux {
    #[ts(type = "string")]
    pub frais_reels: Decimal,
    #[ts(type = "string")]
    pub brss: Decimal,
    pub amo: PartAmo,
    #[ts(type = "string")]
    pub mgen: Decimal,
    #[ts(type = "string")]
    pub reste_a_charge: Decimal,
}

/// All acts under one offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResultatOffre {
    pub offre: Offre,
    /// "MGEN Référence".
    pub libelle: String,
    pub actes: Vec<ResultatActe>,
    pub totaux: Totaux,
    /// Whether any amount of this offer depends on an ambiguous cell.
    pub lecture_a_confirmer: bool,
}

/// A MGEN table used by the estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BaremeUtilise {
    pub nom: String,
    #[ts(type = "string")]
    pub en_vigueur_le: NaiveDate,
    pub source: String,
}

/// The maternité 100 % window computed from the pregnancy dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodeMaternite {
    /// 1st day of the 6th month of pregnancy.
    #[ts(type = "string")]
    pub debut: NaiveDate,
    /// 12th day after the birth (or the term when the birth date is unknown).
    #[ts(type = "string")]
    pub fin: NaiveDate,
    pub explication: String,
}

/// The whole estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resultat {
    /// The situation's date.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// One entry per offer asked, in the table's column order.
    pub offres: Vec<ResultatOffre>,
    pub baremes: Vec<BaremeUtilise>,
    #[ts(type = "string")]
    pub amo_verifie_jusqu_au: NaiveDate,
    pub maternite: Option<PeriodeMaternite>,
    /// Warnings about the whole estimate (old table, unchecked AMO values…).
    pub avertissements: Vec<Avertissement>,
    /// How amounts are rounded (said once for the whole estimate).
    pub arrondi: String,
    /// "Estimation indicative…" — to print with the figures.
    pub mention: String,
    /// The devis's 100 % Santé alternative, estimated under the same
    /// offers (absent when the situation gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub alternative_100_sante: Option<Vec<ResultatOffre>>,
}
