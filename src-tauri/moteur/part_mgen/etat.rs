//! The offer's state for the year: what the acts already priced under one
//! offer drew on its annual envelopes and counted against its limits, and
//! the optical equipment bought, so that the next act (in date order) sees
//! them. The member's own figures (`assure.deja_utilise`) are added where
//! each rule reads them.

use super::super::optique::EtatOptique;
use super::super::situation::Situation;
use super::limites::dans_periode;
use crate::tarifs::{Compteur, Limite};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Consumption of limits and envelopes under one offer, in date order.
#[derive(Debug, Default)]
pub struct EtatOffre<'a> {
    /// Amount drawn on each envelope, per calendar year (a handful of
    /// entries); the key is the catalogue's or the barème's envelope id, or
    /// made from the line and variant.
    enveloppes: Vec<(Cow<'a, str>, i32, Decimal)>,
    /// Acts counted by a limit: what, on which date, how many units.
    evenements: Vec<(Compteur, NaiveDate, u32)>,
    /// The counters the act being priced met; recorded when it is done, so
    /// that its components do not count one another.
    compteurs_de_l_acte: Vec<Compteur>,
    /// Line 25, note **: the equipment bought so far.
    pub(super) optique: EtatOptique,
}

impl<'a> EtatOffre<'a> {
    pub fn new(situation: &Situation) -> Self {
        EtatOffre {
            optique: EtatOptique::new(
                situation
                    .assure
                    .deja_utilise
                    .as_ref()
                    .and_then(|d| d.dernier_equipement_optique),
            ),
            ..Default::default()
        }
    }

    /// What this estimate already drew on envelope `cle` in `annee`.
    pub(super) fn deja_puise(&self, cle: &str, annee: i32) -> Decimal {
        self.enveloppes
            .iter()
            .find(|(c, a, _)| &**c == cle && *a == annee)
            .map_or(Decimal::ZERO, |(_, _, m)| *m)
    }

    /// Draws `montant` on envelope `cle` for `annee`.
    pub(super) fn puiser(&mut self, cle: Cow<'a, str>, annee: i32, montant: Decimal) {
        match self
            .enveloppes
            .iter_mut()
            .find(|(c, a, _)| *c == cle && *a == annee)
        {
            Some((_, _, m)) => *m += montant,
            None => self.enveloppes.push((cle, annee, montant)),
        }
    }

    /// Units the earlier acts of this estimate counted against `limite`
    /// within its period ending at `date`.
    pub(super) fn deja_compte(&self, limite: &Limite, date: NaiveDate) -> u32 {
        self.evenements
            .iter()
            .filter(|(c, d, _)| *c == limite.compteur && dans_periode(limite.periode, date, *d))
            .map(|(_, _, n)| *n)
            .sum()
    }

    /// The act being priced counts against `compteur`.
    pub(super) fn compter(&mut self, compteur: Compteur) {
        if !self.compteurs_de_l_acte.contains(&compteur) {
            self.compteurs_de_l_acte.push(compteur);
        }
    }

    /// The act is priced: its `quantite` counts, at `date`, against every
    /// counter it met.
    pub(super) fn clore_acte(&mut self, date: NaiveDate, quantite: u32) {
        for c in self.compteurs_de_l_acte.drain(..) {
            self.evenements.push((c, date, quantite));
        }
    }
}
