//! What a built checklist is: a plain serializable structure (title, intro,
//! the situation it was made for, items with their text, computed dates,
//! recipient, source and flags). The CLI prints it as JSON, the UI shows it,
//! the PDF renders it; none of them computes anything more.

use super::situation::{Anchor, Field, FieldKind};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A checklist built for one member's situation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Checklist {
    /// "maternite", "arret-travail", …
    pub id: String,
    pub title: String,
    pub intro: String,
    /// What was entered, in French ("Date de l'arrêt de travail : 05/01/2026").
    pub situation: Vec<SituationLine>,
    pub items: Vec<ChecklistItem>,
    /// The document the texts come from.
    pub source_document: String,
}

/// One entered value, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SituationLine {
    pub field: Field,
    pub label: String,
    pub value: String,
}

/// One thing to know or to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    /// Stable key within the checklist ("declaration-grossesse").
    pub id: String,
    /// The sentence, dates in French format already filled in.
    pub text: String,
    /// The date computed for this item, if it has one.
    pub date: Option<ItemDate>,
    /// Who to contact or send to.
    pub recipient: Option<String>,
    /// What to send.
    pub to_send: Option<String>,
    /// Where the rule comes from.
    pub source: SourceRef,
    /// To highlight: a deadline or a point not to miss.
    pub important: bool,
    /// Dated amounts quoted in the text, with their sources.
    pub amounts: Vec<DatedAmount>,
    /// How a date was obtained when not from the member's own dates.
    pub notes: Vec<String>,
}

/// A computed date of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemDate {
    /// To be done at the latest on that date ("au plus tard le").
    Due { due: ComputedDate },
    /// Not to be expected before that date ("pas avant le").
    NotBefore { earliest: ComputedDate },
    /// A period, both ends included ("du … au …").
    Period {
        start: ComputedDate,
        end: ComputedDate,
    },
}

/// A date and how it was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComputedDate {
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The date it is counted from.
    pub from: Anchor,
    #[ts(type = "string")]
    pub from_date: NaiveDate,
    /// The rule in words: "début de grossesse (10/03/2026) + 3 mois − 1 jour".
    pub rule: String,
}

/// The guide section an item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SourceRef {
    /// As printed: "Guide Sécurité sociale MGEN, « Maternité »".
    pub section: String,
    /// Where to check it: "seed 000, l. 272-295".
    pub reference: String,
}

/// An amount in force at the date of care, with the text it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DatedAmount {
    pub name: String,
    pub label: String,
    #[ts(type = "string")]
    pub amount: Decimal,
    /// First day this amount applies.
    #[ts(type = "string")]
    pub since: NaiveDate,
    pub source: String,
}

/// A checklist as offered in the list, with the inputs it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistSummary {
    pub id: String,
    /// Short name for the list ("Maternité").
    pub label: String,
    pub title: String,
    pub intro: String,
    pub fields: Vec<FieldSpec>,
}

/// One input a checklist asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldSpec {
    pub field: Field,
    pub label: String,
    pub kind: FieldKind,
    /// Must be entered.
    pub required: bool,
    /// Fields sharing a group: at least one of them must be entered.
    pub group: Option<String>,
    /// One line of help under the input.
    pub help: Option<String>,
    /// For a choice: the allowed values.
    pub choices: Vec<Choice>,
    /// The command-line flag.
    pub flag: String,
}

/// An allowed value of a choice field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl ItemDate {
    /// Every computed date of the item with the date it was counted from.
    pub fn computed(&self) -> Vec<&ComputedDate> {
        match self {
            ItemDate::Due { due } => vec![due],
            ItemDate::NotBefore { earliest } => vec![earliest],
            ItemDate::Period { start, end } => vec![start, end],
        }
    }
}
