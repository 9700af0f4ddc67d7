//! The barèmes an estimate uses: each one's name, shared by the results of
//! its acts, its source, copied once into the journal, and the date after
//! which it is more than a year old.

use super::chaine::Chaine;
use super::journal::Journal;
use super::texte::Cle;
use crate::tarifs::Bareme;
use chrono::{Months, NaiveDate};

/// What the acts of an estimate cite of their barème.
#[derive(Clone)]
pub struct Reperes {
    pub nom: Chaine,
    /// The barème's source, in the journal.
    pub source: Cle,
    /// Care after this day is more than a year after the barème's date of
    /// effect (`None`: never, the date overflows).
    pub ancien_apres: Option<NaiveDate>,
}

/// Found by address (`std::ptr::eq`): the tables outlive the estimate and
/// there are one or two.
#[derive(Default)]
pub struct BaremesUtilises<'a> {
    baremes: Vec<(&'a Bareme, Reperes)>,
}

impl<'a> BaremesUtilises<'a> {
    /// What the acts cite of barème `b`.
    pub fn bareme(&mut self, b: &'a Bareme, journal: &mut Journal) -> Reperes {
        if let Some((_, r)) = self.baremes.iter().find(|(x, _)| std::ptr::eq(*x, b)) {
            return r.clone();
        }
        let r = Reperes {
            nom: Chaine::permanente(b.nom_partage()),
            source: journal.chaine(&b.source),
            ancien_apres: b.en_vigueur_le.checked_add_months(Months::new(12)),
        };
        self.baremes.push((b, r.clone()));
        r
    }

    /// The barèmes used, in the order first used.
    pub fn baremes(&self) -> impl Iterator<Item = &'a Bareme> + '_ {
        self.baremes.iter().map(|(b, _)| *b)
    }
}
