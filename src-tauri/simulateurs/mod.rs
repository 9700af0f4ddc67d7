//! The three simulators of seed 004 (MGEN Statuts et Règlements 2018), after
//! Annexe 2: the Caution acquisition MGEN notice, the Garantie invalidité
//! additionnelle au Corem notice and the MGEN Assistance (IMA) notice.
//!
//! Each tool is a pure function: a typed request, its barème (loaded from
//! `assets/simulateurs/*.toml`) and explicit dates in, a result with every
//! line of the computation, the conditions checked and the notes on how the
//! notice was read. Nothing here knows Tauri, SQLite, PDF or the clock.
//!
//! The requests arrive as *saisies* (what the adviser typed, as text):
//! [`saisie`] turns them into typed values or into an error naming the field.

pub mod assistance;
pub mod bareme;
pub mod caution;
pub mod corem;
pub mod dates;
pub mod erreur;
pub mod saisie;

pub use bareme::Baremes;
pub use erreur::SimulateurError;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Rounds an amount to the cent, half away from zero, and writes it with two
/// decimals ("250" → "250.00"): the last step of every amount shown.
pub fn au_centime(montant: Decimal) -> Decimal {
    let mut d = montant.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d
}

/// A remark on how a rule was read or applied, with the article it comes from.
/// `a_confirmer` marks a reading of an ambiguous passage ("lecture à confirmer").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    pub texte: String,
    pub article: String,
    pub a_confirmer: bool,
}

impl Note {
    /// A plain explanation.
    pub fn info(texte: impl Into<String>, article: impl Into<String>) -> Note {
        Note {
            texte: texte.into(),
            article: article.into(),
            a_confirmer: false,
        }
    }

    /// A reading of an ambiguous passage, to be confirmed.
    pub fn lecture(texte: impl Into<String>, article: impl Into<String>) -> Note {
        Note {
            texte: texte.into(),
            article: article.into(),
            a_confirmer: true,
        }
    }
}

/// The outcome of one eligibility condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "StatutCondition")]
pub enum Statut {
    /// The condition holds.
    Remplie,
    /// The condition fails: the request is refused for this reason.
    NonRemplie,
    /// The information needed to check it was not given.
    AVerifier,
}

/// One eligibility condition, checked: what it requires, what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Condition {
    /// Stable identifier (`age_emprunteur`, `duree_relais`, …).
    pub code: String,
    /// What the notice requires, in a few words.
    pub libelle: String,
    pub statut: Statut,
    /// What was found in this case (figures, dates), in French.
    pub detail: String,
    pub article: String,
}

impl Condition {
    pub fn new(
        code: &str,
        libelle: &str,
        article: &str,
        statut: Statut,
        detail: impl Into<String>,
    ) -> Condition {
        Condition {
            code: code.to_string(),
            libelle: libelle.to_string(),
            statut,
            detail: detail.into(),
            article: article.to_string(),
        }
    }
}

/// `Some(false)` when a condition fails, `Some(true)` when all hold, `None`
/// when none fails but some could not be checked.
pub fn verdict(conditions: &[Condition]) -> Option<bool> {
    if conditions.iter().any(|c| c.statut == Statut::NonRemplie) {
        Some(false)
    } else if conditions.iter().any(|c| c.statut == Statut::AVerifier) {
        None
    } else {
        Some(true)
    }
}

/// The refusal reasons: the detail of every failing condition.
pub fn motifs(conditions: &[Condition]) -> Vec<String> {
    conditions
        .iter()
        .filter(|c| c.statut == Statut::NonRemplie)
        .map(|c| c.detail.clone())
        .collect()
}

/// "1234.5" → "1 234,50 €" (narrow no-break space), for the French sentences
/// of explanations; the UI formats the decimal fields itself.
pub fn euros_fr(montant: Decimal) -> String {
    let d = au_centime(montant);
    let s = d.abs().to_string();
    let (ent, dec) = s.split_once('.').unwrap_or((&s, "00"));
    let mut groupes = String::new();
    for (i, c) in ent.chars().enumerate() {
        if i > 0 && (ent.len() - i) % 3 == 0 {
            groupes.push('\u{202f}');
        }
        groupes.push(c);
    }
    let signe = if d.is_sign_negative() && !d.is_zero() {
        "−"
    } else {
        ""
    };
    format!("{signe}{groupes},{dec}\u{202f}€")
}

