//! The offer's state for the year: what the acts already priced under one
//! offer drew on its annual envelopes and counted against its limits, and
//! the optical equipment bought, so that the next act (in date order) sees
//! them. The member's own figures (`assure.deja_utilise`) are added where
//! each rule reads them.
//!
//! In a household estimate ([`crate::moteur::foyer`]) one state serves the
//! whole household under an offer: every draw and count is recorded with
//! the person it belongs to, and the rule that reads it says whether it
//! counts that person's only or the household's ([`super::portee`]). The
//! optical equipment and the classe B ceilings are each person's.

use super::super::optique::EtatOptique;
use super::super::panier::DejaPaye;
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
    /// The last field is the person who drew it (0 alone).
    enveloppes: Vec<(Cow<'a, str>, i32, Decimal, usize)>,
    /// Acts counted by a limit: what, on which date, how many units, for
    /// whom.
    evenements: Vec<(Compteur, NaiveDate, u32, usize)>,
    /// The counters the act being priced met; recorded when it is done, so
    /// that its components do not count one another.
    compteurs_de_l_acte: Vec<Compteur>,
    /// Line 25, note **: the equipment bought so far, per person.
    optique: Vec<EtatOptique>,
    /// MGEN paid on each date's classe B equipment (contrat responsable
    /// ceiling), per person.
    equipements_classe_b: Vec<DejaPaye>,
    /// The person whose act is being priced (position in the household).
    personne: usize,
    /// Whether the act being priced drew on what another person of the
    /// household used, under a reading the Annexe does not state.
    pub(super) lecture_foyer: bool,
}

/// Whose use a limit or an envelope counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qui {
    /// The person whose act is being priced.
    Personne,
    /// The other persons of the household.
    Autres,
}

impl<'a> EtatOffre<'a> {
    /// The state of the persons `membres` (one for a single member), each
    /// with the date of their last glasses.
    pub fn new(membres: &[Situation]) -> Self {
        EtatOffre {
            optique: membres
                .iter()
                .map(|s| {
                    EtatOptique::new(
                        s.assure
                            .deja_utilise
                            .as_ref()
                            .and_then(|d| d.dernier_equipement_optique),
                    )
                })
                .collect(),
            equipements_classe_b: membres.iter().map(|_| DejaPaye::default()).collect(),
            ..Default::default()
        }
    }

    /// The next act priced is person `personne`'s.
    pub fn pour(&mut self, personne: usize) {
        self.personne = personne;
    }

    /// The person whose act is being priced.
    pub(super) fn personne(&self) -> usize {
        self.personne
    }

    fn est(&self, qui: Qui, personne: usize) -> bool {
        (personne == self.personne) == (qui == Qui::Personne)
    }

    /// The optical equipment of the person being priced.
    pub(super) fn optique(&mut self) -> &mut EtatOptique {
        &mut self.optique[self.personne]
    }

    /// The classe B equipment of the person being priced.
    pub(super) fn equipements_classe_b(&mut self) -> &mut DejaPaye {
        &mut self.equipements_classe_b[self.personne]
    }

    /// What this estimate already drew on envelope `cle` in `annee`, for
    /// the person being priced or for the others.
    pub(super) fn deja_puise(&self, cle: &str, annee: i32, qui: Qui) -> Decimal {
        self.enveloppes
            .iter()
            .filter(|(c, a, _, k)| &**c == cle && *a == annee && self.est(qui, *k))
            .map(|(_, _, m, _)| *m)
            .sum()
    }

    /// Draws `montant` on envelope `cle` for `annee`, for the person being
    /// priced.
    pub(super) fn puiser(&mut self, cle: Cow<'a, str>, annee: i32, montant: Decimal) {
        let k = self.personne;
        match self
            .enveloppes
            .iter_mut()
            .find(|(c, a, _, p)| *c == cle && *a == annee && *p == k)
        {
            Some((_, _, m, _)) => *m += montant,
            None => self.enveloppes.push((cle, annee, montant, k)),
        }
    }

    /// Units the earlier acts of this estimate counted against `limite`
    /// within its period ending at `date`, for the person being priced or
    /// for the others.
    pub(super) fn deja_compte(&self, limite: &Limite, date: NaiveDate, qui: Qui) -> u32 {
        self.evenements
            .iter()
            .filter(|(c, d, _, k)| {
                *c == limite.compteur && dans_periode(limite.periode, date, *d) && self.est(qui, *k)
            })
            .map(|(_, _, n, _)| *n)
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
            self.evenements.push((c, date, quantite, self.personne));
        }
    }
}