/// [`euros_fr`] without the cents when there are none: "80 000 €", "92 €",
/// but "1 234,56 €" — for thresholds and ceilings quoted from the notices.
pub fn euros_court(montant: Decimal) -> String {
    let s = euros_fr(montant);
    s.replace(",00\u{202f}€", "\u{202f}€")
}

/// A percentage for French sentences, written as the barème writes it:
/// "0.90" → "0,90 %", "1.2" → "1,2 %".
pub fn pct_fr(taux: Decimal) -> String {
    format!("{}\u{202f}%", taux.to_string().replace('.', ","))
}

/// A date for French sentences: 2026-11-22 → "22/11/2026".
pub fn date_fr(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The TypeScript declarations of the simulators' requests and results, in
/// the order of `ui/src/lib/bindings.ts`, where the IPC layer puts them.
pub fn declarations_typescript() -> Vec<String> {
    use assistance::{enveloppe as env, evenement as ev, prime, Delai, Service, StatutService};
    vec![
        Note::decl(),
        Statut::decl(),
        Condition::decl(),
        caution::PretSaisie::decl(),
        caution::CautionSaisie::decl(),
        caution::LigneTranche::decl(),
        caution::CotisationCaution::decl(),
        caution::FinParAge::decl(),
        caution::CautionResultat::decl(),
        corem::CoremSaisie::decl(),
        corem::CoremDates::decl(),
        corem::CoremResultat::decl(),
        prime::PrimeSaisie::decl(),
        prime::PrimeResultat::decl(),
        env::ConsommationSaisie::decl(),
        env::EnveloppeSaisie::decl(),
        env::Annexe::decl(),
        env::LigneEnveloppe::decl(),
        env::EnveloppeResultat::decl(),
        ev::EnfantSaisie::decl(),
        ev::FoyerSaisie::decl(),
        ev::EvenementSaisie::decl(),
        ev::AssistanceSaisie::decl(),
        StatutService::decl(),
        Delai::decl(),
        Service::decl(),
        ev::DureeEvenement::decl(),
        ev::Exclusion::decl(),
        ev::EnveloppeOuverte::decl(),
        ev::EvenementResultat::decl(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_away_from_zero_with_two_decimals() {
        assert_eq!(au_centime(dec!(1.925)).to_string(), "1.93");
        assert_eq!(au_centime(dec!(-1.925)).to_string(), "-1.93");
        assert_eq!(au_centime(dec!(250)).to_string(), "250.00");
    }

    #[test]
    fn french_amounts_and_rates() {
        assert_eq!(euros_fr(dec!(2140)), "2\u{202f}140,00\u{202f}€");
        assert_eq!(
            euros_fr(dec!(1000000)),
            "1\u{202f}000\u{202f}000,00\u{202f}€"
        );
        assert_eq!(euros_fr(dec!(0.275)), "0,28\u{202f}€");
        assert_eq!(euros_court(dec!(80000)), "80\u{202f}000\u{202f}€");
        assert_eq!(euros_court(dec!(1234.5)), "1\u{202f}234,50\u{202f}€");
        assert_eq!(pct_fr(dec!(0.90)), "0,90\u{202f}%");
        assert_eq!(pct_fr(dec!(1.2)), "1,2\u{202f}%");
    }

    #[test]
    fn verdict_refuses_on_any_failure_and_waits_on_missing_information() {
        let ok = Condition::new("a", "a", "art. 1", Statut::Remplie, "ok");
        let ko = Condition::new("b", "b", "art. 2", Statut::NonRemplie, "refus b");
        let q = Condition::new("c", "c", "art. 3", Statut::AVerifier, "?");
        assert_eq!(verdict(std::slice::from_ref(&ok)), Some(true));
        assert_eq!(verdict(&[ok.clone(), q.clone()]), None);
        assert_eq!(verdict(&[q, ko.clone(), ok]), Some(false));
        assert_eq!(motifs(&[ko]), vec!["refus b".to_string()]);
    }
}
